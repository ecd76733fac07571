using System.Globalization;
using System.Text;
using ComplaintRules.Testing;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>tune LABELLED.jsonl --out TUNED.rules.json [--folds K] [--seed S] [--penalty P] [--passes N]</c>: fits the
/// rules' numbers to the labels, reports cross-validated scores before and after, and writes the changed numbers as
/// an override layer.
/// </summary>
internal static class TuneCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("tune takes one labelled file");
        }

        var output = args.Single("--out") ?? throw new CliUsageException("tune needs --out TUNED.rules.json");
        var options = new TuneOptions
        {
            Folds = args.Whole("--folds"),
            Seed = args.Whole("--seed"),
            MaxPasses = args.Whole("--passes"),
            Penalty = args.Decimal("--penalty"),
        };
        if (args.Flag("--no-default") && args.All("--rules").Count == 0)
        {
            throw new CliUsageException("--no-default needs at least one --rules FILE");
        }

        var content = ScoreCommand.Read(args);
        var sources = args.RuleSources();
        TuneResult result;
        try
        {
            result = new RuleTuner(sources).Tune(content.Complaints, options);
        }
        catch (ArgumentException ex) when (ex is not ArgumentNullException)
        {
            throw new CliUsageException(ex.Message.Split(" (Parameter", 2)[0]);
        }

        File.WriteAllText(output, result.OverrideLayer, new UTF8Encoding(false));
        stdout.Write(Render(result, output));
        foreach (var error in content.Errors)
        {
            stderr.WriteLine($"{args.Positional[0]}:{error.Line}: {error.Message}");
        }

        return content.Errors.Count == 0 ? 0 : 1;
    }

    private static string Render(TuneResult r, string output)
    {
        var s = new StringBuilder();
        void Line(FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"{r.Rows} labelled complaints, {r.Folds}-fold cross-validation (held-out folds only), penalty {r.Penalty:0.####} per unit of change");
        Line($"{"metric",-24}{"before",-18}{"after",-18}");
        foreach (var m in r.CrossValidation)
        {
            Line($"{m.Name,-24}{$"{m.BeforeMean:0.000} ± {m.BeforeSpread:0.000}",-18}{$"{m.AfterMean:0.000} ± {m.AfterSpread:0.000}",-18}");
        }

        s.AppendLine();
        Line($"Fitted on all {r.Rows}: {r.Changes.Count} number(s) changed");
        foreach (var c in r.Changes)
        {
            Line($"  {(c.RuleId.Length == 0 ? "settings" : c.RuleId),-44} {c.Member,-15} {c.From:0.###} -> {c.To:0.###}");
        }

        Line($"Wrote {output}: layer it after your rules (--rules {output}) and check it with complaint-rules validate {output}.");
        return s.ToString();
    }
}
