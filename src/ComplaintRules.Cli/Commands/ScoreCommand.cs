using System.Globalization;
using ComplaintRules.Testing;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>score LABELLED.jsonl [--map MAP.json] [--min NAME=VALUE]... [--format text|json] [--misses N]</c>: agreement of
/// the rule set with labelled complaints. Exit 1 when a line is bad or a <c>--min</c> threshold is not met.
/// </summary>
internal static class ScoreCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("score takes one labelled file (JSONL with an expect object per line, or columns and --map)");
        }

        var format = args.Single("--format") ?? "text";
        var misses = args.Whole("--misses");
        var thresholds = args.All("--min").Select(ParseThreshold).ToList();
        var content = Read(args);
        var report = new ComplaintScorer(args.LoadRuleSet()).Score(content.Complaints, misses);
        stdout.Write(format == "json" ? report.ToJson(indented: true) + Environment.NewLine : ScoreText.Render(report));

        var path = args.Positional[0];
        foreach (var error in content.Errors)
        {
            stderr.WriteLine($"{path}:{error.Line}: {error.Message}");
        }

        if (content.Errors.Count > 0)
        {
            stderr.WriteLine($"{content.Errors.Count} line(s) failed");
        }

        var below = 0;
        foreach (var (name, minimum) in thresholds)
        {
            if (!report.TryGetMetric(name, out var value))
            {
                stderr.WriteLine($"{name}: not measured (no line carries that label)");
                below++;
            }
            else if (value < minimum)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} = {value:0.####} is below the minimum {minimum:0.####}"));
                below++;
            }
        }

        return content.Errors.Count == 0 && below == 0 ? 0 : 1;
    }

    /// <summary>Reads the labelled file, through the map when one is given; a missing file or a bad map is a usage error.</summary>
    internal static LabelledFileContent Read(CliArguments args) => Read(args, args.Positional[0]);

    /// <summary>Reads one labelled file of several, through the map when one is given.</summary>
    internal static LabelledFileContent Read(CliArguments args, string path)
    {
        LabelMap? map = null;
        if (args.Single("--map") is { } mapPath)
        {
            if (!File.Exists(mapPath))
            {
                throw new CliUsageException($"map file '{mapPath}' does not exist");
            }

            try
            {
                map = LabelMap.Load(mapPath);
            }
            catch (FormatException ex)
            {
                throw new CliUsageException(ex.Message);
            }
        }

        if (!File.Exists(path))
        {
            throw new CliUsageException($"labelled file '{path}' does not exist");
        }

        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return LabelledComplaintFile.Read(reader, map);
    }

    private static (string Name, double Minimum) ParseThreshold(string text)
    {
        var equals = text.LastIndexOf('=');
        if (equals <= 0 || !double.TryParse(text.AsSpan(equals + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var minimum))
        {
            throw new CliUsageException($"--min takes NAME=VALUE (e.g. metrics.primaryCause.accuracy=0.7), not '{text}'");
        }

        var name = text[..equals];
        if (!name.StartsWith("metrics.", StringComparison.Ordinal) && name != "rows")
        {
            throw new CliUsageException($"--min names a number of the JSON report, such as metrics.primaryCause.accuracy, not '{name}'");
        }

        return (name, minimum);
    }
}
