using ComplaintRules.Testing;

namespace ComplaintRules.Testing.Tests.Scoring;

/// <summary>Phrase mining on synthetic files where the separating phrase is known.</summary>
public class PhraseSuggesterTests
{
    private static readonly string[] s_filler = ["the app", "my account", "last week", "the branch", "online", "this morning", "the card", "my order"];

    // Every price complaint names an "overdraft fee"; nothing else does. The filler is spread evenly over both.
    private static IReadOnlyList<LabelledComplaint> English() => Lines(Enumerable.Range(0, 60).Select(i => i % 3 == 0
        ? $$$"""{"id": "{{{i}}}", "language": "en", "text": "Another overdraft fee on {{{s_filler[i % 8]}}} again", "expect": {"conflictType": "price"}}"""
        : $$$"""{"id": "{{{i}}}", "language": "en", "text": "Nobody answered about {{{s_filler[i % 8]}}} again", "expect": {"conflictType": "service_quality"}}"""));

    private static IReadOnlyList<LabelledComplaint> Lines(IEnumerable<string> lines) =>
        LabelledComplaintFile.Read(new StringReader(string.Join('\n', lines))).Complaints;

    [Fact]
    public void The_phrase_that_separates_the_label_comes_first_with_held_out_precision_one()
    {
        var suggestions = new PhraseSuggester([]).Suggest(English(), "conflictType=price", new SuggestOptions { Top = 5 });

        var best = suggestions[0];
        Assert.Equal("another overdraft fee", best.Phrase);   // the closed form: "overdraft", "fee"… always occur inside it
        Assert.Equal(20, best.Support);                      // every price complaint, each measured once, held out
        Assert.Equal(1, best.Precision);
        Assert.Equal(3, best.Lift, 6);                       // the label's share is 1/3
        Assert.DoesNotContain(suggestions, s => s.Phrase.Contains("again", StringComparison.Ordinal) && s.Precision < 1);
    }

    [Fact]
    public void Chinese_is_mined_in_character_n_grams_and_overlaps_with_current_lexicons_are_named()
    {
        var rows = Lines(Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? $$$"""{"id": "{{{i}}}", "text": "这个月又被收了年费，第{{{i}}}次", "expect": {"primaryCause": "expectation"}}"""
            : $$$"""{"id": "{{{i}}}", "text": "你们太过分了，第{{{i}}}次", "expect": {"primaryCause": "venting"}}"""));
        var layer = RuleSetSource.FromJson("""{"lexicons": {"fees": {"zh": ["年费", "手续费"]}}}""");

        var suggestions = new PhraseSuggester([layer]).Suggest(rows, "primaryCause=venting", new SuggestOptions { Language = "zh" });

        var best = suggestions[0];
        Assert.Equal(4, best.Phrase.Length);                               // character n-grams go up to 4
        Assert.Contains(best.Phrase, "你们太过分了", StringComparison.Ordinal);
        Assert.Equal(1, best.Precision);
        Assert.Empty(new PhraseSuggester([layer]).Suggest(rows, "primaryCause=venting", new SuggestOptions { Language = "en" }));
        var fees = new PhraseSuggester([layer]).Suggest(rows, "primaryCause=expectation");
        Assert.Contains(fees, s => s.Overlaps.Contains("fees:年费"));
    }

    [Fact]
    public void The_lexicon_layer_validates_over_the_default_rule_set()
    {
        var suggestions = new PhraseSuggester([RuleSetSource.Default]).Suggest(English(), "conflictType=price");

        var layer = PhraseSuggester.ToLexiconLayer(suggestions, "suggested_price", "Review before use.");

        Assert.Empty(ComplaintRuleSet.Validate(RuleSetSource.Default, RuleSetSource.FromJson(layer)));
        Assert.Contains("another overdraft fee", layer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("price")]
    [InlineData("conflictType=fees")]
    [InlineData("mood=bad")]
    [InlineData("causes.anger=true")]
    public void A_bad_label_is_refused(string label)
    {
        Assert.Throws<FormatException>(() => new PhraseSuggester([]).Suggest(English(), label));
    }
}
