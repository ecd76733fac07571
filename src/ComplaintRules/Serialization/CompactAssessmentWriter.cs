using System.Text.Json;
using Names = ComplaintRules.AssessmentJsonNames;

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
    public static void Write(Utf8JsonWriter writer, ComplaintAssessment assessment) => Write(writer, assessment, PlainJsonValues.Fits(writer));

    /// <summary>Writes the line; <paramref name="plain"/>: names and scores by <see cref="PlainJsonValues"/> (the same bytes).</summary>
    internal static void Write(Utf8JsonWriter writer, ComplaintAssessment assessment, bool plain)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Id, assessment.Id);
        WriteLanguage(writer, plain, assessment.Language);
        WriteName(writer, plain, Names.PrimaryCause, PlainJsonValues.CauseNames, FullAssessmentWriter.CauseNames, (int)assessment.PrimaryCause);
        writer.WriteStartArray(Names.RootCauses);
        foreach (var cause in assessment.RootCauses)
        {
            writer.WriteStartObject();
            WriteName(writer, plain, Names.Cause, PlainJsonValues.CauseNames, FullAssessmentWriter.CauseNames, (int)cause.Cause);
            WriteScore(writer, plain, cause.Score);
            WriteEvidence(writer, cause.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteName(writer, plain, Names.ConflictType, PlainJsonValues.ConflictNames, FullAssessmentWriter.ConflictNames, (int)assessment.ConflictType);
        writer.WriteStartArray(Names.ConflictTypes);
        foreach (var conflict in assessment.ConflictTypes)
        {
            writer.WriteStartObject();
            WriteName(writer, plain, Names.Type, PlainJsonValues.ConflictNames, FullAssessmentWriter.ConflictNames, (int)conflict.Type);
            writer.WriteString(Names.Subtype, conflict.Subtype);
            WriteScore(writer, plain, conflict.Score);
            WriteEvidence(writer, conflict.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteName(writer, plain, Names.Severity, PlainJsonValues.SeverityNames, FullAssessmentWriter.SeverityNames, (int)assessment.Severity);
        writer.WriteNumber(Names.Intensity, assessment.Intensity);
        writer.WriteStartArray(Names.Steps);
        foreach (var step in assessment.Steps)
        {
            if (plain)
            {
                writer.WriteStringValue(PlainJsonValues.StepNames[(int)step.Step]);
            }
            else
            {
                writer.WriteStringValue(FullAssessmentWriter.StepNames[(int)step.Step]);
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Names.Remedies);
        foreach (var remedy in assessment.Remedies)
        {
            writer.WriteStringValue(remedy.Remedy);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Names.Warnings);
        foreach (var warning in assessment.Warnings)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Code, warning.Code);
            writer.WriteString(Names.Message, warning.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        // Deadlines are decisions (due dates), rare, and written in their full shape.
        if (assessment.Deadlines.Count > 0)
        {
            writer.WritePropertyName(Names.Deadlines);
            DeadlineJsonWriter.WriteList(writer, assessment.Deadlines);
        }

        writer.WriteEndObject();
    }

    private static readonly JsonEncodedText s_zh = JsonEncodedText.Encode("zh");
    private static readonly JsonEncodedText s_en = JsonEncodedText.Encode("en");

    private static void WriteLanguage(Utf8JsonWriter writer, bool plain, string language)
    {
        if (plain && language is "zh" or "en")
        {
            writer.WriteString(Names.Language, language == "zh" ? s_zh : s_en);
        }
        else
        {
            writer.WriteString(Names.Language, language);
        }
    }

    private static void WriteName(Utf8JsonWriter writer, bool plain, JsonEncodedText property, JsonEncodedText[] encoded, string[] names, int value)
    {
        if (plain)
        {
            writer.WriteString(property, encoded[value]);
        }
        else
        {
            writer.WriteString(property, names[value]);
        }
    }

    private static void WriteScore(Utf8JsonWriter writer, bool plain, double score)
    {
        if (plain)
        {
            PlainJsonValues.WriteScore(writer, Names.Score, score);
        }
        else
        {
            writer.WriteNumber(Names.Score, score);
        }
    }

    // Offsets and the signal only: the text is the caller's, and a span of it is one Substring away.
    private static void WriteEvidence(Utf8JsonWriter writer, IReadOnlyList<Evidence> evidence)
    {
        if (evidence is EvidenceList list && CompactEvidenceBytes.TryWrite(writer, Names.Evidence, list))
        {
            return;
        }

        writer.WriteStartArray(Names.Evidence);
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
        writer.WriteNumber(Names.Start, start);
        writer.WriteNumber(Names.Length, length);
        writer.WriteString(Names.Signal, signal);
        if (inDemand)
        {
            writer.WriteString(Names.Field, "customerDemand");
        }

        writer.WriteEndObject();
    }
}
