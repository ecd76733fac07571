using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ComplaintRules.Cli.Input;
using ComplaintRules.Evaluation;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>analyze INPUT.jsonl|-</c>: one assessment per input line, in input order, on all cores, in memory bounded by
/// bytes: at most <see cref="InFlightBytes"/> of lines between reader and writer, and no line longer than
/// <c>--max-line-length</c> characters (default <see cref="CliCommandLine.DefaultMaxLineLength"/>) is ever held whole.
/// A bad or too long line is reported on stderr with its number and skipped; the batch goes on.
/// </summary>
internal static class AnalyzeCommand
{
    /// <summary>The bytes of lines (UTF-16, as held in memory) queued or being analysed at once.</summary>
    public const long InFlightBytes = 32L << 20;

    private static readonly byte[] s_newline = [(byte)'\n'];

    private static readonly AssessmentWarning s_invalidUtf8 = new(WarningCodes.CharactersReplaced,
        "the input line is not valid UTF-8; each invalid byte sequence was replaced with U+FFFD");

    public static async Task<int> RunAsync(CliArguments args, TextReader stdin, Stream stdout, TextWriter stderr, InFlightBudget? budget = null)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("analyze takes one input file (or - for standard input)");
        }

        var threads = args.Number("--threads") ?? Environment.ProcessorCount;
        var maxLineLength = args.Whole("--max-line-length");
        var analyzer = new ComplaintAnalyzer(args.LoadRuleSet());
        var path = args.Positional[0];
        using var file = path == "-" ? null : OpenInput(path);
        var input = Utf8InputReader.Over(file ?? stdin); // decoded here, so a line with invalid UTF-8 is known
        var lines = new BoundedLineReader(input, maxLineLength);
        budget ??= new InFlightBudget(InFlightBytes);
        var tooLong = $"the line is longer than {maxLineLength.ToString("N0", CultureInfo.InvariantCulture)} characters (--max-line-length); skipped";
        var failed = 0;

        // Lines travel in small chunks: one task per chunk rather than per line keeps the pipeline's own cost
        // (task, channel, await) well below the cost of analysing a complaint.
        await foreach (var chunk in OrderedParallel.SelectAsync(ReadChunks(lines, budget), chunk => (Results: Array.ConvertAll(chunk.Lines, line => Process(analyzer, line, tooLong, input as Utf8InputReader)), chunk.Bytes), threads))
        {
            foreach (var (lineNumber, json, error) in chunk.Results)
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

            budget.Release(chunk.Bytes);
        }

        await stdout.FlushAsync();
        if (failed > 0)
        {
            await stderr.WriteLineAsync($"{failed} line(s) failed");
        }

        return failed == 0 ? 0 : 1;
    }

    // Each worker writes its assessment as UTF-8 bytes, so the single writer only copies bytes.
    private static (int Line, byte[]? Json, string? Error) Process(ComplaintAnalyzer analyzer, InputLine line, string tooLong, Utf8InputReader? utf8)
    {
        if (line.IsTooLong)
        {
            return (line.Number, null, tooLong);
        }

        if (string.IsNullOrWhiteSpace(line.Text))
        {
            return (line.Number, null, null);
        }

        try
        {
            var complaint = ComplaintJson.ParseComplaint(line.Text!);
            if (utf8 is not null && utf8.HadInvalidUtf8(line.Number))
            {
                complaint = complaint with
                {
                    IntakeWarnings = [.. complaint.IntakeWarnings ?? [], s_invalidUtf8],
                };
            }

            return (line.Number, ComplaintJson.SerializeToUtf8Bytes(analyzer.Analyze(complaint)), null);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return (line.Number, null, ex.Message);
        }
    }

    private const int ChunkSize = 32;

    // A chunk of long lines closes early, so long lines still spread over all workers.
    private const long ChunkBytes = 256 << 10;

    // What a line costs beyond its characters (the string, the tuple, the result), so empty lines count too.
    private const long LineOverheadBytes = 64;

    private static async IAsyncEnumerable<(InputLine[] Lines, long Bytes)> ReadChunks(BoundedLineReader reader, InFlightBudget budget, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chunk = new List<InputLine>(ChunkSize);
        long bytes = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var cost = LineOverheadBytes + ((line.Text?.Length ?? 0) * 2L);
            if (!budget.TryAcquire(cost))
            {
                // The budget is spent: hand on what is held (its bytes come back once written), then wait.
                if (chunk.Count > 0)
                {
                    yield return ([.. chunk], bytes);
                    chunk.Clear();
                    bytes = 0;
                }

                await budget.AcquireAsync(cost, cancellationToken);
            }

            chunk.Add(line);
            bytes += cost;
            if (chunk.Count == ChunkSize || bytes >= ChunkBytes)
            {
                yield return ([.. chunk], bytes);
                chunk.Clear();
                bytes = 0;
            }
        }

        if (chunk.Count > 0)
        {
            yield return ([.. chunk], bytes);
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
