using System.Runtime.CompilerServices;
using System.Text.Json;
using ComplaintRules.Evaluation;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>analyze INPUT.jsonl|-</c>: one assessment per input line, in input order, on all cores, in constant memory.
/// A bad line is reported on stderr with its number and skipped; the batch goes on.
/// </summary>
internal static class AnalyzeCommand
{
    public static async Task<int> RunAsync(CliArguments args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("analyze takes one input file (or - for standard input)");
        }

        var threads = args.Single("--threads") is { } t && int.TryParse(t, out var n) && n > 0 ? n : Environment.ProcessorCount;
        var analyzer = new ComplaintAnalyzer(args.LoadRuleSet());
        var path = args.Positional[0];
        using var reader = path == "-" ? null : OpenInput(path);
        var failed = 0;
        await foreach (var (lineNumber, json, error) in OrderedParallel.SelectAsync(ReadLines(reader ?? stdin), line => Process(analyzer, line), threads))
        {
            if (json is not null)
            {
                await stdout.WriteLineAsync(json);
            }
            else if (error is not null)
            {
                failed++;
                await stderr.WriteLineAsync($"{path}:{lineNumber}: {error}");
            }
        }

        await stdout.FlushAsync();
        if (failed > 0)
        {
            await stderr.WriteLineAsync($"{failed} line(s) failed");
        }

        return failed == 0 ? 0 : 1;
    }

    private static (int Line, string? Json, string? Error) Process(ComplaintAnalyzer analyzer, (int Number, string Text) line)
    {
        if (string.IsNullOrWhiteSpace(line.Text))
        {
            return (line.Number, null, null);
        }

        try
        {
            return (line.Number, ComplaintJson.Serialize(analyzer.Analyze(ComplaintJson.ParseComplaint(line.Text))), null);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return (line.Number, null, ex.Message);
        }
    }

    private static async IAsyncEnumerable<(int Number, string Text)> ReadLines(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return (++number, line);
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
