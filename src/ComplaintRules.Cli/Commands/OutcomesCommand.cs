using System.Text.Json;
using ComplaintRules.Cli.Input;
using ComplaintRules.Testing;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>outcomes report --assessments A.jsonl --outcomes O.jsonl [--format text|json] [--small N]</c>: which remedies
/// worked, per primary cause, from outcomes joined to the assessments <c>analyze</c> wrote. A bad line is reported with
/// its number and field on stderr and skipped; the rest is counted, and the exit code is 1.
/// </summary>
internal static class OutcomesCommand
{
    public static async Task<int> RunReportAsync(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var assessmentsPath = Existing(args.Single("--assessments"), "--assessments");
        var outcomesPath = Existing(args.Single("--outcomes"), "--outcomes");
        var maxLine = args.Whole("--max-line-length");
        var errors = 0;

        var causes = new Dictionary<string, RootCause>(StringComparer.Ordinal);
        await foreach (var (line, text) in Lines(assessmentsPath, maxLine, stderr, () => errors++))
        {
            if (ReadAssessment(text, out var id, out var cause) is { } problem)
            {
                stderr.WriteLine($"{assessmentsPath}:{line}: {problem}");
                errors++;
            }
            else
            {
                causes[id!] = cause; // a complaint analysed twice: its latest assessment counts
            }
        }

        var outcomes = new List<ComplaintOutcome>();
        await foreach (var (line, text) in Lines(outcomesPath, maxLine, stderr, () => errors++))
        {
            try
            {
                outcomes.Add(ComplaintJson.ParseOutcome(text));
            }
            catch (JsonException ex)
            {
                stderr.WriteLine($"{outcomesPath}:{line}: {ex.Message}");
                errors++;
            }
        }

        var report = RemedyEffectivenessReport.Build(causes, outcomes);
        stdout.Write(args.Single("--format") == "json" ? report.ToJson(indented: true) + Environment.NewLine : report.ToText(args.Whole("--small")));
        if (errors > 0)
        {
            stderr.WriteLine($"{errors} line(s) failed");
        }

        return errors == 0 ? 0 : 1;
    }

    private static string Existing(string? path, string option) =>
        path is null ? throw new CliUsageException($"{option} FILE is required")
        : File.Exists(path) ? path : throw new CliUsageException($"{option} file '{path}' does not exist");

    // Non-blank lines with their numbers; a line over the limit is reported and skipped unread.
    private static async IAsyncEnumerable<(int Line, string Text)> Lines(string path, int maxLine, TextWriter stderr, Action failed)
    {
        using var file = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var reader = new BoundedLineReader(file, maxLine);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.IsTooLong)
            {
                stderr.WriteLine($"{path}:{line.Number}: the line is longer than {maxLine} characters; skipped");
                failed();
            }
            else if (!string.IsNullOrWhiteSpace(line.Text))
            {
                yield return (line.Number, line.Text!);
            }
        }
    }

    // Only the id and the primary cause are read: the rest of an assessment may change between versions.
    private static string? ReadAssessment(string text, out string? id, out RootCause cause)
    {
        (id, cause) = (null, RootCause.None);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "an assessment must be a JSON object";
            }

            if (!root.TryGetProperty("id", out var idValue) || idValue.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(idValue.GetString()))
            {
                return "field 'id' must be the complaint's id (a non-empty string)";
            }

            if (!root.TryGetProperty("primaryCause", out var causeValue) || !Vocabulary.TryParseCause(causeValue.ValueKind == JsonValueKind.String ? causeValue.GetString() : null, out cause))
            {
                return $"field 'primaryCause' must be one of {string.Join(", ", Vocabulary.Causes)}";
            }

            id = idValue.GetString();
            return null;
        }
        catch (JsonException ex)
        {
            return $"not valid JSON: {ex.Message}";
        }
    }
}
