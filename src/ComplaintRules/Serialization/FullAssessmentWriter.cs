using System.Text.Json;

namespace ComplaintRules;

/// <summary>
/// Writes the full profile by hand, byte for byte what <see cref="AssessmentJsonContext"/> writes: the serializer's
/// metadata for the whole assessment graph costs a cold CLI about 20 ms to build, for one line of output.
/// </summary>
/// <remarks>
/// Mirrors the serializer's rules: properties in declaration order, camelCase names, nulls written as <c>null</c>
/// (<c>DefaultIgnoreCondition = Never</c>), enums as their <c>JsonStringEnumMemberName</c> (an undefined value as its
/// number, as <c>JsonStringEnumConverter</c> does), a <see cref="Uri"/> as its original string, a <see cref="DateOnly"/>
/// as <c>yyyy-MM-dd</c>. A test holds the two writers equal over the samples, the probes and generated complaints.
/// </remarks>
internal static class FullAssessmentWriter
{
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText s_language = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText s_primaryCause = JsonEncodedText.Encode("primaryCause");
    private static readonly JsonEncodedText s_rootCauses = JsonEncodedText.Encode("rootCauses");
    private static readonly JsonEncodedText s_cause = JsonEncodedText.Encode("cause");
    private static readonly JsonEncodedText s_score = JsonEncodedText.Encode("score");
    private static readonly JsonEncodedText s_evidence = JsonEncodedText.Encode("evidence");
    private static readonly JsonEncodedText s_conflictType = JsonEncodedText.Encode("conflictType");
    private static readonly JsonEncodedText s_conflictTypes = JsonEncodedText.Encode("conflictTypes");
    private static readonly JsonEncodedText s_type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText s_subtype = JsonEncodedText.Encode("subtype");
    private static readonly JsonEncodedText s_severity = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText s_severityReasons = JsonEncodedText.Encode("severityReasons");
    private static readonly JsonEncodedText s_intensity = JsonEncodedText.Encode("intensity");
    private static readonly JsonEncodedText s_steps = JsonEncodedText.Encode("steps");
    private static readonly JsonEncodedText s_step = JsonEncodedText.Encode("step");
    private static readonly JsonEncodedText s_guidance = JsonEncodedText.Encode("guidance");
    private static readonly JsonEncodedText s_emphasis = JsonEncodedText.Encode("emphasis");
    private static readonly JsonEncodedText s_checklist = JsonEncodedText.Encode("checklist");
    private static readonly JsonEncodedText s_ruleId = JsonEncodedText.Encode("ruleId");
    private static readonly JsonEncodedText s_remedies = JsonEncodedText.Encode("remedies");
    private static readonly JsonEncodedText s_remedy = JsonEncodedText.Encode("remedy");
    private static readonly JsonEncodedText s_outcomeClass = JsonEncodedText.Encode("outcomeClass");
    private static readonly JsonEncodedText s_priority = JsonEncodedText.Encode("priority");
    private static readonly JsonEncodedText s_reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText s_grantedBy = JsonEncodedText.Encode("grantedBy");
    private static readonly JsonEncodedText s_trace = JsonEncodedText.Encode("trace");
    private static readonly JsonEncodedText s_decision = JsonEncodedText.Encode("decision");
    private static readonly JsonEncodedText s_warnings = JsonEncodedText.Encode("warnings");
    private static readonly JsonEncodedText s_code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText s_message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText s_deadlines = JsonEncodedText.Encode("deadlines");
    private static readonly JsonEncodedText s_authority = JsonEncodedText.Encode("authority");
    private static readonly JsonEncodedText s_handlerRole = JsonEncodedText.Encode("handlerRole");
    private static readonly JsonEncodedText s_offerNow = JsonEncodedText.Encode("offerNow");
    private static readonly JsonEncodedText s_needsApproval = JsonEncodedText.Encode("needsApproval");
    private static readonly JsonEncodedText s_text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText s_start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText s_length = JsonEncodedText.Encode("length");
    private static readonly JsonEncodedText s_signal = JsonEncodedText.Encode("signal");
    private static readonly JsonEncodedText s_field = JsonEncodedText.Encode("field");

    // The enums' JsonStringEnumMemberName values, indexed by the enum's value; Severity starts at 1.
    internal static readonly string[] CauseNames = [.. Vocabulary.Causes];
    internal static readonly string[] ConflictNames = [.. Vocabulary.Conflicts];
    internal static readonly string[] SeverityNames = ["", .. Vocabulary.Severities];
    internal static readonly string[] StepNames = [.. Vocabulary.Steps];
    internal static readonly string[] OutcomeNames = [.. Vocabulary.OutcomeClasses];

    public static void Write(Utf8JsonWriter writer, ComplaintAssessment assessment)
    {
        writer.WriteStartObject();
        writer.WriteString(s_id, assessment.Id);
        writer.WriteString(s_language, assessment.Language);
        WriteEnum(writer, s_primaryCause, CauseNames, (int)assessment.PrimaryCause);
        WriteCauses(writer, assessment.RootCauses);
        WriteEnum(writer, s_conflictType, ConflictNames, (int)assessment.ConflictType);
        WriteConflicts(writer, assessment.ConflictTypes);
        WriteEnum(writer, s_severity, SeverityNames, (int)assessment.Severity);
        WriteStrings(writer, s_severityReasons, assessment.SeverityReasons);
        writer.WriteNumber(s_intensity, assessment.Intensity);
        WriteSteps(writer, assessment.Steps);
        WriteRemedies(writer, s_remedies, assessment.Remedies);
        WriteTrace(writer, assessment.Trace);
        WriteWarnings(writer, assessment.Warnings);
        writer.WritePropertyName(s_deadlines);
        DeadlineJsonWriter.WriteList(writer, assessment.Deadlines);
        WriteAuthority(writer, assessment.Authority);
        writer.WriteEndObject();
    }

