using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Features;

/// <summary>Lexicons with <c>"hides": true</c>, through hides.rules.json: their phrases hide the words of other lexicons inside them.</summary>
public sealed class HidingLexiconTests
{
    private static readonly Lazy<ComplaintRuleSet> s_rules = new(() => Load("hides.rules.json"));

    [Theory]
    [InlineData("No problem at all, thanks.")]
    [InlineData("Not bad for the price.")]
    [InlineData("明天要出差，订了酒店。")]
    [InlineData("都没问题了，谢谢。")]
    public void A_word_inside_a_hiding_phrase_is_not_a_signal(string text) =>
        Assert.DoesNotContain(Analyze(text, s_rules.Value).RootCauses, c => c.Cause == RootCause.Expectation);

    [Theory]
    [InlineData("There is a problem with my order.", "problem")]
    [InlineData("No problem? The problem is still there.", "problem")]
    [InlineData("服务太差，出差住了一晚。", "差")]
    public void The_same_word_outside_a_hiding_phrase_still_counts(string text, string evidence)
    {
        var cause = Assert.Single(Analyze(text, s_rules.Value).RootCauses, c => c.Cause == RootCause.Expectation);
        Assert.All(cause.Evidence, e => Assert.Equal(evidence, e.Text));
        Assert.All(cause.Evidence, e => Assert.Equal(evidence, text.Substring(e.Start, e.Length)));
    }

    [Fact]
    public void Another_lexicon_listing_the_whole_expression_keeps_its_hit()
    {
        // "出差" is both a fixed expression (hiding) and a trip: the trip stays, only the shorter "差" is hidden.
        var causes = Analyze("明天要出差。", s_rules.Value).RootCauses;
        Assert.Equal([RootCause.Venting], causes.Select(c => c.Cause));
    }

    [Theory]
    [InlineData("They said no problem to refund me.")]
    [InlineData("客服说没问题马上退款。")]
    public void A_hidden_word_starts_no_proximity_pattern(string text) =>
        Assert.DoesNotContain(Analyze(text, s_rules.Value).RootCauses, c => c.Cause == RootCause.RightsClaim);

    [Theory]
    [InlineData("There was a problem so refund me.")]
    [InlineData("客服说有问题马上退款。")]
    public void The_same_word_outside_a_hiding_phrase_still_starts_one(string text) =>
        Assert.Contains(Analyze(text, s_rules.Value).RootCauses, c => c.Cause == RootCause.RightsClaim);
}
