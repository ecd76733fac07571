using ComplaintRules.Features;

namespace ComplaintRules.Tests.Features;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("ＲＥＦＵＮＤ！", "refund!")]
    [InlineData("I  WAS\r\n\ttold", "i was told")]
    [InlineData("  leading and trailing  ", "leading and trailing")]
    [InlineData("說好的退款", "说好的退款")]
    [InlineData("書是舊的，質量堪憂", "书是旧的,质量堪忧")]
    [InlineData("zero\u200Bwidth", "zero width")]
    [InlineData("「引号」。", "\"引号\".")]
    [InlineData("收咗錢又唔送貨冇人理", "收了钱又不送货没人理")]
    public void Folds_width_case_whitespace_traditional_and_cantonese_characters(string text, string expected) =>
        Assert.Equal(expected, Normalize(text).Text);

    [Fact]
    public void Folding_a_folded_character_changes_nothing()
    {
        // The traditional table resolves its chains (A to B, B to C is A to C): one lookup folds fully, so phrases
        // and text folded once agree.
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var folded = TextNormalizer.Fold(c);
            Assert.Equal(folded, TextNormalizer.Fold(folded));
        }
    }

    [Fact]
    public void Every_output_character_maps_back_to_its_offset_in_the_input()
    {
        var (output, map) = Normalize("A\t\tB Ｃ");

        Assert.Equal("a b c", output);
        Assert.Equal([0, 2, 3, 4, 5], map);
    }

    [Fact]
    public void Lone_surrogates_and_control_characters_pass_through_safely()
    {
        var (output, map) = Normalize("a\uD800b\u0001c\uDC00");

        Assert.Equal("a\uD800b c\uDC00", output);
        Assert.Equal(output.Length, map.Length);
    }

    private static (string Text, int[] Map) Normalize(string text)
    {
        var output = new char[text.Length];
        var map = new int[text.Length];
        var n = TextNormalizer.Normalize(text, output, map);
        return (new string(output, 0, n), map[..n]);
    }
}