    /// <summary>A name of the enum's table, or the number for a value outside it (the converter's integer fallback).</summary>
    internal static void WriteEnum(Utf8JsonWriter writer, JsonEncodedText property, string[] names, int value)
    {
        if ((uint)value < (uint)names.Length && names[value].Length > 0)
        {
            writer.WriteString(property, names[value]);
        }
        else
        {
            writer.WriteNumber(property, value);
        }
    }

    /// <summary>The array form of <see cref="WriteEnum"/>.</summary>
    internal static void WriteEnumValue(Utf8JsonWriter writer, string[] names, int value)
    {
        if ((uint)value < (uint)names.Length && names[value].Length > 0)
        {
            writer.WriteStringValue(names[value]);
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    internal static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText property, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            writer.WriteNull(property);
            return;
        }

        writer.WriteStartArray(property);
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }

    private static void WriteCauses(Utf8JsonWriter writer, IReadOnlyList<CauseFinding>? causes)
    {
        if (StartArray(writer, s_rootCauses, causes))
        {
            for (var i = 0; i < causes!.Count; i++)
            {
                if (causes[i] is not { } cause)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                WriteEnum(writer, s_cause, CauseNames, (int)cause.Cause);
                writer.WriteNumber(s_score, cause.Score);
                WriteEvidence(writer, cause.Evidence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteConflicts(Utf8JsonWriter writer, IReadOnlyList<ConflictFinding>? conflicts)
    {
        if (StartArray(writer, s_conflictTypes, conflicts))
        {
            for (var i = 0; i < conflicts!.Count; i++)
            {
                if (conflicts[i] is not { } conflict)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                WriteEnum(writer, s_type, ConflictNames, (int)conflict.Type);
                writer.WriteString(s_subtype, conflict.Subtype);
                writer.WriteNumber(s_score, conflict.Score);
                WriteEvidence(writer, conflict.Evidence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteEvidence(Utf8JsonWriter writer, IReadOnlyList<Evidence>? evidence)
    {
        if (StartArray(writer, s_evidence, evidence))
        {
            for (var i = 0; i < evidence!.Count; i++)
            {
                if (evidence[i] is not { } item)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString(s_text, item.Text);
                writer.WriteNumber(s_start, item.Start);
                writer.WriteNumber(s_length, item.Length);
                writer.WriteString(s_ruleId, item.RuleId);
                writer.WriteString(s_signal, item.Signal);
                writer.WriteString(s_field, item.Field);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteSteps(Utf8JsonWriter writer, IReadOnlyList<StepGuidance>? steps)
    {
        if (StartArray(writer, s_steps, steps))
        {
            for (var i = 0; i < steps!.Count; i++)
            {
                if (steps[i] is not { } step)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                WriteEnum(writer, s_step, StepNames, (int)step.Step);
                writer.WriteString(s_guidance, step.Guidance);
                writer.WriteString(s_emphasis, step.Emphasis);
                WriteStrings(writer, s_checklist, step.Checklist);
                writer.WriteString(s_ruleId, step.RuleId);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteRemedies(Utf8JsonWriter writer, JsonEncodedText property, IReadOnlyList<RemedyRecommendation>? remedies)
    {
        if (StartArray(writer, property, remedies))
        {
            for (var i = 0; i < remedies!.Count; i++)
            {
                if (remedies[i] is not { } remedy)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString(s_remedy, remedy.Remedy);
                WriteEnum(writer, s_outcomeClass, OutcomeNames, (int)remedy.OutcomeClass);
                writer.WriteNumber(s_priority, remedy.Priority);
                writer.WriteString(s_reason, remedy.Reason);
                writer.WriteString(s_ruleId, remedy.RuleId);
                writer.WriteString(s_grantedBy, remedy.GrantedBy);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteTrace(Utf8JsonWriter writer, IReadOnlyList<RuleFiring>? trace)
    {
        if (StartArray(writer, s_trace, trace))
        {
            for (var i = 0; i < trace!.Count; i++)
            {
                if (trace[i] is not { } firing)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString(s_ruleId, firing.RuleId);
                writer.WriteString(s_decision, firing.Decision);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteWarnings(Utf8JsonWriter writer, IReadOnlyList<AssessmentWarning>? warnings)
    {
        if (StartArray(writer, s_warnings, warnings))
        {
            for (var i = 0; i < warnings!.Count; i++)
            {
                if (warnings[i] is not { } warning)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString(s_code, warning.Code);
                writer.WriteString(s_message, warning.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteAuthority(Utf8JsonWriter writer, RemedyAuthority? authority)
    {
        if (authority is null)
        {
            writer.WriteNull(s_authority);
            return;
        }

        writer.WriteStartObject(s_authority);
        writer.WriteString(s_handlerRole, authority.HandlerRole);
        WriteRemedies(writer, s_offerNow, authority.OfferNow);
        WriteRemedies(writer, s_needsApproval, authority.NeedsApproval);
        writer.WriteEndObject();
    }

    /// <summary>Starts the array and returns true, or writes <c>null</c> for a missing list (as the serializer would) and returns false.</summary>
    private static bool StartArray<T>(Utf8JsonWriter writer, JsonEncodedText property, IReadOnlyList<T>? list)
        where T : class
    {
        if (list is null)
        {
            writer.WriteNull(property);
            return false;
        }

        writer.WriteStartArray(property);
        return true;
    }
}
