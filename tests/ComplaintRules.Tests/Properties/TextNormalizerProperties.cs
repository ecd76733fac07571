using ComplaintRules.Features;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Properties;

/// <summary>What the extractor relies on when it skips mapping offsets back: normalising never adds a character.</summary>
public sealed class TextNormalizerProperties
{
    public static class Generators
    {
        private static readonly string[] s_pieces = ["a", "B", "退款", "說", " ", "  ", "\t", "\n", "\u3000", "\u200B", "\u0000", "！", "Ａ", "x y", "\uD83D\uDE21"];

        public static Arbitrary<string> Texts() => Gen.Elements(s_pieces).ListOf().Select(string.Concat).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public void The_normalised_text_is_never_longer_and_of_the_same_length_maps_each_character_to_itself(string text)
    {
        var output = new char[text.Length];
        var map = new int[text.Length];

        var n = TextNormalizer.Normalize(text, output, map);

        Assert.True(n <= text.Length);
        if (n == text.Length)
        {
            Assert.Equal(Enumerable.Range(0, n), map);
        }
    }
}
