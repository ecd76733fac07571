using System.Text.RegularExpressions;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.Docs;

/// <summary>docs/authority-and-outcomes.md tells the truth: its example layer loads and decides as shown, and its report is what the CLI prints.</summary>
public sealed partial class AuthorityAndOutcomesGuideTests : IDisposable
{
    private static readonly string s_guide = File.ReadAllText(RepositoryFiles.PathOf("docs/authority-and-outcomes.md"));

    private readonly string _dir = Directory.CreateTempSubdirectory("guide-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_example_layer_loads_over_the_default_and_decides_as_the_guide_says()
    {
        var layer = RuleSetSource.FromFile(RepositoryFiles.PathOf("docs/examples/authority/bank-limits.rules.json"));
        var rules = ComplaintRuleSet.Load(RuleSetSource.Default, layer);
        var complaint = new Complaint { Id = "x-1", Text = "你们重复扣了我800元手续费，必须退款，否则我就向金融监管局投诉。", Amount = 800, Currency = "CNY", HandlerRole = "agent" };

        var assessment = new ComplaintAnalyzer(rules).Analyze(complaint);

        Assert.Equal("team_leader", assessment.Remedies.Single(r => r.Remedy == "refund").GrantedBy);
        Assert.Equal("supervisor", assessment.Remedies.Single(r => r.Remedy == "fee_reversal").GrantedBy);
        var propose = assessment.Steps.Single(s => s.Step == HandlingStep.Propose).Guidance;
        Assert.Contains(propose[propose.IndexOf("可当场提供", StringComparison.Ordinal)..], s_guide, StringComparison.Ordinal);
        Assert.Equal("supervisor", ComplaintRuleSet.Default.Authority!.RoleFor("refund", Severity.Serious, 800m, "CNY"));
    }

    [Fact]
    public async Task The_report_in_the_guide_is_what_the_command_prints_on_the_sample_files()
    {
        var analyzer = new ComplaintAnalyzer();
        var assessments = Path.Combine(_dir, "assessments.jsonl");
        File.WriteAllLines(assessments, File.ReadLines(RepositoryFiles.PathOf("samples/outcome-complaints.jsonl"))
            .Select(line => ComplaintJson.Serialize(analyzer.Analyze(ComplaintJson.ParseComplaint(line)))));
        var stdout = new StringWriter();

        var exit = await OutcomesCommand.RunReportAsync(new CliArguments(["outcomes", "report", "--assessments", assessments, "--outcomes", RepositoryFiles.PathOf("samples/outcomes.jsonl")]),
            stdout, TextWriter.Null);

        Assert.Equal(0, exit);
        var shown = ReportBlock().Match(s_guide).Groups[1].Value;
        Assert.Equal(shown.ReplaceLineEndings("\n").TrimEnd(), stdout.ToString().ReplaceLineEndings("\n").TrimEnd());
    }

    [GeneratedRegex(@"<!-- report: [^>]*-->\s*```text\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReportBlock();
}
