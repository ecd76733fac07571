using ComplaintRules.Features;

namespace ComplaintRules.Tests.Features;

public class ContractionSpellingsTests
{
    [Theory]
    [InlineData("didn't arrive", "didnt arrive")]
    [InlineData("WON'T LET ME", "WONT LET ME")]
    [InlineData("isn’t working", "isnt working")]
    [InlineData("can't, won't", "cant, wont")]
    public void A_negative_contraction_also_has_its_spelling_without_the_apostrophe(string phrase, string expected) =>
        Assert.Equal(expected, ContractionSpellings.WithoutApostrophe(phrase));

    [Theory]
    [InlineData("we'll see")]   // "well" is another word
    [InlineData("we're told")]  // so is "were"
    [InlineData("not working")]
    [InlineData("说好的")]
    public void Other_phrases_have_no_second_spelling(string phrase) =>
        Assert.Null(ContractionSpellings.WithoutApostrophe(phrase));

    [Theory]
    [InlineData("@shop my parcel didnt arrive")]
    [InlineData("@shop the app isnt working again")]
    [InlineData("@bank my card wasnt accepted at the till")]
    public void The_default_rules_read_a_contraction_typed_without_its_apostrophe(string text) =>
        Assert.Equal(RootCause.Expectation, DefaultRules.DefaultRuleSetTests.Analyze(text).PrimaryCause);
}
