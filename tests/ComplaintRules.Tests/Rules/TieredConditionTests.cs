using ComplaintRules.Features;
using ComplaintRules.Rules;
using ComplaintRules.Tests.Schema;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Rules;

/// <summary>
/// Conditions of the everyday shape run interpreted until their rule set is in steady use, then compiled: the
/// interpreter gives the answers and the exceptions of the compiled delegate, for every shipped condition and
/// generated ones, and a rule ends up calling the compiled delegate.
/// </summary>
public class TieredConditionTests
{
    private static readonly SignalTable s_signals = new(["a", "b", "c", "x", "negation"], [true, true, true, true, false]);

    [Fact]
    public void Every_default_condition_runs_interpreted_and_answers_as_compiled_over_the_sample_complaints()
    {
        var ruleSet = ComplaintRuleSet.Default;
        var signals = ruleSet.Extractor.Signals;
        var facts = SampleComplaints().Select(c => Facts(ruleSet, c)).ToList();
        var compiler = new RuleExpressionCompiler();
        var interpreted = 0;
        foreach (var rule in ruleSet.AllRules)
        {
            var condition = compiler.Compile(rule.ExpandedWhen, rule.Decision, signals);
            Assert.Null(condition.Error);
            if (condition.Tiered is null)
            {
                continue; // compiled at load, as before
            }

            interpreted++;
            AssertSameAnswers(condition.Tiered, facts, rule.ExpandedWhen);
        }

        // Nearly all of them: what makes the default rule set start without compiling.
        Assert.True(interpreted * 20 >= ruleSet.AllRules.Count * 19, $"{interpreted} of {ruleSet.AllRules.Count} interpreted");
    }

    [Property(Arbitrary = new[] { typeof(SimpleConditionParserTests.Generators) }, MaxTest = 300)]
    public void Any_generated_condition_answers_as_compiled(string when)
    {
        var condition = new RuleExpressionCompiler().Compile(when, Decision.Remedies, s_signals);
        if (condition.Tiered is { } tiered)
        {
            AssertSameAnswers(tiered, SyntheticFacts(), when);
        }
    }

    [Theory]
    [InlineData("2147483647 + PriorComplaints > 0")]               // checked: overflows
    [InlineData("PriorComplaints * 2147483647 > 0")]
    [InlineData("-2147483647 - PriorComplaints * 2 < 0")]
    [InlineData("Length / PriorComplaints > 1")]                   // divides by zero
    [InlineData("Length % PriorComplaints == 0")]
    [InlineData("CauseScore(\"venting\") > 0 && Count(\"a\") / PriorComplaints >= 0")]
    [InlineData("Attr(\"segment\") == \"vip\" || HasTag(\"vip\") || Channel != \"app\"")]
    [InlineData("HasCause(\"venting\") == (ConflictScore(\"price\") >= 0.5)")]
    [InlineData("Amount >= 100 && Amount < 250.5 && HasAmount")]
    public void Faults_and_edge_values_are_the_compiled_delegates(string when)
    {
        var condition = new RuleExpressionCompiler().Compile(when, Decision.Remedies, s_signals);

        Assert.Null(condition.Error);
        Assert.NotNull(condition.Tiered);
        AssertSameAnswers(condition.Tiered, SyntheticFacts(), when);
    }

    [Theory]
    [InlineData("Math.Max(Length, 3) > 4")]
    [InlineData("Amount / PriorComplaints > 100")]
    [InlineData("Count(\"a\") > 0 ? true : false")]
    public void Other_shapes_compile_at_load_as_before(string when)
    {
        var condition = new RuleExpressionCompiler().Compile(when, Decision.Remedies, s_signals);

        Assert.Null(condition.Error);
        Assert.Null(condition.Tiered);
        Assert.NotNull(condition.Evaluate);
    }

