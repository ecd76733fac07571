using System.Text;
using ComplaintRules.Evaluation;
using ComplaintRules.Testing;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>tiebreak LABELLED... --out TIEBREAK.rules.json [--min-count N] [--weight W] [--presence P] [--scale S] [--detect D] [--lead CAUSE=LEVEL]... [--trained-on TEXT]</c>:
/// learns gram weights from complaints labelled with their primary cause and writes them as a rule layer with a
/// <c>tieBreak</c> section.
/// </summary>
internal static class TieBreakCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var output = args.Single("--out") ?? throw new CliUsageException("tiebreak needs --out TIEBREAK.rules.json");
        var options = new TieBreakOptions
        {
            MinCount = args.Whole("--min-count"),
            Weight = args.Decimal("--weight") ?? new TieBreakOptions().Weight,
            Scale = args.Decimal("--scale") ?? new TieBreakOptions().Scale,
            Presence = args.Decimal("--presence") ?? new TieBreakOptions().Presence,
            Detect = args.Decimal("--detect"),
            Leads = Leads(args.All("--lead")),
            TrainedOn = args.Single("--trained-on"),
        };
        if (options.Weight > TieBreak.MaxWeight || options.Presence > TieBreak.MaxWeight || options.Scale <= 0 || options.Detect > TieBreak.MaxDetect)
        {
            throw new CliUsageException($"--weight and --presence must be from 0 to {TieBreak.MaxWeight}, --scale above 0, --detect at most {TieBreak.MaxDetect}");
        }

        var complaints = new List<LabelledComplaint>();
        var errors = 0;
        foreach (var path in args.Positional)
        {
            var content = ScoreCommand.Read(args, path);
            complaints.AddRange(content.Complaints);
            foreach (var error in content.Errors)
            {
                stderr.WriteLine($"{path}:{error.Line}: {error.Message}");
                errors++;
            }
        }

        var layer = TieBreakTrainer.Train(complaints, options);
        File.WriteAllText(output, layer.Json, new UTF8Encoding(false));
        stdout.WriteLine($"{layer.Rows} complaints with a primary cause; kept {layer.EnglishGrams} English and {layer.ChineseGrams} Chinese grams "
            + $"(in at least {options.MinCount} complaints each).");
        stdout.WriteLine($"Wrote {output}: layer it after your rules (--rules {output}) and check it with complaint-rules validate {output}.");
        return errors == 0 ? 0 : 1;
    }

    // --lead venting=7 --lead expectation=7: each cause once, each level from 0 to TieBreak.MaxLead.
    private static Dictionary<RootCause, double> Leads(IReadOnlyList<string> values)
    {
        var leads = new Dictionary<RootCause, double>();
        foreach (var text in values)
        {
            var equals = text.IndexOf('=');
            if (equals <= 0 || !TieBreak.TryParseLeadCause(text[..equals], out var cause)
                || !double.TryParse(text.AsSpan(equals + 1), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var level)
                || !TieBreak.IsLeadLevel(level) || !leads.TryAdd(cause, level))
            {
                throw new CliUsageException($"--lead takes CAUSE=LEVEL once per cause (expectation, rights_claim or venting; a level from 0 to {TieBreak.MaxLead}), not '{text}'");
            }
        }

        return leads;
    }
}
