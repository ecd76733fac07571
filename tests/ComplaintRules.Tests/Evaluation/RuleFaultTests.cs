using System.Diagnostics.Metrics;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;
using ComplaintRules.Testing;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>A rule whose condition throws for a complaint counts as not fired; the fault is reported everywhere an operator or author looks.</summary>
public sealed class RuleFaultTests
{
    private static string Rules(string when, string id = "div.x") => $$"""
        { "name": "faults", "version": "1",
          "rules": { "severity": [ { "id": "{{id}}", "level": "serious", "when": {{System.Text.Json.JsonSerializer.Serialize(when)}} } ] } }
        """;

    private static ComplaintRuleSet Load(string when, string id = "div.x") => ComplaintRuleSet.Load(RuleSetSource.FromJson(Rules(when, id)));

    private static readonly Complaint s_noPrior = new() { Id = "b", Text = "hello", Amount = 500 };

    [Fact]
    public void A_condition_that_throws_counts_as_not_fired_and_the_assessment_says_which_rule()
    {
        var analyzer = new ComplaintAnalyzer(Load("Amount / PriorComplaints > 100"));

        var faulty = analyzer.Analyze(s_noPrior);
        var fine = analyzer.Analyze(s_noPrior with { PriorComplaints = 2 });

        Assert.Equal(Severity.Minor, faulty.Severity);
        Assert.DoesNotContain(faulty.Trace, t => t.RuleId == "div.x");
        var warning = Assert.Single(faulty.Warnings);
        Assert.Equal(WarningCodes.RuleFault, warning.Code);
        Assert.StartsWith("rule 'div.x' failed and counted as not fired (DivideByZeroException", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Serious, fine.Severity);
        Assert.Empty(fine.Warnings);
    }

    [Fact]
    public void A_fallback_rule_that_throws_costs_only_itself_and_explain_shows_it()
    {
        var ruleSet = ComplaintRuleSet.Load(RuleSetSource.FromJson("""
            { "name": "fallback", "version": "1",
              "rules": { "causes": [
                { "id": "first", "when": "true", "cause": "venting", "weight": 0.6 },
                { "id": "second", "when": "HasCause(\"venting\") && Amount / PriorComplaints > 1", "cause": "expectation", "weight": 0.6 } ] } }
            """));
        var analyzer = new ComplaintAnalyzer(ruleSet);

        var explanation = analyzer.Explain(s_noPrior);

        Assert.Equal(RootCause.Venting, explanation.Assessment.PrimaryCause);
        Assert.Contains(explanation.Assessment.Warnings, w => w.Code == WarningCodes.RuleFault && w.Message.StartsWith("rule 'second'", StringComparison.Ordinal));
        var second = explanation.Rules.Single(r => r.RuleId == "second");
        Assert.True(second.Fallback);
        Assert.StartsWith("DivideByZeroException", second.Fault, StringComparison.Ordinal);
        Assert.Null(explanation.Rules.Single(r => r.RuleId == "first").Fault);
    }

    [Fact]
    public void A_deadline_condition_that_throws_leaves_out_that_deadline_only()
    {
        var ruleSet = ComplaintRuleSet.Load(RuleSetSource.FromJson("""
            { "name": "deadline", "version": "1",
              "regimes": { "XX-TEST": { "name": "Test", "timeZone": "UTC", "basis": ["Test Act"], "validFrom": "2025-01-01",
                "deadlines": [
                  { "kind": "resolve", "amount": 5, "unit": "calendar_days", "basis": "s. 1" },
                  { "kind": "extension", "amount": 10, "unit": "calendar_days", "basis": "s. 2", "when": "Amount / PriorComplaints > 1" } ] } } }
            """));
        var complaint = s_noPrior with { Regime = "XX-TEST", ReceivedAt = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero) };

        var assessment = new ComplaintAnalyzer(ruleSet).Analyze(complaint);

