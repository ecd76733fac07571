using ComplaintRules.Features;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Properties;

/// <summary>The automaton finds exactly what searching for every phrase at every position finds.</summary>
public sealed class PhraseMatcherProperties
{
    /// <summary>Phrases (text, open-ended, lexicon) and a text over a small alphabet, so that phrases overlap and nest often
    /// ("n" and "'t" among its letters, so that contractions such as "an't" come up).</summary>
    public sealed record Lexicons((string Text, bool OpenEnd, int Family)[] Phrases, string Text)
    {
        public override string ToString() =>
            $"{System.Text.Json.JsonSerializer.Serialize(Text)} phrases [{string.Join(", ", Phrases.Select(p => $"{p.Family}:{p.Text}{(p.OpenEnd ? "*" : "")}"))}]";
    }

    public static class Generators
    {
        private static readonly string[] s_letters = ["a", "b", "n", "'t", "啊", "吧"];

        public static Arbitrary<Lexicons> Lexicons() =>
            (from phrases in Phrase().ArrayOf()
             from text in Gen.Elements([.. s_letters, " "]).ListOf().Select(string.Concat)
             select new Lexicons(phrases, string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)))).ToArbitrary();

        private static Gen<(string Text, bool OpenEnd, int Family)> Phrase() =>
            from letters in Gen.Elements(s_letters).NonEmptyListOf()
            from space in Gen.Choose(0, letters.Count)
            from openEnd in ArbMap.Default.GeneratorFor<bool>()
            from family in Gen.Choose(0, 3)
            let text = string.Concat(letters.Take(space)) + (space > 0 && space < letters.Count ? " " : "") + string.Concat(letters.Skip(space))
            select (text, openEnd, family);

        /// <summary>More characters than a state's child mask has bits (64), so that classes share bits.</summary>
        public static Arbitrary<Lexicons> WideLexicons()
        {
            // Characters that fold to themselves (丟 folds to 丢): the reference search below does not fold.
            var letters = Enumerable.Range(0x4E00, 200).Where(c => TextNormalizer.Fold((char)c) == c).Take(80).Select(c => ((char)c).ToString()).ToArray();
            var phrase = from chars in Gen.Elements(letters).NonEmptyListOf() from family in Gen.Choose(0, 3) select (string.Concat(chars.Take(3)), false, family);
            return (from phrases in phrase.ArrayOf()
                    from text in Gen.Elements(letters).ListOf().Select(string.Concat)
                    select new Lexicons(phrases, text)).ToArbitrary();
        }
    }

    private static class WideGenerators
    {
        public static Arbitrary<Lexicons> Lexicons() => Generators.WideLexicons();
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public void The_automaton_equals_a_search_at_every_position(Lexicons lexicons)
    {
        var matcher = PhraseMatcher.Build(lexicons.Phrases.Select(p => (p.OpenEnd ? p.Text + "*" : p.Text, p.Family)));
        var sink = new ListSink([]);

        matcher.Match(lexicons.Text, ref sink);

        Assert.Equal(Reference(lexicons), sink.Matches.Order());
    }

    [Property(Arbitrary = new[] { typeof(WideGenerators) }, MaxTest = 300)]
    public void Classes_that_share_a_mask_bit_find_the_same(Lexicons lexicons)
    {
        var matcher = PhraseMatcher.Build(lexicons.Phrases.Select(p => (p.Text, p.Family)));
        var sink = new ListSink([]);

        matcher.Match(lexicons.Text + lexicons.Text, ref sink);

        Assert.Equal(Reference(lexicons with { Text = lexicons.Text + lexicons.Text }), sink.Matches.Order());
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 300)]
    public void Few_dense_rows_find_the_same(Lexicons lexicons, PositiveInt rows)
    {
        var matcher = PhraseMatcher.Build(lexicons.Phrases.Select(p => (p.OpenEnd ? p.Text + "*" : p.Text, p.Family)), maxDenseRows: rows.Get % 8);
        var sink = new ListSink([]);

        matcher.Match(lexicons.Text, ref sink);

        Assert.Equal(Reference(lexicons), sink.Matches.Order());
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 300)]
    public void A_snapshot_reads_back_as_the_automaton_it_was_written_from(Lexicons lexicons)
    {
        var phrases = lexicons.Phrases.Select(p => (p.OpenEnd ? p.Text + "*" : p.Text, p.Family)).ToArray();
        var built = PhraseMatcher.Build(phrases);
        var read = PhraseMatcher.ReadSnapshot(built.WriteSnapshot(PhraseMatcher.Fingerprint(phrases)), PhraseMatcher.Fingerprint(phrases));
        var sink = new ListSink([]);

        Assert.NotNull(read);
        Assert.True(read.SameAs(built));
        read.Match(lexicons.Text, ref sink);
        Assert.Equal(Reference(lexicons), sink.Matches.Order());
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 300)]
    public void Two_chains_report_what_one_reports_in_the_same_order(Lexicons lexicons, PositiveInt extra)
    {
        var matcher = PhraseMatcher.Build(lexicons.Phrases.Select(p => (p.OpenEnd ? p.Text + "*" : p.Text, p.Family)));
        // Long enough for two chains (twice the longest phrase and more), the halves' seam anywhere.
        var text = lexicons.Text.Length == 0 ? "" : string.Concat(Enumerable.Repeat(lexicons.Text + " ", (((2 * matcher.MaxPatternLength) + 64 + (extra.Get % 50)) / (lexicons.Text.Length + 1)) + 1));
        var one = new ListSink([]);
        var two = new ListSink([]);

        matcher.Match(text, ref one);
        matcher.Match(text, ref two, twoChains: true);

        Assert.Equal(one.Matches, two.Matches);
    }

    // Every occurrence of every phrase with its word boundaries; "x" and "x*" are one phrase, open-ended.
    private static IEnumerable<(int Family, int Start, int Length)> Reference(Lexicons lexicons)
    {
        var text = lexicons.Text;
        var found = new HashSet<(int, int, int)>();
        foreach (var (phrase, _, family) in lexicons.Phrases)
        {
            var openEnd = lexicons.Phrases.Any(p => p.Text == phrase && p.OpenEnd);
            for (var start = text.IndexOf(phrase, StringComparison.Ordinal); start >= 0; start = text.IndexOf(phrase, start + 1, StringComparison.Ordinal))
            {
                var end = start + phrase.Length;
                var left = !char.IsAsciiLetter(phrase[0]) || start == 0 || !char.IsAsciiLetter(text[start - 1]);
                var right = openEnd || !char.IsAsciiLetter(phrase[^1]) || end == text.Length
                    || (!char.IsAsciiLetter(text[end]) && !(phrase[^1] == 'n' && text[end..].StartsWith("'t", StringComparison.Ordinal)));
                if (left && right)
                {
                    found.Add((family, start, phrase.Length));
                }

                if (start + 1 >= text.Length)
                {
                    break;
                }
            }
        }

        return found.Order();
    }

    private readonly struct ListSink(List<(int, int, int)> matches) : IPhraseSink
    {
        public List<(int Family, int Start, int Length)> Matches { get; } = matches;

        public void OnMatch(int family, int start, int length) => Matches.Add((family, start, length));
    }
}
