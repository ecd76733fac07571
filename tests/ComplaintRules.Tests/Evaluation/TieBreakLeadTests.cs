using ComplaintRules.Evaluation;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>The tie-break's <c>leads</c>, through leads.rules.json: a short complaint gets a cause the rules missed when its words lean to it.</summary>
public sealed class TieBreakLeadTests
{
    private static readonly Lazy<ComplaintRuleSet> s_rules = new(() => Load("leads.rules.json"));

    [Theory]
    [InlineData("It is broken again, seriously.", new[] { "again", "seriously" })] // 3 + 2 = 5, above 4
    [InlineData("又是坏了，服了", new[] { "又是", "服了" })]
    public void A_complaint_whose_words_lean_to_venting_by_more_than_the_lead_is_venting_too(string text, string[] grams)
    {
        var a = Analyze(text, s_rules.Value);

        Assert.Equal([RootCause.Expectation, RootCause.Venting], a.RootCauses.Select(c => c.Cause));
        Assert.Equal(RootCause.Expectation, a.PrimaryCause); // after the causes the rules found, at the threshold
        var venting = a.RootCauses[1];
        Assert.Equal(0.5, venting.Score);
        Assert.Equal(grams, venting.Evidence.Select(e => e.Text));
        Assert.All(venting.Evidence, e => Assert.Equal((TieBreak.RuleId, TieBreak.SignalName), (e.RuleId, e.Signal)));
        Assert.Contains(a.Trace, f => f.RuleId == TieBreak.RuleId);
        Assert.Equal(2, a.Intensity); // the decisions after it see venting (HasCause)
    }

    [Fact]
    public void Each_cause_with_a_lead_can_be_added()
    {
        var a = Analyze("A disgrace. You promised.", s_rules.Value); // the rules find venting; "promised" leads by 5

        Assert.Equal([RootCause.Venting, RootCause.Expectation], a.RootCauses.Select(c => c.Cause));
        Assert.Equal(["promised"], a.RootCauses[1].Evidence.Select(e => e.Text));
    }

    [Fact]
    public void Chinese_evidence_leaves_out_the_punctuation_a_gram_holds()
    {
        var a = Analyze("又是坏了，真是", s_rules.Value); // 3 + 4 + 4: ，真是 shows as 真是; 了， (one character without it) not at all

        Assert.Equal(["又是", "真是"], Assert.Single(a.RootCauses, c => c.Cause == RootCause.Venting).Evidence.Select(e => e.Text));
    }

    [Theory]
    [InlineData("It is broken again.")] // 3: not above 4
    [InlineData("It is broken again, seriously, I want a refund.")] // 5 - 2: the lead is over the other causes
    [InlineData("Kindly note it is broken again, seriously.")] // 5 - 3
    public void Words_that_lead_by_less_add_nothing(string text)
    {
        var a = Analyze(text, s_rules.Value);

        Assert.DoesNotContain(a.RootCauses, c => c.Cause == RootCause.Venting);
        Assert.DoesNotContain(a.Trace, f => f.RuleId == TieBreak.RuleId);
        Assert.Equal(0, a.Intensity);
    }

    [Fact]
    public void A_text_longer_than_a_post_is_not_read_for_it()
    {
        var text = "It is broken again, seriously. " + string.Join(" ", Enumerable.Repeat("The unit was delivered on time and set up.", 5));
        Assert.True(text.Length > TieBreak.LeadMaxLength);

        var a = Analyze(text, s_rules.Value);

        Assert.Equal(RootCause.Expectation, Assert.Single(a.RootCauses).Cause);
    }

    [Fact]
    public void A_text_with_no_cause_gets_none()
    {
        var a = Analyze("Again, seriously.", s_rules.Value);

        Assert.Empty(a.RootCauses);
    }

