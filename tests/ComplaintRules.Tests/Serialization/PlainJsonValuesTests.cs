using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.Serialization;

/// <summary>The compact writer's shortcuts (names encoded once, scores formatted by hand) write the writer's own bytes.</summary>
public class PlainJsonValuesTests
{
    private static readonly JsonEncodedText s_score = JsonEncodedText.Encode("score");

    [Property(MaxTest = 2000)]
    public void A_score_is_written_as_the_writer_writes_it(NonNegativeInt tenThousandths, double other, bool exact)
    {
        var score = exact ? (tenThousandths.Get % 10001) / 10000.0 : other;

        Assert.Equal(Written(w => w.WriteNumber(s_score, score)), Written(w => PlainJsonValues.WriteScore(w, s_score, score)));
    }

    [Fact]
    public void Every_ten_thousandth_and_its_neighbours_are_written_as_the_writer_writes_them()
    {
        for (var k = 0; k <= 10000; k++)
        {
            var exact = k / 10000.0;
            foreach (var score in new[] { exact, Math.BitDecrement(exact), Math.BitIncrement(exact), -exact, Math.Round(1 - (1 - exact), 4) })
            {
                Assert.Equal(Written(w => w.WriteNumber(s_score, score)), Written(w => PlainJsonValues.WriteScore(w, s_score, score)));
            }
        }
    }

    [Fact]
    public void Compact_lines_are_the_same_bytes_with_and_without_the_shortcuts()
    {
        var analyzer = new ComplaintAnalyzer();
        var samples = File.ReadAllLines(RepositoryFiles.PathOf("samples/complaints.jsonl")).Where(l => l.Length > 0).Select(ComplaintJson.ParseComplaint).ToList();
        var complaints = samples.Concat(samples.Select((c, i) => c with { Text = c.Text + " " + samples[(i + 1) % samples.Count].Text }));
        foreach (var complaint in complaints)
        {
            var assessment = analyzer.Analyze(complaint);
            foreach (var encoder in new[] { JavaScriptEncoder.UnsafeRelaxedJsonEscaping, JavaScriptEncoder.Default })
            {
                Assert.Equal(
                    Line(w => CompactAssessmentWriter.Write(w, assessment, plain: false), encoder),
                    Line(w => CompactAssessmentWriter.Write(w, assessment), encoder));
            }
        }
    }

    [Fact]
    public void Only_writers_that_leave_plain_names_alone_and_do_not_indent_take_the_shortcuts()
    {
        Assert.True(PlainJsonValues.Fits(new Utf8JsonWriter(Stream.Null)));
        Assert.True(PlainJsonValues.Fits(new Utf8JsonWriter(Stream.Null, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
        Assert.False(PlainJsonValues.Fits(new Utf8JsonWriter(Stream.Null, new JsonWriterOptions { Encoder = JavaScriptEncoder.Create() })));
        Assert.False(PlainJsonValues.Fits(new Utf8JsonWriter(Stream.Null, new JsonWriterOptions { Indented = true })));
    }

    // The bytes, or the error (NaN and infinities are the writer's to refuse, either way).
    private static string Written(Action<Utf8JsonWriter> write)
    {
        try
        {
            return Line(writer =>
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            });
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    private static string Line(Action<Utf8JsonWriter> write, JavaScriptEncoder? encoder = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = encoder }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
