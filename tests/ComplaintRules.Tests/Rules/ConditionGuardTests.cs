using ComplaintRules.Features;
using ComplaintRules.Rules;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Rules;

/// <summary>
/// A rule whose guard counts are all 0 is passed over without running its condition: sound only if the condition is
/// then false and cannot throw. Checked on chosen shapes, on generated conditions and on every default rule.
/// </summary>
public class ConditionGuardTests
{
    private static readonly SignalTable s_signals = new(["a", "b", "c", "x", "negation"], [true, true, true, true, false]);

    [Theory]
    [InlineData("Has(\"a\")", "a")]
    [InlineData("Count(\"a\") >= 2", "a")]
    [InlineData("0 < Count(\"b\")", "b")]
    [InlineData("Has(\"a\") || Count(\"b\") > 0", "a b")]
    [InlineData("Has(\"a\") && Length / PriorComplaints > 1", "a")]             // the right side never runs
    [InlineData("Length < 320 && Amount >= 100 && (Has(\"a\") || Has(\"c\"))", "a c")] // the left side cannot throw
    [InlineData("DemandCount(\"a\") + DemandCount(\"b\") > 0", "a:demand b:demand")]
    [InlineData("Negated(\"x\") > 0", "x:negated")]
    [InlineData("!Has(\"a\")", null)]
    [InlineData("Count(\"a\") > -1", null)]
    [InlineData("Count(\"a\") >= 0", null)]
    [InlineData("Has(\"a\") || Length > 3", null)]
    [InlineData("Length / PriorComplaints > 1 && Has(\"a\")", null)]            // the left side may throw first
    [InlineData("Attr(\"segment\") == \"vip\" && Has(\"a\")", null)]
    [InlineData("Count(\"a\") - Count(\"b\") > 0", null)]
    [InlineData("true", null)]
    public void A_guard_holds_the_counts_the_condition_needs(string when, string? expected)
    {
        var condition = new RuleExpressionCompiler().Compile(when, Decision.Remedies, s_signals);

        Assert.Null(condition.Error);
        Assert.Equal(expected, condition.Guard is null ? null : string.Join(" ", condition.Guard.Select(Name)));
    }

    [Property(Arbitrary = new[] { typeof(SimpleConditionParserTests.Generators) }, MaxTest = 300)]
    public void With_its_guard_counts_at_0_a_generated_condition_is_false(string when)
    {
        var condition = new RuleExpressionCompiler().Compile(when, Decision.Remedies, s_signals);
        if (condition.Guard is { } guard)
        {
            AssertFalseWithout(condition.Evaluate!, guard, s_signals, when);
        }
    }

    [Fact]
    public void With_its_guard_counts_at_0_every_guarded_default_rule_is_false()
    {
        var ruleSet = ComplaintRuleSet.Default;
        var guarded = 0;
        foreach (var rule in ruleSet.AllRules)
        {
            if (rule.Guard is { } guard)
            {
                guarded++;
                AssertFalseWithout(rule.Condition, guard, ruleSet.Extractor.Signals, rule.Id);
            }
        }

        // Most rules read a signal first: what lets a complaint pass most of them over.
        Assert.True(guarded * 2 > ruleSet.AllRules.Count, $"{guarded} of {ruleSet.AllRules.Count} guarded");
    }

    private static void AssertFalseWithout(Func<ComplaintFacts, bool> condition, int[] guard, SignalTable signals, string name)
    {
        var random = new Random(11);
        for (var run = 0; run < 40; run++)
        {
            var counts = Enumerable.Range(0, signals.Count * ComplaintFacts.CountsPerSignal).Select(_ => random.Next(3)).ToArray();
            foreach (var slot in guard)
            {
                counts[slot] = 0;
            }

            var complaint = new Complaint
            {
                Id = "g",
                Text = new string('x', random.Next(1, 400)),
                PriorComplaints = random.Next(3),
                Amount = random.Next(2) == 0 ? null : random.Next(0, 300),
                Attributes = random.Next(2) == 0 ? new Dictionary<string, string> { ["segment"] = "vip" } : null,
            };
            var facts = new ComplaintFacts(signals, complaint, "en", complaint.Text.Length, counts);
            facts.CauseScores[random.Next(4)] = random.Next(3) * 0.5;
            facts.PrimaryCause = random.Next(2) == 0 ? "venting" : "none";
            Assert.False(condition(facts), $"{name}: true with its guard counts at 0");
        }
    }

    private static string Name(int slot) => s_signals.Names[slot / ComplaintFacts.CountsPerSignal]
        + (slot % ComplaintFacts.CountsPerSignal) switch { 1 => ":negated", 2 => ":demand", _ => "" };
}
