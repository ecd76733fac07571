using System.Text.Encodings.Web;
using System.Text.Json;

namespace ComplaintRules;

/// <summary>
/// Values every compact line writes, written without the writer's general work where the bytes are known to be the
/// same: the vocabulary's names encoded once (plain ASCII words, which the default and the relaxed encoder leave as
/// they are), and scores of at most four decimals, formatted by hand as the writer's shortest round-trip format does.
/// </summary>
internal static class PlainJsonValues
{
    public static readonly JsonEncodedText[] CauseNames = Encode(FullAssessmentWriter.CauseNames);
    public static readonly JsonEncodedText[] ConflictNames = Encode(FullAssessmentWriter.ConflictNames);
    public static readonly JsonEncodedText[] SeverityNames = Encode(FullAssessmentWriter.SeverityNames);
    public static readonly JsonEncodedText[] StepNames = Encode(FullAssessmentWriter.StepNames);

    /// <summary>
    /// Whether the writer's encoder leaves the names above as they are (the default or the relaxed encoder), on a
    /// writer that does not indent (scores are written as raw values).
    /// </summary>
    public static bool Fits(Utf8JsonWriter writer) =>
        !writer.Options.Indented && (writer.Options.Encoder is null
        || ReferenceEquals(writer.Options.Encoder, JavaScriptEncoder.Default)
        || ReferenceEquals(writer.Options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));

    /// <summary>Writes the score as <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/> does.</summary>
    public static void WriteScore(Utf8JsonWriter writer, JsonEncodedText name, double score)
    {
        Span<byte> digits = stackalloc byte[6];
        var length = TenThousandths(score, digits);
        if (length == 0)
        {
            writer.WriteNumber(name, score);
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(digits[..length], skipInputValidation: true);
    }

    /// <summary>
    /// A score from 0 to 1 that is the double nearest some k/10000 (scores are rounded to four decimals) is written as
    /// that decimal, trailing zeros dropped (no shorter decimal is as near it): "0", "0.5", "0.545", "0.2475", "1". The
    /// bytes written, or 0 for any other value.
    /// </summary>
    internal static int TenThousandths(double score, Span<byte> digits)
    {
        var k = Math.Round(score * 10000);
        if (double.IsNegative(score) || k > 10000 || k / 10000 != score)
        {
            return 0;
        }

        var tenThousandths = (int)k;
        if (tenThousandths is 0 or 10000)
        {
            digits[0] = tenThousandths == 0 ? (byte)'0' : (byte)'1';
            return 1;
        }

        (digits[0], digits[1]) = ((byte)'0', (byte)'.');
        var length = 2;
        for (var unit = 1000; unit > 0 && tenThousandths > 0; unit /= 10)
        {
            digits[length++] = (byte)('0' + (tenThousandths / unit));
            tenThousandths %= unit;
        }

        return length;
    }

    private static JsonEncodedText[] Encode(string[] names) => Array.ConvertAll(names, n => JsonEncodedText.Encode(n));
}
