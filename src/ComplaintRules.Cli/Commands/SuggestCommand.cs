using System.Globalization;
using System.Text;
using ComplaintRules.Testing;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>suggest LABELLED.jsonl --label NAME=VALUE [--language zh|en] [--top N] [--out LEXICON.rules.json]</c>: candidate
/// phrases for a label, measured on held-out folds, with the lexicon phrases they overlap. It never edits rules.
/// </summary>
internal static class SuggestCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("suggest takes one labelled file");
        }

        var label = args.Single("--label") ?? throw new CliUsageException("suggest needs --label NAME=VALUE (e.g. conflictType=price)");
        var options = new SuggestOptions
        {
            Language = args.Single("--language"),
            Top = args.Whole("--top"),
            Folds = args.Whole("--folds"),
            Seed = args.Whole("--seed"),
            MinSupport = args.Whole("--min-support"),
        };

        var content = ScoreCommand.Read(args);
        var sources = args.RuleSources();
        IReadOnlyList<PhraseSuggestion> suggestions;
        try
        {
            suggestions = new PhraseSuggester(sources).Suggest(content.Complaints, label, options);
        }
        catch (FormatException ex)
        {
            throw new CliUsageException(ex.Message);
        }

        stdout.Write(Render(label, options, suggestions));
        if (args.Single("--out") is { } output)
        {
            var lexicon = "suggested_" + new string([.. label.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')]);
            var description = $"Phrases suggested by complaint-rules suggest for {label}, measured on held-out folds. Review each; no rule reads this lexicon until you write one.";
            File.WriteAllText(output, PhraseSuggester.ToLexiconLayer(suggestions, lexicon, description), new UTF8Encoding(false));
            stdout.WriteLine($"Wrote {output}: lexicon '{lexicon}' with {suggestions.Count} phrase(s).");
        }

        foreach (var error in content.Errors)
        {
            stderr.WriteLine($"{args.Positional[0]}:{error.Line}: {error.Message}");
        }

        return content.Errors.Count == 0 ? 0 : 1;
    }

    private static string Render(string label, SuggestOptions options, IReadOnlyList<PhraseSuggestion> suggestions)
    {
        var s = new StringBuilder();
        void Line(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"Phrases for {label}: chosen on {options.Folds - 1} of {options.Folds} folds, measured on the held-out one (support = held-out complaints containing it)");
        Line($"{"phrase",-28}{"support",8}{"precision",11}{"lift",7}  overlaps current lexicons");
        foreach (var p in suggestions)
        {
            Line($"{Pad(p.Phrase, 28)}{p.Support,8}{p.Precision,11:0.000}{p.Lift,7:0.00}  {(p.Overlaps.Count == 0 ? "-" : string.Join(", ", p.Overlaps.Take(4)) + (p.Overlaps.Count > 4 ? ", …" : ""))}");
        }

        if (suggestions.Count == 0)
        {
            Line($"(no phrase does better than the label's base rate on held-out complaints)");
        }

        return s.ToString();
    }

    // Chinese characters take two columns in a terminal.
    private static string Pad(string text, int width) => text + new string(' ', Math.Max(1, width - text.Sum(c => c >= '\u2E80' ? 2 : 1)));
}
