using System.Text.Json;

namespace ComplaintRules.Cli.Commands;

/// <summary><c>validate FILE...</c>: every problem in the rule files, one per line as <c>file:line:col: rule 'id': message</c>.</summary>
internal static class ValidateCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count == 0)
        {
            throw new CliUsageException("validate takes one or more rule files");
        }

        var sources = new List<RuleSetSource>();
        if (!args.Flag("--no-default"))
        {
            sources.Add(RuleSetSource.Default);
        }

        sources.AddRange(args.Positional.Select(RuleSetSource.FromFile));
        // Errors stop the load; warnings (a condition that can fail at run time) come with a rule set that loads.
        IReadOnlyList<RuleDiagnostic> diagnostics;
        try
        {
            diagnostics = ComplaintRuleSet.Load(sources).Warnings;
        }
        catch (RuleSetException ex)
        {
            diagnostics = ex.Diagnostics;
        }

        var errors = diagnostics.Count(d => !d.IsWarning);
        if (args.Single("--format") == "json")
        {
            stdout.WriteLine(JsonSerializer.Serialize(
                diagnostics.Select(d => new Dictionary<string, object?>
                {
                    ["file"] = d.File, ["line"] = d.Line, ["column"] = d.Column, ["ruleId"] = d.RuleId, ["path"] = d.Path, ["message"] = d.Message,
                    ["severity"] = d.IsWarning ? "warning" : "error", ["code"] = d.Code,
                }).ToList(),
                CliJson.Options));
        }
        else
        {
            foreach (var diagnostic in diagnostics)
            {
                stdout.WriteLine(diagnostic);
            }

            var warnings = diagnostics.Count - errors;
            stderr.WriteLine(errors > 0 ? $"{errors} error(s)" : warnings > 0 ? $"{args.Positional.Count} file(s) OK, {warnings} warning(s)" : $"{args.Positional.Count} file(s) OK");
        }

        return errors == 0 ? 0 : 1;
    }
}
