using ComplaintRules.Features;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Features;

/// <summary><c>Closing("x")</c>: the occurrences of a signal in the text's last sentence, where a message gives its verdict.</summary>
public class ClosingSentenceTests
{
    [Theory]
    [InlineData("Will order again.", 0)]
    [InlineData("They forgot the sauce. Will order again.", 22)]
    [InlineData("They forgot the sauce! Will order again 👍👍", 22)]
    [InlineData("送晚了。不过师傅态度很好，点赞！！", 4)]
    [InlineData("Refund me the £4.50 please", 0)]               // a point between digits ends no sentence
    [InlineData("Full story: https://t.co/abc", 0)]             // nor one inside a link
    [InlineData("Line one\nline two", 9)]
    [InlineData("", 0)]
    [InlineData("?!", 0)]
    [InlineData("榴莲千层yyds！！！#甜品#", 0)]                        // tags at the end go with the closing marks
    [InlineData("Parcel came a day early! #happy @Courier", 0)]
    [InlineData("It broke again. Not happy #fail https://t.co/x", 15)]
    [InlineData("Mail me at a@b.com. Thanks", 19)]                 // an address is no tag
    [InlineData("Late again. Sorry! @a @b @c @d @e @f @g @h @i", 18)] // at most eight tags go: the ninth from the end stays
    public void The_closing_sentence_starts_after_the_last_sentence_end(string text, int start) =>
        Assert.Equal(start, FeatureExtractor.ClosingSentenceStart(text));

    [Fact]
    public void Closing_counts_only_the_last_sentences_affirmed_occurrences()
    {
        var facts = Extract("I want a refund. The fee was wrong. Refund the fee, not a refund of nothing.");

        Assert.Equal(2, facts.Count("refund"));
        Assert.Equal(1, facts.Closing("refund"));   // "Refund"; "not a refund" is negated
        Assert.Equal(1, facts.Closing("fees"));
    }

    [Fact]
    public void A_rule_can_read_the_closing_sentence()
    {
        var rules = ComplaintRuleSet.Load(RuleSetSource.FromJson("""
            {
              "name": "closing",
              "lexicons": { "fault": { "en": ["cold"] }, "glad": { "en": ["order again"] } },
              "rules": { "causes": [
                { "id": "c.fault", "when": "Has(\"fault\") && Closing(\"glad\") == 0", "cause": "expectation", "weight": 0.6 }
              ] }
            }
            """));
        var analyzer = new ComplaintAnalyzer(rules);

        Assert.Equal(RootCause.Expectation, analyzer.Analyze(new Complaint { Id = "a", Text = "Will order again. But the food was cold." }).PrimaryCause);
        Assert.Equal(RootCause.None, analyzer.Analyze(new Complaint { Id = "b", Text = "The food was cold. Will order again." }).PrimaryCause);
    }

    [Fact]
    public void A_closing_turn_lexicon_moves_the_closing_part_after_its_last_phrase_in_the_last_sentence()
    {
        var rules = ComplaintRuleSet.Load(RuleSetSource.FromJson("""
            {
              "name": "closing-turn",
              "lexicons": {
                "closing_turn": { "en": ["but"], "zh": ["不过"] },
                "fault": { "en": ["late"], "zh": ["晚了"] },
                "glad": { "en": ["order again"], "zh": ["还点"] }
              },
              "rules": { "causes": [
                { "id": "c.fault", "when": "Has(\"fault\") && Closing(\"glad\") == 0", "cause": "expectation", "weight": 0.6 },
                { "id": "c.ends_on_fault", "when": "Closing(\"fault\") > 0", "cause": "venting", "weight": 0.7 }
              ] }
            }
            """));
        var analyzer = new ComplaintAnalyzer(rules);
        RootCause PrimaryOf(string text) => analyzer.Analyze(new Complaint { Id = "t", Text = text }).PrimaryCause;

        Assert.Equal(RootCause.None, PrimaryOf("It came late, but it was hot and I will order again."));
        Assert.Equal(RootCause.None, PrimaryOf("晚了十分钟，不过菜是热的，下次还点。"));
        Assert.Equal(RootCause.Venting, PrimaryOf("I will order again, but not if it is this late."));       // the fault closes it
        Assert.Equal(RootCause.Expectation, PrimaryOf("But it was late. The rest was fine."));                  // a turn in an earlier sentence moves nothing
    }

    [Property(Arbitrary = new[] { typeof(Texts) }, MaxTest = 300)]
    public void The_closing_sentence_counts_no_more_than_the_whole_text(string text)
    {
        var facts = Extract(text);

        foreach (var signal in new[] { "refund", "fees", SignalTable.ExclamationMark })
        {
            Assert.InRange(facts.Closing(signal), 0, facts.Count(signal));
        }
    }

    private static ComplaintFacts Extract(string text)
    {
        using var hits = new SignalHitList(16, 4096);
        return TestRuleFiles.Basic.Extractor.Extract(new Complaint { Id = "f", Text = text }, text, "en", hits);
    }

    public static class Texts
    {
        public static Arbitrary<string> Strings() =>
            Gen.Elements("refund", "fee", "not", " ", ".", "!", "?", "4.5", "。", "\n", "👍", "a")
                .ArrayOf()
                .Select(parts => string.Concat(parts))
                .ToArbitrary();
    }
}
