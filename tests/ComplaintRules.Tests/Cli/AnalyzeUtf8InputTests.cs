using System.Text;
using System.Text.Json;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Cli;

/// <summary>A file or standard input is read as UTF-8 lines without decoding them: the batch's output must not show it.</summary>
public class AnalyzeUtf8InputTests
{
    private static readonly string[] s_lines =
    [
        """{"id": "a", "text": "I was promised no annual fee and was charged anyway!!!", "channel": "phone"}""",
        """{"id": "b", "text": "说好的免年费，结果还是扣了我300元。", "amount": 300, "currency": "CNY"}""",
        "",
        "\u3000 ",
        """{"id": "c", "text": "broken""",
        """{"id": "d", "text": "tab\tand \u00e9 \ud83d\ude00 and \\u00e9 escaped", "customerTags": ["vip"]}""",
        """{"id": "e", "text": "The fee was charged twice", "unknownField": 1}""",
        """{"id": "f"}""",
        """[1, 2]""",
        """{"id": "g", "text": "A long complaint about the refund I never got. The refund was promised in writing, twice."}""",
    ];

    [Property(MaxTest = 25)]
    public void A_file_gives_the_output_standard_input_as_text_gives(int[] picks, bool crlf, bool byteOrderMark, PositiveInt limit)
    {
        var lines = (picks ?? []).Take(40).Select(i => s_lines[Math.Abs(i % s_lines.Length)]);
        var text = string.Join(crlf ? "\r\n" : "\n", lines);
        var maxLineLength = (40 + (limit.Get % 120)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = Path.Combine(Path.GetTempPath(), $"analyze-utf8-{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, [.. byteOrderMark ? "\uFEFF"u8 : [], .. Encoding.UTF8.GetBytes(text)]);
        try
        {
            string[] options = ["--output", "compact", "--max-line-length", maxLineLength];
            var fromText = Run(["analyze", "-", .. options], new StringReader(text), "-");
            var fromFile = Run(["analyze", path, .. options], TextReader.Null, path);

            Assert.Equal(fromText, fromFile);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_line_with_invalid_utf8_is_analysed_with_a_warning_and_its_neighbours_without()
    {
        var path = Path.Combine(Path.GetTempPath(), $"analyze-utf8-{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, [.. """{"id": "ok", "text": "a refund"}"""u8, (byte)'\n', .. """{"id": "bad", "text": "a ref"""u8, 0xFF, .. """und"}"""u8, (byte)'\n']);
        try
        {
            var (stdout, _, exit) = Run(["analyze", path, "--output", "compact"], TextReader.Null, path);

            var warnings = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("warnings").GetArrayLength()).ToList();
            Assert.Equal(0, exit);
            Assert.Equal(0, warnings[0]);
            Assert.Equal(1, warnings[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Property(MaxTest = 200)]
    public void A_line_read_as_utf8_parses_as_its_text_does(int[] picks, NonNegativeInt cut)
    {
        var text = string.Concat((picks ?? []).Take(6).Select(i => s_lines[Math.Abs(i % s_lines.Length)]));
        text = text[..Math.Min(text.Length, cut.Get % (text.Length + 1))];

        Assert.Equal(Outcome(() => ComplaintJson.ParseComplaint(text)), Outcome(() => ComplaintJson.ParseComplaintUtf8(Encoding.UTF8.GetBytes(text))));
    }

    private static string Outcome(Func<Complaint> parse)
    {
        try
        {
            return JsonSerializer.Serialize(parse());
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private static (string Stdout, string Stderr, int Exit) Run(string[] args, TextReader stdin, string name)
    {
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var exit = AnalyzeCommand.RunAsync(new CliArguments(args), stdin, stdout, stderr).GetAwaiter().GetResult();
        return (Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString().Replace(name + ":", "INPUT:", StringComparison.Ordinal), exit);
    }
}
