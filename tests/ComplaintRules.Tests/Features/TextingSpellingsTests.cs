using ComplaintRules.Features;

namespace ComplaintRules.Tests.Features;

public class TextingSpellingsTests
{
    [Fact]
    public void A_phrase_gets_every_mix_of_full_and_short_words() =>
        Assert.Equal(["can u please", "can you pls", "can u pls", "can you plz", "can u plz"], TextingSpellings.Variants("can you please"));

    [Theory]
    [InlineData("thank you for nothing", "thank u for nothing")]
    [InlineData("fix your app", "fix ur app")]
    [InlineData("You’re joking", "ur joking")]
    [InlineData("thanks for nothing", "thx for nothing")]
    [InlineData("never received", "never recieved")]
    [InlineData("no receipt", "no reciept")]
    public void A_full_word_also_has_its_short_form(string phrase, string expected) =>
        Assert.Contains(expected, TextingSpellings.Variants(phrase));

    [Theory]
    [InlineData("youth")]          // a word that starts like one
    [InlineData("you've")]         // no short form
    [InlineData("thankyou")]
    [InlineData("说好的")]
    public void Other_phrases_have_no_short_spelling(string phrase) =>
        Assert.Empty(TextingSpellings.Variants(phrase));

    [Fact]
    public void A_phrase_gets_a_bounded_number_of_spellings() =>
        Assert.Equal(8, TextingSpellings.Variants("please please please you your").Count);

    [Theory]
    [InlineData("thank u for nothing @airline, bag lost again")]
    [InlineData("@shop thx for nothing, still havent recieved my order!!!")]
    [InlineData("@shop thx for nothing, still no refund")]
    public void The_default_rules_read_short_forms_as_the_full_words(string text) =>
        Assert.Equal(RootCause.Venting, DefaultRules.DefaultRuleSetTests.Analyze(text).PrimaryCause);
}
