using ComplaintRules.Testing;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>test [RULES...] --cases CASES... [--no-default]</c>: runs rule-test case files against the rule files (layered
/// over the default unless <c>--no-default</c>) and prints pass or fail per case; a failing case explains itself.
/// </summary>
internal static class TestCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        // "--cases a.cases.json b.cases.json": the option takes one value, so later case files arrive as positional
        // arguments; a file named *.cases.json is a case file wherever it stands.
        var caseFiles = args.All("--cases").Concat(args.Positional.Where(IsCaseFile)).ToList();
        var ruleFiles = args.Positional.Where(p => !IsCaseFile(p)).ToList();
        if (caseFiles.Count == 0)
        {
            throw new CliUsageException("test needs at least one --cases FILE");
        }

        if (args.Flag("--no-default") && ruleFiles.Count == 0)
        {
            throw new CliUsageException("--no-default needs at least one rule file");
        }

        var ruleSet = ComplaintRuleSet.LoadFiles(ruleFiles, includeDefault: !args.Flag("--no-default"));
        var cases = new List<RuleTestCase>();
        var unreadable = 0;
        foreach (var file in caseFiles)
        {
            try
            {
                cases.AddRange(RuleTestCaseFile.Load(file));
            }
            catch (RuleTestCaseException ex)
            {
                foreach (var diagnostic in ex.Diagnostics)
                {
                    stderr.WriteLine(diagnostic);
                }

                unreadable++;
            }
        }

        if (unreadable > 0)
        {
            stderr.WriteLine($"{unreadable} case file(s) could not be read");
            return 1;
        }

        var results = new RuleCaseRunner(ruleSet).RunAll(cases);
        foreach (var result in results)
        {
            stdout.WriteLine(result.Describe());
        }

        var failed = results.Count(r => r.FailsRun);
        var pending = results.Count(r => !r.Passed && !r.FailsRun);
        stdout.WriteLine();
        stdout.WriteLine($"{results.Count(r => r.Passed)} passed, {failed} failed, {pending} pending ({ruleSet.Name} {ruleSet.Version}, {ruleSet.RuleCount} rules)");
        return failed == 0 ? 0 : 1;
    }

    private static bool IsCaseFile(string path) => path.EndsWith(".cases.json", StringComparison.OrdinalIgnoreCase);
}