        var deadline = Assert.Single(assessment.Deadlines);
        Assert.Equal(DeadlineKind.Resolve, deadline.Kind);
        Assert.Contains(assessment.Warnings, w => w.Code == WarningCodes.RuleFault && w.Message.StartsWith("rule 'XX-TEST/Extension'", StringComparison.Ordinal));
    }

    [Fact]
    public void Integer_arithmetic_is_checked_so_an_overflow_never_makes_a_rule_fire()
    {
        var analyzer = new ComplaintAnalyzer(Load("2147483647 + PriorComplaints < 0", "wraps"));

        var assessment = analyzer.Analyze(s_noPrior with { PriorComplaints = 2 });

        Assert.DoesNotContain(assessment.Trace, t => t.RuleId == "wraps");
        Assert.Contains(assessment.Warnings, w => w.Code == WarningCodes.RuleFault && w.Message.StartsWith("rule 'wraps'", StringComparison.Ordinal) && w.Message.Contains("Overflow", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_fault_is_counted_on_the_meter_with_its_rule()
    {
        var id = $"meter.{Guid.NewGuid():N}"; // tests run in parallel: listen to this test's rule only
        long faults = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ComplaintRulesTelemetry.Name && instrument.Name == "complaintrules.rule_faults")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == TelemetryTags.RuleId && (string?)tag.Value == id)
                {
                    Interlocked.Add(ref faults, value);
                }
            }
        });
        listener.Start();

        new ComplaintAnalyzer(Load("Amount / PriorComplaints > 100", id)).Analyze(s_noPrior);

        Assert.Equal(1, Interlocked.Read(ref faults));
    }

    [Fact]
    public void Explain_shows_the_failed_rule_and_its_error()
    {
        var analyzer = new ComplaintAnalyzer(Load("Amount / PriorComplaints > 100"));

        var explanation = analyzer.Explain(s_noPrior);
        var text = ExplainCommand.Render(s_noPrior, explanation, color: false, allRules: false);

        var rule = Assert.Single(explanation.Rules);
        Assert.False(rule.Fired);
        Assert.StartsWith("DivideByZeroException", rule.Fault, StringComparison.Ordinal);
        Assert.Contains("[!] div.x", text, StringComparison.Ordinal);
        Assert.Contains("failed, counted as not fired: DivideByZeroException", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_test_fails_when_a_rule_throws_and_says_which()
    {
        var runner = new RuleCaseRunner(Load("Amount / PriorComplaints > 100"));
        var testCase = new RuleTestCase { Name = "no prior complaints", Complaint = s_noPrior, Expect = new RuleTestExpectations { Severity = Severity.Minor } };

        var result = runner.Run(testCase);

        Assert.True(result.FailsRun);
        Assert.Contains("rule 'div.x' failed and counted as not fired (CR1001): DivideByZeroException", result.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Amount / PriorComplaints > 100", "fails when PriorComplaints is 0")]
    [InlineData("PriorComplaints / 0 > 0", "divides by 0 and always fails")]
    [InlineData("Length % (Count(\"exclamation_run\") - Count(\"exclamation_run\")) == 1", "fails when Count(\"exclamation_run\") - Count(\"exclamation_run\") is 0")]
    [InlineData("Math.Round(Amount, 30) > 0", "given 30 digits")]
    [InlineData("Channel.StartsWith(null)", "given null")]
    [InlineData("Attr(null) == \"x\"", "given null")]
    [InlineData("string.Compare(Channel, 5, Product, 0, 3) == 0", "with indexes")]
    public void Validate_warns_where_a_condition_can_throw_but_the_rule_set_loads(string when, string expected)
    {
        var ruleSet = Load(when);

        var warning = Assert.Single(ruleSet.Warnings);
        Assert.True(warning.IsWarning);
        Assert.Equal("div.x", warning.RuleId);
        Assert.Contains(expected, warning.Message, StringComparison.Ordinal);
        Assert.Contains(": warning CR0150: rule 'div.x': ", warning.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PriorComplaints > 0 && Amount / PriorComplaints > 100")]
    [InlineData("Amount / Math.Max(1, PriorComplaints) > 100")]
    [InlineData("Amount / 4 > 100 && Length / 2.0 > 1")]
    [InlineData("Math.Round(Amount, 2) > 0 && Channel.StartsWith(\"app\")")]
    public void A_guarded_or_constant_division_gives_no_warning(string when) => Assert.Empty(Load(when).Warnings);

    [Fact]
    public void The_validate_command_prints_warnings_and_still_exits_zero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"div-{Guid.NewGuid():N}.rules.json");
        File.WriteAllText(path, Rules("Amount / PriorComplaints > 100"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        try
        {
            var exit = ValidateCommand.Run(new CliArguments(["validate", path]), stdout, stderr);

            Assert.Equal(0, exit);
            Assert.Contains(": warning CR0150: rule 'div.x': 'Amount / PriorComplaints' fails when PriorComplaints is 0", stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains("1 file(s) OK, 1 warning(s)", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_default_rule_set_has_no_run_time_risks() => Assert.Empty(ComplaintRuleSet.Default.Warnings);
}
