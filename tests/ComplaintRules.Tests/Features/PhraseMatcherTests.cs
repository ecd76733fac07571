using ComplaintRules.Features;

namespace ComplaintRules.Tests.Features;

public class PhraseMatcherTests
{
    [Fact]
    public void Finds_every_phrase_including_overlapping_ones_in_one_pass()
    {
        var matcher = PhraseMatcher.Build([("not", 0), ("not asking for", 1), ("asking", 2)]);

        var matches = Match(matcher, "i am not asking for money");

        Assert.Equal([(0, 5, 3), (2, 9, 6), (1, 5, 14)], matches);
    }

    [Fact]
    public void Latin_phrases_match_whole_words_only()
    {
        var matcher = PhraseMatcher.Build([("fee", 0)]);

        Assert.Empty(Match(matcher, "coffee"));
        Assert.Empty(Match(matcher, "fees"));
        Assert.Single(Match(matcher, "the fee."));
    }

    [Fact]
    public void A_word_does_not_end_inside_a_negative_contraction()
    {
        var matcher = PhraseMatcher.Build([("won", 0), ("can", 1), ("it", 2)]);

        Assert.Equal([(2, 0, 2)], Match(matcher, "it won't load and i can't log in"));
        Assert.Equal([(0, 3, 3)], Match(matcher, "we won'"));
        Assert.Equal([(2, 0, 2)], Match(matcher, "it's fine"));       // other contractions still end a word
        Assert.Equal([(1, 0, 3), (0, 8, 3)], Match(matcher, "can ya, won"));
    }

    [Fact]
    public void A_trailing_star_lifts_the_boundary_at_the_end()
    {
        var matcher = PhraseMatcher.Build([("refund*", 0)]);

        Assert.Equal([(0, 0, 6), (0, 12, 6)], Match(matcher, "refunds and refunded"));
        Assert.Empty(Match(matcher, "unrefunded"));
    }

    [Fact]
    public void Chinese_phrases_match_anywhere()
    {
        var matcher = PhraseMatcher.Build([("不满", 0), ("不", 1)]);

        Assert.Equal([(1, 2, 1), (0, 2, 2)], Match(matcher, "我很不满"));
    }

    [Fact]
    public void The_same_phrase_in_two_lexicons_reports_both()
    {
        var matcher = PhraseMatcher.Build([("refund", 0), ("refund", 3), ("refund*", 3)]);

        Assert.Equal([(0, 0, 6), (3, 0, 6)], Match(matcher, "refund"));
        Assert.Equal([(0, 0, 6), (3, 0, 6)], Match(matcher, "refunds")); // the open form wins for both
    }

    [Fact]
    public void Phrases_are_normalised_like_the_text()
    {
        var matcher = PhraseMatcher.Build([("I  Was Told", 0), ("說好的", 1)]);

        Assert.Single(Match(matcher, "i was told"));
        Assert.Single(Match(matcher, "说好的"));
    }

    [Theory]
    [InlineData("The app charged me twice for one order, and after three weeks of emails nobody has refunded it. I was told a manager would call me back within 48 hours but no one ever did, so I want the duplicate fee returned and an apology.")]
    [InlineData("说好的七天内退款，到现在三个星期了钱还没到账。银行没有任何提醒就扣了我两百元手续费！！！客服一直说在处理，但是没有任何结果，我要求退还费用并给出书面说明。")]
    [InlineData("Refunds, refunded, REFUND won't can't don't — it's not fair!!! 不退款就投诉 refund* fees fee's coffee. The fee was never explained; the refund never came; I can't log in and won't wait.")]
    public void Two_chains_find_what_one_finds_with_the_default_lexicons(string sentence)
    {
        var matcher = ComplaintRuleSet.Default.Extractor.Matcher;
        foreach (var repeat in new[] { 1, 2, 5, 20 })
        {
            var text = TextNormalizer.NormalizePhrase(string.Join(" ", Enumerable.Repeat(sentence, repeat)));
            var one = new ListSink([]);
            var two = new ListSink([]);

            matcher.Match(text.AsSpan(), ref one);
            matcher.Match(text.AsSpan(), ref two, twoChains: true);

            Assert.NotEmpty(one.Matches);
            Assert.Equal(one.Matches, two.Matches);
        }
    }

    private static List<(int Family, int Start, int Length)> Match(PhraseMatcher matcher, string text)
    {
        var sink = new ListSink([]);
        matcher.Match(text.AsSpan(), ref sink);
        return sink.Matches;
    }

    private readonly struct ListSink(List<(int, int, int)> matches) : IPhraseSink
    {
        public List<(int Family, int Start, int Length)> Matches { get; } = matches;

        public void OnMatch(int family, int start, int length) => Matches.Add((family, start, length));
    }
}
