using ComplaintRules.Testing;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Testing.Tests.Scoring;

/// <summary>Tuning on a synthetic file whose best numbers are known.</summary>
public class RuleTunerTests
{
    // basic.rules.json gives "slow" only 0.2 towards expectation (threshold 0.5), so "slow" complaints come out
    // with no cause; here people labelled them unmet expectations, and the other lines are right already.
    private static readonly IReadOnlyList<LabelledComplaint> s_labelled = Lines(Enumerable.Range(0, 30).Select(i => (i % 3) switch
    {
        0 => $$$"""{"id": "s{{{i}}}", "text": "Delivery number {{{i}}} was slow again", "expect": {"primaryCause": "expectation", "conflictType": "service_quality"}}""",
        1 => $$$"""{"id": "a{{{i}}}", "text": "I am angry, order {{{i}}}", "expect": {"primaryCause": "venting"}}""",
        _ => $$$"""{"id": "h{{{i}}}", "text": "Hello about order {{{i}}}", "expect": {"primaryCause": "none"}}""",
    }));

    private static IReadOnlyList<LabelledComplaint> Lines(IEnumerable<string> lines) =>
        LabelledComplaintFile.Read(new StringReader(string.Join('\n', lines))).Complaints;

    private static RuleTuner Tuner() => new([RuleSetSource.FromFile(PathOf("basic.rules.json"))]);

    [Fact]
    public void Tuning_raises_the_weight_the_labels_ask_for_and_reports_the_gain_on_held_out_folds()
    {
        var result = Tuner().Tune(s_labelled, new TuneOptions { Folds = 3, Seed = 5 });

        var change = Assert.Single(result.Changes, c => c.RuleId == "c.slow");
        Assert.Equal(0.2, change.From);
        Assert.InRange(change.To, 0.5, 1);
        var accuracy = Assert.Single(result.CrossValidation, m => m.Name == "primaryCause.accuracy");
        Assert.Equal(2.0 / 3, accuracy.BeforeMean, 2);
        Assert.Equal(1, accuracy.AfterMean, 2);
        Assert.Equal(3, result.Folds);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result()
    {
        var options = new TuneOptions { Folds = 4, Seed = 42 };

        var first = Tuner().Tune(s_labelled, options);
        var second = Tuner().Tune(s_labelled, options);

        Assert.Equal(first.OverrideLayer, second.OverrideLayer);
        Assert.Equal(
            first.Changes.Select(c => (c.RuleId, c.Decision, c.Member, c.From, c.To)),
            second.Changes.Select(c => (c.RuleId, c.Decision, c.Member, c.From, c.To)));
        Assert.Equal(
            first.CrossValidation.Select(m => (m.Name, m.BeforeMean, m.BeforeSpread, m.AfterMean, m.AfterSpread)),
            second.CrossValidation.Select(m => (m.Name, m.BeforeMean, m.BeforeSpread, m.AfterMean, m.AfterSpread)));
    }

    [Fact]
    public void The_override_layer_validates_and_applies_only_the_changed_numbers()
    {
        var result = Tuner().Tune(s_labelled, new TuneOptions { Folds = 3 });
        var layers = new[] { RuleSetSource.FromFile(PathOf("basic.rules.json")), RuleSetSource.FromJson(result.OverrideLayer, "tuned.rules.json") };

        Assert.Empty(ComplaintRuleSet.Validate(layers));
        var tuned = ComplaintRuleSet.Load(layers);
        Assert.Equal(Basic.RuleCount, tuned.RuleCount);
        Assert.Equal(RootCause.Expectation, Analyze("Delivery was slow again", tuned).PrimaryCause);
        Assert.Equal(result.Changes.Count, System.Text.Json.JsonDocument.Parse(result.OverrideLayer).RootElement
            .GetProperty("rules").EnumerateObject().Sum(d => d.Value.GetArrayLength()) + (result.OverrideLayer.Contains("causeThreshold", StringComparison.Ordinal) ? 1 : 0));
    }

    [Fact]
    public void A_high_penalty_keeps_every_number_and_still_writes_a_valid_layer()
    {
        var result = Tuner().Tune(s_labelled, new TuneOptions { Folds = 3, Penalty = 100 });

        Assert.Empty(result.Changes);
        Assert.All(result.CrossValidation, m => Assert.Equal(m.BeforeMean, m.AfterMean, 9));
        Assert.Empty(ComplaintRuleSet.Validate(RuleSetSource.FromFile(PathOf("basic.rules.json")), RuleSetSource.FromJson(result.OverrideLayer)));
    }

    [Fact]
    public void Fewer_labelled_complaints_than_folds_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Tuner().Tune(s_labelled.Take(2), new TuneOptions { Folds = 3 }));
    }

    [Fact]
    public void A_fallback_rule_is_tuned_like_any_other_and_its_override_stays_a_fallback()
    {
        // fallback.rules.json: f.expectation (0.6) fires when no claim and no venting are present and the tone is
        // negative; these people labelled plain disappointment "not a complaint", so its weight must drop below 0.5.
        var rows = Lines(Enumerable.Range(0, 12).Select(i => i % 2 == 0
            ? $$$"""{"id": "d{{{i}}}", "text": "A bit disappointed with visit {{{i}}}", "expect": {"primaryCause": "none"}}"""
            : $$$"""{"id": "r{{{i}}}", "text": "I want a refund for order {{{i}}}", "expect": {"primaryCause": "rights_claim"}}"""));
        var fallbacks = RuleSetSource.FromFile(PathOf("fallback.rules.json"));

        var result = new RuleTuner([fallbacks]).Tune(rows, new TuneOptions { Folds = 3 });

        var change = Assert.Single(result.Changes);
        Assert.Equal("f.expectation", change.RuleId);
        Assert.True(change.To < 0.5);
        var tuned = ComplaintRuleSet.Load(fallbacks, RuleSetSource.FromJson(result.OverrideLayer));
        var report = new ComplaintScorer(tuned).Score(rows);
        Assert.Equal(1, report.PrimaryCause!.Accuracy);
        Assert.Equal(0.5, Assert.Single(result.CrossValidation, m => m.Name == "primaryCause.accuracy").BeforeMean, 2);
    }
}
