using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Names = ComplaintRules.AssessmentJsonNames;

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
    // The enums' JsonStringEnumMemberName values, indexed by the enum's value; Severity starts at 1.
    internal static readonly string[] CauseNames = [.. Vocabulary.Causes];
    internal static readonly string[] ConflictNames = [.. Vocabulary.Conflicts];
    internal static readonly string[] SeverityNames = ["", .. Vocabulary.Severities];
    internal static readonly string[] StepNames = [.. Vocabulary.Steps];
    internal static readonly string[] OutcomeNames = [.. Vocabulary.OutcomeClasses];

    private static readonly JsonWriterOptions s_relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonEncodedText s_text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText s_customerDemand = JsonEncodedText.Encode("customerDemand");

    public static void Write(Utf8JsonWriter writer, ComplaintAssessment assessment)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Id, assessment.Id);
        writer.WriteString(Names.Language, assessment.Language);
        WriteEnum(writer, Names.PrimaryCause, CauseNames, (int)assessment.PrimaryCause);
        WriteCauses(writer, assessment.RootCauses);
        WriteEnum(writer, Names.ConflictType, ConflictNames, (int)assessment.ConflictType);
        WriteConflicts(writer, assessment.ConflictTypes);
        WriteEnum(writer, Names.Severity, SeverityNames, (int)assessment.Severity);
        WriteStrings(writer, Names.SeverityReasons, assessment.SeverityReasons);
        writer.WriteNumber(Names.Intensity, assessment.Intensity);
        WriteSteps(writer, assessment.Steps);
        WriteRemedies(writer, Names.Remedies, assessment.Remedies);
        WriteTrace(writer, assessment.Trace);
        WriteWarnings(writer, assessment.Warnings);
        writer.WritePropertyName(Names.Deadlines);
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
        if (StartArray(writer, Names.RootCauses, causes))
        {
            for (var i = 0; i < causes!.Count; i++)
            {
                if (causes[i] is not { } cause)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                WriteEnum(writer, Names.Cause, CauseNames, (int)cause.Cause);
                writer.WriteNumber(Names.Score, cause.Score);
                WriteEvidence(writer, cause.Evidence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteConflicts(Utf8JsonWriter writer, IReadOnlyList<ConflictFinding>? conflicts)
    {
        if (StartArray(writer, Names.ConflictTypes, conflicts))
        {
            for (var i = 0; i < conflicts!.Count; i++)
            {
                if (conflicts[i] is not { } conflict)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                WriteEnum(writer, Names.Type, ConflictNames, (int)conflict.Type);
                writer.WriteString(Names.Subtype, conflict.Subtype);
                writer.WriteNumber(Names.Score, conflict.Score);
                WriteEvidence(writer, conflict.Evidence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteEvidence(Utf8JsonWriter writer, IReadOnlyList<Evidence>? evidence)
    {
        if (evidence is EvidenceList packed)
        {
            WritePacked(writer, packed);
            return;
        }

        if (StartArray(writer, Names.Evidence, evidence))
        {
            for (var i = 0; i < evidence!.Count; i++)
            {
                if (evidence[i] is not { } item)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString(Names.Text, item.Text);
                writer.WriteNumber(Names.Start, item.Start);
                writer.WriteNumber(Names.Length, item.Length);
                writer.WriteString(Names.RuleId, item.RuleId);
                writer.WriteString(Names.Signal, item.Signal);
                writer.WriteString(Names.Field, item.Field);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    // The analyzer's evidence, written from its packed spans: the same bytes, without a record and a string per span.
    private static void WritePacked(Utf8JsonWriter writer, EvidenceList evidence)
    {
        writer.WriteStartArray(Names.Evidence);
        for (var i = 0; i < evidence.Count; i++)
        {
            var inDemand = evidence.InDemand(i);
            writer.WriteStartObject();
            writer.WriteString(Names.Text, evidence.TextOf(i));
            writer.WriteNumber(Names.Start, evidence.Start(i));
            writer.WriteNumber(Names.Length, evidence.Length(i));
            writer.WriteString(Names.RuleId, evidence.RuleId(i));
            writer.WriteString(Names.Signal, evidence.SignalName(i));
            writer.WriteString(Names.Field, inDemand ? s_customerDemand : s_text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteSteps(Utf8JsonWriter writer, IReadOnlyList<StepGuidance>? steps)
    {
        if (StartArray(writer, Names.Steps, steps))
        {
            for (var i = 0; i < steps!.Count; i++)
            {
                if (steps[i] is not { } step)
                {
                    writer.WriteNullValue();
                    continue;
                }

                WriteShared(writer, step, static s => s.RelaxedJson, static (s, json) => s.RelaxedJson = json, WriteStep);
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

                WriteShared(writer, remedy, static r => r.RelaxedJson, static (r, json) => r.RelaxedJson = json, WriteRemedy);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteTrace(Utf8JsonWriter writer, IReadOnlyList<RuleFiring>? trace)
    {
        if (StartArray(writer, Names.Trace, trace))
        {
            for (var i = 0; i < trace!.Count; i++)
            {
                if (trace[i] is not { } firing)
                {
                    writer.WriteNullValue();
                    continue;
                }

                WriteShared(writer, firing, static f => f.RelaxedJson, static (f, json) => f.RelaxedJson = json, WriteFiring);
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteStep(Utf8JsonWriter writer, StepGuidance step)
    {
        writer.WriteStartObject();
        WriteEnum(writer, Names.Step, StepNames, (int)step.Step);
        writer.WriteString(Names.Guidance, step.Guidance);
        writer.WriteString(Names.Emphasis, step.Emphasis);
        WriteStrings(writer, Names.Checklist, step.Checklist);
        writer.WriteString(Names.RuleId, step.RuleId);
        writer.WriteEndObject();
    }

    private static void WriteRemedy(Utf8JsonWriter writer, RemedyRecommendation remedy)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Remedy, remedy.Remedy);
        WriteEnum(writer, Names.OutcomeClass, OutcomeNames, (int)remedy.OutcomeClass);
        writer.WriteNumber(Names.Priority, remedy.Priority);
        writer.WriteString(Names.Reason, remedy.Reason);
        writer.WriteString(Names.RuleId, remedy.RuleId);
        writer.WriteString(Names.GrantedBy, remedy.GrantedBy);
        writer.WriteEndObject();
    }

    private static void WriteFiring(Utf8JsonWriter writer, RuleFiring firing)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.RuleId, firing.RuleId);
        writer.WriteString(Names.Decision, firing.Decision);
        writer.WriteEndObject();
    }

    // Steps, remedies and firings are shared per rule (and language, and case): each is encoded once, on its first
    // write with the relaxed encoder (the library's and the command line's), and then copied as bytes. Other writers
    // (another encoder, indented) write it value by value. The bytes are what those calls write, byte for byte.
    private static void WriteShared<T>(Utf8JsonWriter writer, T item, Func<T, byte[]?> cached, Action<T, byte[]> keep, Action<Utf8JsonWriter, T> write)
    {
        if (writer.Options.Indented || !ReferenceEquals(writer.Options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))
        {
            write(writer, item);
            return;
        }

        if (cached(item) is not { } json)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var one = new Utf8JsonWriter(buffer, s_relaxed))
            {
                write(one, item);
            }

            json = buffer.WrittenSpan.ToArray();
            keep(item, json);
        }

        writer.WriteRawValue(json, skipInputValidation: true);
    }

    private static void WriteWarnings(Utf8JsonWriter writer, IReadOnlyList<AssessmentWarning>? warnings)
    {
        if (StartArray(writer, Names.Warnings, warnings))
        {
            for (var i = 0; i < warnings!.Count; i++)
            {
                if (warnings[i] is not { } warning)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString(Names.Code, warning.Code);
                writer.WriteString(Names.Message, warning.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteAuthority(Utf8JsonWriter writer, RemedyAuthority? authority)
    {
        if (authority is null)
        {
            writer.WriteNull(Names.Authority);
            return;
        }

        writer.WriteStartObject(Names.Authority);
        writer.WriteString(Names.HandlerRole, authority.HandlerRole);
        WriteRemedies(writer, Names.OfferNow, authority.OfferNow);
        WriteRemedies(writer, Names.NeedsApproval, authority.NeedsApproval);
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