    [Fact]
    public void A_rule_set_in_steady_use_has_its_rules_call_the_compiled_delegates()
    {
        var json = """
            { "name": "tiers", "version": "1", "lexicons": { "refund": { "en": ["refund"] } },
              "rules": { "severity": [ { "id": "s.refund", "level": "serious", "when": "Has(\"refund\") && Length > 3" } ] } }
            """;
        var ruleSet = ComplaintRuleSet.Load(RuleSetSource.FromJson(json, $"tiers-{Guid.NewGuid():N}.rules.json"));
        var rule = Assert.Single(ruleSet.AllRules);
        Assert.IsType<TieredCondition>(rule.Condition.Target);
        var analyzer = new ComplaintAnalyzer(ruleSet);

        for (var i = 0; i < TieredCondition.CallsBeforeCompiling + 1; i++)
        {
            Assert.Equal(Severity.Serious, analyzer.Analyze(new Complaint { Id = "t", Text = "I want a refund now" }).Severity);
        }

        // The set compiles on a pool thread; wait for it (not a timing: the limit only stops a hung test).
        Assert.True(SpinWait.SpinUntil(() => rule.Condition.Target is not TieredCondition, TimeSpan.FromSeconds(60)));
        Assert.Equal(Severity.Serious, analyzer.Analyze(new Complaint { Id = "t", Text = "I want a refund now" }).Severity);
        Assert.Equal(Severity.Minor, analyzer.Analyze(new Complaint { Id = "t", Text = "Nothing to ask for" }).Severity);
    }

    private static void AssertSameAnswers(TieredCondition tiered, IReadOnlyList<ComplaintFacts> facts, string when)
    {
        var interpreted = facts.Select(f => Outcome(tiered.Interpreted, f)).ToList();
        tiered.Compile();
        var compiled = Assert.IsType<Func<ComplaintFacts, bool>>(tiered.Compiled);
        var expected = facts.Select(f => Outcome(compiled, f)).ToList();
        Assert.True(expected.SequenceEqual(interpreted), $"{when}: compiled [{string.Join(", ", expected)}], interpreted [{string.Join(", ", interpreted)}]");
    }

    private static string Outcome(Func<ComplaintFacts, bool> condition, ComplaintFacts facts)
    {
        try
        {
            return condition(facts) ? "true" : "false";
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private static IEnumerable<Complaint> SampleComplaints()
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf("samples/complaints.jsonl"));
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            yield return ComplaintJson.ParseComplaint(line);
        }
    }

    // The facts of a real analysis (signal counts, fields), with outcome scores of every kind set after it.
    private static ComplaintFacts Facts(ComplaintRuleSet ruleSet, Complaint complaint)
    {
        var random = new Random(complaint.Id.GetHashCode(StringComparison.Ordinal));
        var counts = new int[ruleSet.Extractor.Signals.Count * ComplaintFacts.CountsPerSignal];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = random.Next(4) == 0 ? random.Next(1, 4) : 0;
        }

        var language = FeatureExtractor.DetectLanguage(complaint.Text);
        return WithOutcomes(new ComplaintFacts(ruleSet.Extractor.Signals, complaint, language, complaint.Text.Length, counts), random);
    }

    private static List<ComplaintFacts> SyntheticFacts()
    {
        var random = new Random(7);
        var facts = new List<ComplaintFacts>();
        foreach (var prior in new[] { 0, 1, 2, 1_000_000 })
        {
            foreach (var amount in new decimal?[] { null, 100m, 250.5m, 99.99m })
            {
                var complaint = new Complaint
                {
                    Id = "f",
                    Text = new string('x', random.Next(1, 400)),
                    PriorComplaints = prior,
                    Amount = amount,
                    Channel = random.Next(2) == 0 ? "app" : "phone",
                    CustomerTags = random.Next(2) == 0 ? ["vip"] : null,
                    Attributes = random.Next(2) == 0 ? new Dictionary<string, string> { ["segment"] = "vip" } : null,
                };
                var counts = Enumerable.Range(0, s_signals.Count * ComplaintFacts.CountsPerSignal).Select(_ => random.Next(3)).ToArray();
                facts.Add(WithOutcomes(new ComplaintFacts(s_signals, complaint, "en", complaint.Text.Length, counts), random));
            }
        }

        return facts;
    }

    private static ComplaintFacts WithOutcomes(ComplaintFacts facts, Random random)
    {
        for (var i = 0; i < facts.CauseScores.Length; i++)
        {
            facts.CauseScores[i] = random.Next(3) * 0.25;
        }

        for (var i = 0; i < facts.ConflictScores.Length; i++)
        {
            facts.ConflictScores[i] = random.Next(3) * 0.25;
        }

        facts.PrimaryCause = random.Next(2) == 0 ? "venting" : "expectation";
        facts.Intensity = random.Next(-2, 6);
        facts.Severity = random.Next(2) == 0 ? "minor" : "serious";
        facts.SeverityLevel = random.Next(1, 4);
        facts.Conflict = random.Next(2) == 0 ? "money" : "other";
        return facts;
    }
}
