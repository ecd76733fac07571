using System.Text.Json;

namespace ComplaintRules.Cli.Commands;

/// <summary><c>analyze INPUT.jsonl|-</c>: one assessment per input line, in input order; a bad line is reported and skipped.</summary>
internal static class AnalyzeCommand
{
    public static async Task<int> RunAsync(CliArguments args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("analyze takes one input file (or - for standard input)");
        }

        var analyzer = new ComplaintAnalyzer(args.LoadRuleSet());
        var path = args.Positional[0];
        using var reader = path == "-" ? null : OpenInput(path);
        var input = reader ?? stdin;
        var failed = 0;
        var lineNumber = 0;
        while (await input.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var assessment = analyzer.Analyze(ComplaintJson.ParseComplaint(line));
                await stdout.WriteLineAsync(ComplaintJson.Serialize(assessment));
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                failed++;
                await stderr.WriteLineAsync($"{path}:{lineNumber}: {ex.Message}");
            }
        }

        await stdout.FlushAsync();
        if (failed > 0)
        {
            await stderr.WriteLineAsync($"{failed} line(s) failed");
        }

        return failed == 0 ? 0 : 1;
    }

    private static StreamReader OpenInput(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"input file '{path}' does not exist");
        }

        return new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }
}
