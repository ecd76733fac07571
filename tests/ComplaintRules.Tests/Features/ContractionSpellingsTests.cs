using ComplaintRules.Features;

namespace ComplaintRules.Tests.Features;

public class ContractionSpellingsTests
{
    [Theory]
    [InlineData("didn't arrive", "didnt arrive")]
    [InlineData("WON'T LET ME", "WONT LET ME")]
    [InlineData("isn’t working", "isnt working")]
    [InlineData("can't, won't", "cant, wont")]
    [InlineData("i'm done with", "im done with")]
    [InlineData("Where’s my parcel", "Wheres my parcel")]
    [InlineData("it's been a week", "its been a week")]
    [InlineData("you're joking, i've waited", "youre joking, ive waited")]
    public void A_contraction_also_has_its_spelling_without_the_apostrophe(string phrase, string expected) =>
        Assert.Equal(expected, ContractionSpellings.WithoutApostrophe(phrase));

    [Theory]
    [InlineData("we'll see")]   // "well" is another word
    [InlineData("we're told")]  // so is "were"
    [InlineData("i'll call")]   // and "ill"
    [InlineData("let's go")]    // and "lets"
    [InlineData("it's")]        // alone, "its" is the possessive
    [InlineData("the firm's fault")]
    [InlineData("not working")]
    [InlineData("说好的")]
    public void Other_phrases_have_no_second_spelling(string phrase) =>
        Assert.Null(ContractionSpellings.WithoutApostrophe(phrase));

    [Theory]
    [InlineData("@shop my parcel didnt arrive")]
    [InlineData("@shop the app isnt working again")]
    [InlineData("@bank my card wasnt accepted at the till")]
    [InlineData("@shop its been three weeks and no parcel")]
    public void The_default_rules_read_a_contraction_typed_without_its_apostrophe(string text) =>
        Assert.Equal(RootCause.Expectation, DefaultRules.DefaultRuleSetTests.Analyze(text).PrimaryCause);
}
