namespace ComplaintRules.Cli.Commands;

/// <summary><c>evaluate --dev-data DIR</c>: scores the rule set on a labelled development folder.</summary>
internal static class EvaluateCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr) =>
        throw new CliUsageException("evaluate is not available in this build");
}
