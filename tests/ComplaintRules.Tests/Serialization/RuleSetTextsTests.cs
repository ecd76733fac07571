using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Serialization;

/// <summary>
/// Rule-set texts encoded once are written as the writer writes the string, and the same again from the cache (the
/// deadlines as a whole are held to the serializer's bytes by <see cref="FullWriterEquivalenceTests"/>).
/// </summary>
public class RuleSetTextsTests
{
    private static readonly JsonEncodedText s_basis = JsonEncodedText.Encode("basis");
    private static readonly string[] s_pieces = ["a", "第十九条", "\"", "\\", "\n", "\u0001", "<&>'+", "😀", "\ud800", "\udc00", "\u2028", "é", " ", "：（）"];

    [Property(MaxTest = 500)]
    public void A_text_is_written_as_the_writer_writes_it_first_and_again(int[] pieceIndexes, bool relaxed)
    {
        var text = string.Concat((pieceIndexes ?? []).Select(i => s_pieces[Math.Abs(i % s_pieces.Length)]));
        var encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null;
        var expected = Written(w => w.WriteString(s_basis, text), encoder);

        Assert.Equal(expected, Written(w => RuleSetTexts.WriteString(w, s_basis, text), encoder));
        Assert.Equal(expected, Written(w => RuleSetTexts.WriteString(w, s_basis, text), encoder));
    }

    private static string Written(Action<Utf8JsonWriter> write, JavaScriptEncoder? encoder)
    {
        try
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = encoder }))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
