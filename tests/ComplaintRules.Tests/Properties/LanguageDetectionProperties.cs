using ComplaintRules.Features;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Properties;

/// <summary>Language detection stops counting early only when the rest of the text could not change its answer.</summary>
public sealed class LanguageDetectionProperties
{
    public static class Generators
    {
        private static readonly string[] s_pieces = ["退款", "我", "㐀", "refund ", "a", "THE ", "12", "！", ",", " ", "é", "ｂ"];

        // A head and a tail of their own mixes (a Chinese start and an English end, or the reverse), near the balance
        // of four letters to a Han character, some longer than the 4,000 characters read.
        public static Arbitrary<string> Texts() =>
            (from head in Part()
             from tail in Part()
             select head + tail).ToArbitrary();

        private static Gen<string> Part() =>
            from pieces in Gen.Elements(s_pieces).ListOf()
            from repeat in Gen.Choose(1, 60)
            select string.Concat(Enumerable.Repeat(string.Concat(pieces), repeat));
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public void Detection_equals_counting_every_character_read(string text)
    {
        var sample = text.Length > 4000 ? text[..4000] : text;
        var han = sample.Count(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF');
        var latin = sample.Count(char.IsAsciiLetter);

        Assert.Equal(han > 0 && han * 4 >= latin ? "zh" : "en", FeatureExtractor.DetectLanguage(text));
    }
}