    [Fact]
    public void Venting_the_rules_found_is_left_as_it_is()
    {
        var a = Analyze("It is broken again, seriously. A disgrace.", s_rules.Value);

        var venting = Assert.Single(a.RootCauses, c => c.Cause == RootCause.Venting);
        Assert.Equal(0.7, venting.Score);
        Assert.DoesNotContain(venting.Evidence, e => e.Signal == TieBreak.SignalName);
    }

    [Theory]
    [InlineData("It is broken again, seriously.", "+5.00", true)]
    [InlineData("It is broken again, seriously, I want a refund.", "+3.00", false)]
    public void Explain_shows_each_lead_against_its_level(string text, string lead, bool fired)
    {
        var explanation = new ComplaintAnalyzer(s_rules.Value).Explain(new Complaint { Id = "c", Text = text });

        var tie = Assert.Single(explanation.Rules, r => r.RuleId == TieBreak.RuleId);
        Assert.Equal(fired, tie.Fired);
        Assert.Equal(["Lead(\"expectation\")=-5.00", "leads.expectation=4", $"Lead(\"venting\")={lead}", "leads.venting=4"],
            tie.Reads.Where(r => r.Name.Contains("ead", StringComparison.Ordinal)).Select(r => $"{r.Name}={r.Value}"));
    }

    [Fact]
    public void The_table_read_straight_off_the_file_adds_the_same()
    {
        var loaded = s_rules.Value.TieBreak!;
        var read = ComplaintRules.Rules.TieBreakReader.Read(File.ReadAllBytes(PathOf("leads.rules.json")));

        Assert.NotNull(read);
        Assert.Equal((4.0, 4.0, (double?)null), (read.LeadOf(RootCause.Expectation), read.LeadOf(RootCause.Venting), read.LeadOf(RootCause.RightsClaim)));
        Assert.Equal((loaded.LeadOf(RootCause.Venting), loaded.Weight, loaded.Scale), (read.LeadOf(RootCause.Venting), read.Weight, read.Scale));
        Assert.Equal(loaded.Grams.OrderBy(g => g.Hash), read.Grams.OrderBy(g => g.Hash));
    }

    [Fact]
    public void A_later_layer_with_no_leads_turns_them_off()
    {
        var rules = ComplaintRuleSet.Load(RuleSetSource.FromFile(PathOf("leads.rules.json")), RuleSetSource.FromJson("""{ "tieBreak": { "leads": {} } }"""));

        var a = Analyze("It is broken again, seriously.", rules);

        Assert.Equal(RootCause.Expectation, Assert.Single(a.RootCauses).Cause);
        Assert.False(rules.TieBreak!.HasLeads);
    }

    [Theory]
    [InlineData("""{ "tieBreak": { "leads": { "venting": 1001 } } }""", "$.tieBreak.leads.venting")]
    [InlineData("""{ "tieBreak": { "leads": { "venting": -1 } } }""", "$.tieBreak.leads.venting")]
    [InlineData("""{ "tieBreak": { "leads": { "anger": 7 } } }""", "$.tieBreak.leads.anger")]
    [InlineData("""{ "tieBreak": { "leads": { "none": 7 } } }""", "$.tieBreak.leads.none")]
    public void A_bad_lead_names_its_path_and_line(string json, string path)
    {
        var diagnostic = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json)));

        Assert.Equal((DiagnosticCodes.InvalidTieBreak, path, 1), (diagnostic.Code, diagnostic.Path, diagnostic.Line));
    }

    [Fact]
    public void The_fast_reader_refuses_a_lead_it_cannot_use()
    {
        Assert.Null(ComplaintRules.Rules.TieBreakReader.Read("""{ "tieBreak": { "leads": { "anger": 7 }, "en": { "again": [0, 0, 3] } } }"""u8));
        Assert.NotNull(ComplaintRules.Rules.TieBreakReader.Read("""{ "tieBreak": { "leads": { "venting": 7 }, "en": { "again": [0, 0, 3] } } }"""u8));
    }
}
