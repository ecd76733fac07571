using System.Text.Json;

namespace ComplaintRules;

/// <summary>Which parts of an assessment <see cref="ComplaintJson"/> writes.</summary>
public enum AssessmentJsonProfile
{
    /// <summary>Every field of <see cref="ComplaintAssessment"/>: guidance, checklists, reasons, evidence text and the trace.</summary>
    Full,

    /// <summary>
    /// The decisions for pipelines: id, language, causes and conflicts with scores and evidence offsets, severity,
    /// intensity, step and remedy ids, warnings and deadlines; no guidance text, reasons or trace.
    /// </summary>
    Compact,
}

/// <summary>Writes the compact profile by hand: straight <see cref="Utf8JsonWriter"/> calls over pre-encoded names.</summary>
internal static class CompactAssessmentWriter
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
    private static readonly JsonEncodedText s_intensity = JsonEncodedText.Encode("intensity");
    private static readonly JsonEncodedText s_steps = JsonEncodedText.Encode("steps");
    private static readonly JsonEncodedText s_remedies = JsonEncodedText.Encode("remedies");
    private static readonly JsonEncodedText s_warnings = JsonEncodedText.Encode("warnings");
    private static readonly JsonEncodedText s_deadlines = JsonEncodedText.Encode("deadlines");
    private static readonly JsonEncodedText s_start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText s_length = JsonEncodedText.Encode("length");
    private static readonly JsonEncodedText s_signal = JsonEncodedText.Encode("signal");
    private static readonly JsonEncodedText s_field = JsonEncodedText.Encode("field");
    private static readonly JsonEncodedText s_code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText s_message = JsonEncodedText.Encode("message");

    public static void Write(Utf8JsonWriter writer, ComplaintAssessment assessment)
    {
        writer.WriteStartObject();
        writer.WriteString(s_id, assessment.Id);
        writer.WriteString(s_language, assessment.Language);
        writer.WriteString(s_primaryCause, assessment.PrimaryCause.Name());
        writer.WriteStartArray(s_rootCauses);
        foreach (var cause in assessment.RootCauses)
        {
            writer.WriteStartObject();
            writer.WriteString(s_cause, cause.Cause.Name());
            writer.WriteNumber(s_score, cause.Score);
            WriteEvidence(writer, cause.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString(s_conflictType, assessment.ConflictType.Name());
        writer.WriteStartArray(s_conflictTypes);
        foreach (var conflict in assessment.ConflictTypes)
        {
            writer.WriteStartObject();
            writer.WriteString(s_type, conflict.Type.Name());
            writer.WriteString(s_subtype, conflict.Subtype);
            writer.WriteNumber(s_score, conflict.Score);
            WriteEvidence(writer, conflict.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString(s_severity, assessment.Severity.Name());
        writer.WriteNumber(s_intensity, assessment.Intensity);
        writer.WriteStartArray(s_steps);
        foreach (var step in assessment.Steps)
        {
            writer.WriteStringValue(step.Step.Name());
        }

        writer.WriteEndArray();
        writer.WriteStartArray(s_remedies);
        foreach (var remedy in assessment.Remedies)
        {
            writer.WriteStringValue(remedy.Remedy);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(s_warnings);
        foreach (var warning in assessment.Warnings)
        {
            writer.WriteStartObject();
            writer.WriteString(s_code, warning.Code);
            writer.WriteString(s_message, warning.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        // Deadlines are decisions (due dates), rare, and written in their full shape.
        if (assessment.Deadlines.Count > 0)
        {
            writer.WritePropertyName(s_deadlines);
            DeadlineJsonWriter.WriteList(writer, assessment.Deadlines);
        }

        writer.WriteEndObject();
    }

    // Offsets and the signal only: the text is the caller's, and a span of it is one Substring away.
    private static void WriteEvidence(Utf8JsonWriter writer, IReadOnlyList<Evidence> evidence)
    {
        if (evidence is EvidenceList list && CompactEvidenceBytes.TryWrite(writer, s_evidence, list))
        {
            return;
        }

        writer.WriteStartArray(s_evidence);
        if (evidence is EvidenceList packed)
        {
            for (var i = 0; i < packed.Count; i++)
            {
                WriteSpan(writer, packed.Start(i), packed.Length(i), packed.SignalName(i), packed.InDemand(i));
            }

            writer.WriteEndArray();
            return;
        }

        foreach (var item in evidence)
        {
            WriteSpan(writer, item.Start, item.Length, item.Signal, item.Field != "text");
        }

        writer.WriteEndArray();
    }

    private static void WriteSpan(Utf8JsonWriter writer, int start, int length, string signal, bool inDemand)
    {
        writer.WriteStartObject();
        writer.WriteNumber(s_start, start);
        writer.WriteNumber(s_length, length);
        writer.WriteString(s_signal, signal);
        if (inDemand)
        {
            writer.WriteString(s_field, "customerDemand");
        }

        writer.WriteEndObject();
    }
}
