using System.Globalization;
using System.Text.Json;

namespace ComplaintRules;

/// <summary>
/// Writes <see cref="ComplaintDeadline"/> lists by hand, as the serializer does: both profiles carry deadlines in
/// this one shape, and neither should pay for the serializer's metadata at first use.
/// </summary>
internal static class DeadlineJsonWriter
{
    private static readonly JsonEncodedText s_regime = JsonEncodedText.Encode("regime");
    private static readonly JsonEncodedText s_kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText s_due = JsonEncodedText.Encode("due");
    private static readonly JsonEncodedText s_period = JsonEncodedText.Encode("period");
    private static readonly JsonEncodedText s_amount = JsonEncodedText.Encode("amount");
    private static readonly JsonEncodedText s_unit = JsonEncodedText.Encode("unit");
    private static readonly JsonEncodedText s_from = JsonEncodedText.Encode("from");
    private static readonly JsonEncodedText s_basis = JsonEncodedText.Encode("basis");
    private static readonly JsonEncodedText s_condition = JsonEncodedText.Encode("condition");
    private static readonly JsonEncodedText s_note = JsonEncodedText.Encode("note");
    private static readonly JsonEncodedText s_mentionIn = JsonEncodedText.Encode("mentionIn");
    private static readonly JsonEncodedText s_notice = JsonEncodedText.Encode("notice");
    private static readonly JsonEncodedText s_source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText s_title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText s_provision = JsonEncodedText.Encode("provision");
    private static readonly JsonEncodedText s_url = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText s_checked = JsonEncodedText.Encode("checked");

    // The JsonStringEnumMemberName values of DeadlineKind, DeadlineUnit and DeadlineStart, in declaration order.
    internal static readonly string[] KindNames = ["acknowledge", "response", "summary_resolution", "resolve", "final_response", "extension", "review_request"];
    internal static readonly string[] UnitNames = ["calendar_days", "business_days", "weeks", "hours"];
    internal static readonly string[] StartNames = ["receipt", "decision"];

    /// <summary>Writes the list as a JSON array value (or <c>null</c>); the caller has written the property name.</summary>
    public static void WriteList(Utf8JsonWriter writer, IReadOnlyList<ComplaintDeadline>? deadlines)
    {
        if (deadlines is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        for (var i = 0; i < deadlines.Count; i++)
        {
            if (deadlines[i] is { } deadline)
            {
                Write(writer, deadline);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter writer, ComplaintDeadline deadline)
    {
        writer.WriteStartObject();
        writer.WriteString(s_regime, deadline.Regime);
        FullAssessmentWriter.WriteEnum(writer, s_kind, KindNames, (int)deadline.Kind);
        if (deadline.Due is { } due)
        {
            writer.WriteString(s_due, due); // the same round-trip format as the serializer's DateTimeOffset converter
        }
        else
        {
            writer.WriteNull(s_due);
        }

        if (deadline.Period is { } period)
        {
            writer.WriteStartObject(s_period);
            writer.WriteNumber(s_amount, period.Amount);
            FullAssessmentWriter.WriteEnum(writer, s_unit, UnitNames, (int)period.Unit);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull(s_period);
        }

        FullAssessmentWriter.WriteEnum(writer, s_from, StartNames, (int)deadline.From);
        RuleSetTexts.WriteString(writer, s_basis, deadline.Basis);
        RuleSetTexts.WriteString(writer, s_condition, deadline.Condition);
        RuleSetTexts.WriteString(writer, s_note, deadline.Note);
        if (deadline.MentionIn is { } mentionIn)
        {
            writer.WriteStartArray(s_mentionIn);
            for (var i = 0; i < mentionIn.Count; i++)
            {
                FullAssessmentWriter.WriteEnumValue(writer, FullAssessmentWriter.StepNames, (int)mentionIn[i]);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull(s_mentionIn);
        }

        RuleSetTexts.WriteString(writer, s_notice, deadline.Notice);
        WriteSource(writer, deadline.Source);
        writer.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter writer, RegulatorySource? source)
    {
        if (source is null)
        {
            writer.WriteNull(s_source);
            return;
        }

        writer.WriteStartObject(s_source);
        RuleSetTexts.WriteString(writer, s_title, source.Title);
        RuleSetTexts.WriteString(writer, s_provision, source.Provision);
        RuleSetTexts.WriteString(writer, s_url, source.Url?.OriginalString); // the serializer's Uri converter writes the original string
        Span<byte> day = stackalloc byte[10];
        if (!source.Checked.TryFormat(day, out var written, "O", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a DateOnly is ten bytes in the round-trip format");
        }

        writer.WriteString(s_checked, day[..written]); // DateOnly's converter: the round-trip format, yyyy-MM-dd
        writer.WriteEndObject();
    }
}
