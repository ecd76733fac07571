using FsCheck.Xunit;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Properties;

/// <summary>Invariants of analysis, for any text and any layering order.</summary>
public class AnalysisProperties
{
    private static readonly Lazy<ComplaintRuleSet> s_venting = new(() => Load("venting.rules.json"));
    private static readonly Lazy<ComplaintRuleSet> s_ab = new(() => Load("layer-a.rules.json", "layer-b.rules.json"));
    private static readonly Lazy<ComplaintRuleSet> s_ba = new(() => Load("layer-b.rules.json", "layer-a.rules.json"));
    private static readonly Lazy<ComplaintRuleSet> s_reloaded = new(() => Load("basic.rules.json"));

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public void Analysis_never_throws_and_returns_a_well_formed_assessment(ComplaintText text)
    {
        var complaint = new Complaint { Id = "p", Text = text.Value };

        AssertWellFormed(complaint, Analyze(complaint));
        AssertWellFormed(complaint, new ComplaintAnalyzer(ComplaintRuleSet.Default).Analyze(complaint));
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 200)]
    public void Analysis_of_any_complaint_never_throws_and_is_well_formed(GeneratedComplaint complaint) =>
        AssertWellFormed(complaint.Value, Analyze(complaint.Value));

    [Fact]
    public void A_one_megabyte_text_is_analysed_in_full_and_well_formed()
    {
        var random = new Random(7);
        var parts = new[] { "You promised a refund!!! ", "我很生气！", "not angry ", "\uD800", "\U0001F620", "說好的退款 ", "THIS IS SLOW ", "\u0000" };
        var builder = new System.Text.StringBuilder(1 << 20);
        while (builder.Length < 1 << 20)
        {
            builder.Append(parts[random.Next(parts.Length)]);
        }

        var complaint = new Complaint { Id = "mb", Text = builder.ToString(), CustomerDemand = builder.ToString(0, 10_000) };
        var analyzer = new ComplaintAnalyzer(Basic, new ComplaintAnalyzerOptions { MaxTextLength = 2 << 20 });

        var result = analyzer.Analyze(complaint);

        AssertWellFormed(complaint, result, 2 << 20);
        Assert.Equal(ComplaintRules.Evaluation.RuleEvaluator.MaxEvidencePerFinding, result.RootCauses[0].Evidence.Count);
        Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_longer_than_the_default_limit_is_truncated_not_refused()
    {
        var complaint = new Complaint { Id = "big", Text = new string('!', 150_000) + " refund" };

        var result = Analyze(complaint);

        Assert.Contains(result.Warnings, w => w.Message.Contains("truncated from 150007 to 100000", StringComparison.Ordinal));
        AssertWellFormed(complaint, result);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 200)]
    public void Analysis_is_deterministic(GeneratedComplaint complaint)
    {
        var first = ComplaintJson.Serialize(Analyze(complaint.Value));
        var again = ComplaintJson.Serialize(Analyze(complaint.Value));
        var reloaded = ComplaintJson.Serialize(Analyze(complaint.Value, s_reloaded.Value)); // a second, separately compiled copy

        Assert.Equal(first, again);
        Assert.Equal(first, reloaded);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 200)]
    public void Layering_files_with_disjoint_ids_in_either_order_gives_the_same_result(GeneratedComplaint complaint)
    {
        var ab = Analyze(complaint.Value, s_ab.Value);
        var ba = Analyze(complaint.Value, s_ba.Value);

        Assert.Equal(Canonical(ab), Canonical(ba));
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public void Appending_exclamation_marks_never_lowers_the_venting_score(ComplaintText text)
    {
        var before = VentingScore(text.Value);
        var after = VentingScore(text.Value + "!!!");

        Assert.True(after >= before, $"venting fell from {before} to {after}");
        Assert.True(after > 0);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 100)]
    public void A_mutated_condition_loads_or_fails_with_a_diagnostic(ComplaintText noise, int position)
    {
        const string valid = "Has(\"anger\") && (Count(\"exclamation_mark\") >= 2 || Amount > 100) && !HasTag(\"vip\")";
        var at = (int)((uint)position % (valid.Length + 1));
        var mutated = valid[..at] + noise.Value[..Math.Min(noise.Value.Length, 200)] + valid[at..];
        var json = $$"""
            { "lexicons": { "anger": { "en": ["angry"] } },
              "rules": { "causes": [ { "id": "m", "when": {{System.Text.Json.JsonSerializer.Serialize(mutated)}}, "cause": "venting", "weight": 0.5 } ] } }
            """;

        var diagnostics = ComplaintRuleSet.Validate(RuleSetSource.FromJson(json));

        Assert.All(diagnostics, d => Assert.Equal("m", d.RuleId));
    }

    private static double VentingScore(string text) =>
        Analyze(text, s_venting.Value).RootCauses.SingleOrDefault(c => c.Cause == RootCause.Venting)?.Score ?? 0;

    // Evaluation order follows layering order (the trace, evidence order); everything the layering must not change is kept.
    private static string Canonical(ComplaintAssessment a) => string.Join(
        " | ",
        a.PrimaryCause,
        string.Join(";", a.RootCauses.Select(c => $"{c.Cause}:{c.Score}:{string.Join(",", c.Evidence.Select(e => $"{e.Start}+{e.Length}").Order())}")),
        string.Join(";", a.ConflictTypes.Select(c => $"{c.Type}:{c.Subtype}:{c.Score}")),
        a.Severity,
        string.Join(";", a.SeverityReasons.Order()),
        a.Intensity,
        string.Join(";", a.Steps.Select(s => $"{s.Step}:{s.Guidance}:{s.RuleId}")),
        string.Join(";", a.Remedies.Select(r => $"{r.Remedy}:{r.Priority}:{r.RuleId}")),
        string.Join(";", a.Trace.Select(f => $"{f.Decision}:{f.RuleId}").Order()));

    // Causes come by score, except where the default tie-break reordered causes whose scores lie within twice its weight;
    // then it is in the trace.
    private static void AssertCauseOrder(ComplaintAssessment a)
    {
        var swing = 2 * (ComplaintRuleSet.Default.TieBreak?.Weight ?? 0) + 1e-9;
        var inverted = false;
        for (var i = 0; i < a.RootCauses.Count; i++)
        {
            for (var j = i + 1; j < a.RootCauses.Count; j++)
            {
                var gap = a.RootCauses[j].Score - a.RootCauses[i].Score;
                Assert.True(gap <= swing, $"{a.RootCauses[i].Cause} before {a.RootCauses[j].Cause}, {gap:0.####} below it");
                inverted |= gap > 0;
            }
        }

        Assert.True(!inverted || a.Trace.Any(f => f.RuleId == "cause.tie_break"), "causes out of score order without the tie-break in the trace");
    }

    internal static void AssertWellFormed(Complaint complaint, ComplaintAssessment a, int maxTextLength = 100_000)
    {
        var text = complaint.Text.Length > maxTextLength ? complaint.Text[..maxTextLength] : complaint.Text;
        Assert.Equal(complaint.Id, a.Id);
        Assert.Contains(a.Language, new[] { "zh", "en" });
        Assert.InRange(a.Intensity, 0, 4);
        Assert.True(Enum.IsDefined(a.Severity));
        Assert.Equal(a.RootCauses.Count, a.RootCauses.Select(c => c.Cause).Distinct().Count());
        Assert.Equal(a.RootCauses.Count > 0 ? a.RootCauses[0].Cause : RootCause.None, a.PrimaryCause);
        AssertCauseOrder(a);
        Assert.Equal(a.ConflictTypes.OrderByDescending(c => c.Score).Select(c => c.Score), a.ConflictTypes.Select(c => c.Score));
        Assert.Equal(a.Remedies.OrderByDescending(r => r.Priority).Select(r => r.Priority), a.Remedies.Select(r => r.Priority));
        Assert.Equal(a.Steps.Count, a.Steps.Select(s => s.Step).Distinct().Count());
        Assert.All(a.RootCauses, c => Assert.InRange(c.Score, 0.0, 1.0));
        Assert.All(a.ConflictTypes, c => Assert.InRange(c.Score, 0.0, 1.0));
        var evidence = a.RootCauses.SelectMany(c => c.Evidence).Concat(a.ConflictTypes.SelectMany(c => c.Evidence));
        Assert.All(evidence, e =>
        {
            var source = e.Field == "customerDemand" ? complaint.CustomerDemand! : text;
            Assert.InRange(e.Start, 0, source.Length - 1);
            Assert.InRange(e.Length, 1, source.Length - e.Start);
            Assert.Equal(source.Substring(e.Start, e.Length), e.Text);
        });
    }
}
