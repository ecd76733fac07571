using System.Text.Encodings.Web;
using System.Text.Json;

namespace ComplaintRules;

/// <summary>
/// Values every compact line writes, written without the writer's general work where the bytes are known to be the
/// same: the vocabulary's names encoded once (plain ASCII words, which the default and the relaxed encoder leave as
/// they are), and scores of at most three decimals, formatted by hand as the writer's shortest round-trip format does.
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
        Span<byte> digits = stackalloc byte[5];
        var length = Thousandths(score, digits);
        if (length == 0)
        {
            writer.WriteNumber(name, score);
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(digits[..length], skipInputValidation: true);
    }

    /// <summary>
    /// A score from 0 to 1 that is the double nearest some k/1000 is written as that decimal, trailing zeros dropped
    /// (no shorter decimal is as near it): "0", "0.5", "0.545", "1". The bytes written, or 0 for any other value.
    /// </summary>
    internal static int Thousandths(double score, Span<byte> digits)
    {
        var k = Math.Round(score * 1000);
        if (double.IsNegative(score) || k > 1000 || k / 1000 != score)
        {
            return 0;
        }

        var thousandths = (int)k;
        if (thousandths is 0 or 1000)
        {
            digits[0] = thousandths == 0 ? (byte)'0' : (byte)'1';
            return 1;
        }

        (digits[0], digits[1]) = ((byte)'0', (byte)'.');
        var length = 2;
        for (var unit = 100; unit > 0 && thousandths > 0; unit /= 10)
        {
            digits[length++] = (byte)('0' + (thousandths / unit));
            thousandths %= unit;
        }

        return length;
    }

    private static JsonEncodedText[] Encode(string[] names) => Array.ConvertAll(names, n => JsonEncodedText.Encode(n));
}
