using System.Runtime.CompilerServices;
using System.Text.Json;
using ComplaintRules.Cli.Input;
using ComplaintRules.Evaluation;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>analyze INPUT.jsonl|-</c>: one assessment per input line, in input order, on all cores, in constant memory.
/// A bad line is reported on stderr with its number and skipped; the batch goes on.
/// </summary>
internal static class AnalyzeCommand
{
    private static readonly byte[] s_newline = [(byte)'\n'];

    public static async Task<int> RunAsync(CliArguments args, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("analyze takes one input file (or - for standard input)");
        }

        var threads = args.Single("--threads") is { } t && int.TryParse(t, out var n) && n > 0 ? n : Environment.ProcessorCount;
        var analyzer = new ComplaintAnalyzer(args.LoadRuleSet());
        var path = args.Positional[0];
        using var reader = path == "-" ? null : OpenInput(path);
        var input = Utf8InputReader.Over(reader ?? stdin); // decoded here, so a line with invalid UTF-8 is known
        var failed = 0;

        // Lines travel in small chunks: one task per chunk rather than per line keeps the pipeline's own cost
        // (task, channel, await) well below the cost of analysing a complaint.
        await foreach (var chunk in OrderedParallel.SelectAsync(ReadChunks(input), lines => Array.ConvertAll(lines, line => Process(analyzer, line, input as Utf8InputReader)), threads))
        {
            foreach (var (lineNumber, json, error) in chunk)
            {
                if (json is not null)
                {
                    await stdout.WriteAsync(json);
                    await stdout.WriteAsync(s_newline);
                }
                else if (error is not null)
                {
                    failed++;
                    await stderr.WriteLineAsync($"{path}:{lineNumber}: {error}");
                }
            }
        }

        await stdout.FlushAsync();
        if (failed > 0)
        {
            await stderr.WriteLineAsync($"{failed} line(s) failed");
        }

        return failed == 0 ? 0 : 1;
    }

    // Each worker writes its assessment as UTF-8 bytes, so the single writer only copies bytes.
    private static (int Line, byte[]? Json, string? Error) Process(ComplaintAnalyzer analyzer, (int Number, string Text) line, Utf8InputReader? utf8)
    {
        if (string.IsNullOrWhiteSpace(line.Text))
        {
            return (line.Number, null, null);
        }

        try
        {
            var complaint = ComplaintJson.ParseComplaint(line.Text);
            if (utf8 is not null && utf8.HadInvalidUtf8(line.Number))
            {
                complaint = complaint.WithIntakeWarning(WarningCodes.Format(WarningCodes.CharactersReplaced,
                    "the input line is not valid UTF-8; each invalid byte sequence was replaced with U+FFFD"));
            }

            return (line.Number, ComplaintJson.SerializeToUtf8Bytes(analyzer.Analyze(complaint)), null);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return (line.Number, null, ex.Message);
        }
    }

    private const int ChunkSize = 32;

    private static async IAsyncEnumerable<(int Number, string Text)[]> ReadChunks(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var number = 0;
        var chunk = new List<(int, string)>(ChunkSize);
        await foreach (var line in LineFeedLines.ReadAsync(reader, cancellationToken))
        {
            chunk.Add((++number, line));
            if (chunk.Count == ChunkSize)
            {
                yield return [.. chunk];
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            yield return [.. chunk];
        }
    }

    private static StreamReader OpenInput(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"input file '{path}' does not exist");
        }

        return new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }
}
