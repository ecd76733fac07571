using ComplaintRules.Features;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Features;

/// <summary>A <c>reply_start</c> lexicon: the firm's reply printed below a review is not the customer's text.</summary>
public class ReplyStartTests
{
    private static readonly ComplaintRuleSet s_rules = ComplaintRuleSet.Load(RuleSetSource.FromJson("""
        {
          "name": "reply-start",
          "lexicons": {
            "reply_start": { "evidence": false, "negatable": false, "en": ["response from the owner"], "zh": ["宾馆反馈"] },
            "fault": { "en": ["cold", "late"], "zh": ["太吵", "晚了"] },
            "thanks": { "en": ["thank you"], "zh": ["感谢"] }
          },
          "rules": { "causes": [
            { "id": "c.fault", "when": "Has(\"fault\") && !Has(\"thanks\")", "cause": "expectation", "weight": 0.6 },
            { "id": "c.ends_on_fault", "when": "Closing(\"fault\") > 0", "cause": "venting", "weight": 0.7 },
            { "id": "c.short", "when": "Has(\"fault\") && Length < 30", "cause": "rights_claim", "weight": 0.5 }
          ] }
        }
        """));

    private static readonly ComplaintAnalyzer s_analyzer = new(s_rules);

    [Fact]
    public void The_firms_thanks_below_a_review_are_not_the_customers()
    {
        var assessment = s_analyzer.Analyze(new Complaint { Id = "r", Text = "房间太吵，一晚没睡好。宾馆反馈：谢谢您的入住和建议，已转告工程部检修空调。" });

        Assert.Contains(assessment.RootCauses, c => c.Cause == RootCause.Expectation);
        Assert.Equal(RootCause.Venting, assessment.PrimaryCause); // the customer's own last sentence, not the reply's, closes the text
    }

    [Fact]
    public void Length_ends_where_the_reply_starts()
    {
        var text = "The soup was cold. Response from the owner: thank you for your feedback, we have spoken to the kitchen team about it.";
        var facts = Extract(text);

        Assert.Equal(text.IndexOf("Response", StringComparison.Ordinal), facts.Length);
        Assert.Equal(1, facts.Count("fault"));
        Assert.Equal(0, facts.Count("thanks"));
        Assert.Equal(0, facts.Count("reply_start"));
        Assert.Contains(s_analyzer.Analyze(new Complaint { Id = "e", Text = text }).RootCauses, c => c.Cause == RootCause.RightsClaim);
    }

    [Fact]
    public void Without_a_header_the_whole_text_is_read()
    {
        var facts = Extract("Thank you, but the soup was cold.");

        Assert.Equal(33, facts.Length);
        Assert.Equal(1, facts.Count("thanks"));
    }

    [Property(Arbitrary = new[] { typeof(Texts) }, MaxTest = 300)]
    public void No_hit_counts_from_the_first_header_on(string text)
    {
        var facts = Extract(text);
        var header = text.IndexOf("response from the owner", StringComparison.OrdinalIgnoreCase);

        Assert.Equal(header < 0 ? text.Length : header, facts.Length);
        Assert.Equal(Extract(text[..facts.Length]).Count("fault"), facts.Count("fault"));
        Assert.Equal(0, facts.Count("reply_start"));
    }

    private static ComplaintFacts Extract(string text)
    {
        using var hits = new SignalHitList(16, 4096);
        return s_rules.Extractor.Extract(new Complaint { Id = "f", Text = text }, text, "en", hits);
    }

    public static class Texts
    {
        public static Arbitrary<string> Strings() =>
            Gen.Elements("cold", "late", "thank you", "response from the owner", "Response from the Owner", ".", "!", "not", "a")
                .ArrayOf()
                .Select(parts => string.Join(' ', parts)) // words apart, as the header is matched at word boundaries
                .ToArbitrary();
    }
}
