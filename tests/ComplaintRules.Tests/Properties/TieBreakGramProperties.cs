using ComplaintRules.Evaluation;

namespace ComplaintRules.Tests.Properties;

/// <summary>The grams of a text are read the same way when a tie-break is trained and when it is used.</summary>
public sealed class TieBreakGramProperties
{
    [FsCheck.Xunit.Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public void Every_gram_read_is_written_as_a_rule_file_holds_it_and_hashes_to_what_the_reader_looks_up(ComplaintText text)
    {
        foreach (var chinese in new[] { false, true })
        {
            var visitor = new Recorder([]);
            TieBreakGrams.Read(text.Value, chinese, ref visitor);
            var written = TieBreakGrams.Written(text.Value, chinese);

            Assert.Equal(visitor.Seen.Count, written.Count);
            for (var i = 0; i < written.Count; i++)
            {
                var (hash, start, end) = visitor.Seen[i];
                Assert.True(TieBreakGrams.IsWellFormed(written[i], chinese), $"'{written[i]}'");
                Assert.Equal(TieBreakGrams.Hash(written[i]), hash);
                Assert.InRange(start, 0, end - 1);
                Assert.InRange(end, 1, text.Value.Length);
                Assert.True(i == 0 || visitor.Seen[i - 1].End <= end, "in order of end");
            }
        }
    }

    [Theory]
    [InlineData("Refund me NOW!!", false, new[] { "refund", "me", "refund me", "now", "me now", "!!", "now !!" })]
    [InlineData("I’ve waited", false, new[] { "i've", "waited", "i've waited" })]
    [InlineData("退款 了！", true, new[] { "退款", "款了", "退款了", "了!", "款了!" })]
    [InlineData("說好的", true, new[] { "说好", "好的", "说好的" })]
    public void Grams_are_folded_words_and_characters(string text, bool chinese, string[] grams) =>
        Assert.Equal(grams, TieBreakGrams.Written(text, chinese));

    [Fact]
    public void Only_the_opening_of_a_long_text_is_read()
    {
        var text = new string('.', TieBreakGrams.MaxChars - 7) + " refund me now";

        Assert.Equal(["refund"], TieBreakGrams.Written(text, chinese: false));
    }

    private readonly struct Recorder(List<(ulong Hash, int Start, int End)> seen) : IGramVisitor
    {
        public List<(ulong Hash, int Start, int End)> Seen => seen;

        public void OnGram(ulong hash, int start, int end) => seen.Add((hash, start, end));
    }
}
