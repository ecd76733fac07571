using ComplaintRules.Features;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Properties;

/// <summary>The proximity sweep finds exactly what comparing every pair of hits finds.</summary>
public sealed class NearPatternProperties
{
    /// <summary>A text of words, CJK characters and breaks, and two hit lists on it, sorted by (end, start) as the matcher gives them.</summary>
    public sealed record HitLists(string Text, (int Start, int End)[] Firsts, (int Start, int End)[] Thens, int Within)
    {
        public override string ToString() =>
            $"{System.Text.Json.JsonSerializer.Serialize(Text)} first [{string.Join(", ", Firsts)}] then [{string.Join(", ", Thens)}] within {Within}";
    }

    public static class Generators
    {
        private static readonly string[] s_pieces = ["ab", "cd", "x", " ", " ", " ", "无", "法", ",", ".", "?", ":", "!", "、", "refund", "1", "2"];

        public static Arbitrary<HitLists> HitLists() =>
            (from pieces in Gen.Elements(s_pieces).ListOf()
             let text = string.Concat(pieces)
             from firsts in Spans(text.Length)
             from thens in Spans(text.Length)
             from within in Gen.Choose(0, 4)
             select new HitLists(text, firsts, thens, within)).ToArbitrary();

        private static Gen<(int Start, int End)[]> Spans(int length) =>
            length == 0
                ? Gen.Constant(Array.Empty<(int Start, int End)>())
                : (from start in Gen.Choose(0, length - 1)
                   from size in Gen.Choose(1, Math.Min(6, length - start))
                   select (Start: start, End: start + size)).ListOf().Select(spans => spans.Distinct().OrderBy(s => s.End).ThenBy(s => s.Start).ToArray());
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public void A_gap_holds_a_break_exactly_when_a_search_of_all_of_it_finds_one(HitLists lists)
    {
        var text = lists.Text;
        for (var from = 0; from <= text.Length; from += 3)
        {
            for (var to = from; to <= text.Length && to - from <= 80; to++)
            {
                var gap = text.AsSpan(from, to - from);
                Assert.Equal(gap.IndexOfAny(ProximityMatcher.ClauseBreaks.Values) >= 0, ProximityMatcher.ClauseBreaks.Any(gap));
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public void The_sweep_equals_the_pairwise_reference(HitLists lists)
    {
        foreach (var scope in Enum.GetValues<NearScope>())
        {
            var arena = new SpanArena(16);
            try
            {
                foreach (var (s, e) in lists.Firsts.Concat(lists.Thens))
                {
                    arena.Reserve(arena.Count + 1);
                    arena.Append(new TextSpan(s, e));
                }

                var (start, length) = ProximityMatcher.Sweep(lists.Text, 0, lists.Firsts.Length, lists.Firsts.Length, lists.Thens.Length, lists.Within, scope, ref arena);

                Assert.Equal(Reference(lists, scope), arena.Slice(start, length).ToArray().Select(s => (s.Start, s.End)));
            }
            finally
            {
                arena.Dispose();
            }
        }
    }

    // For every then hit, every first hit that ends at or before it: the nearest (latest end), the longest of those;
    // kept when close enough. O(n²), obviously right.
    private static (int Start, int End)[] Reference(HitLists lists, NearScope scope)
    {
        var found = new List<(int Start, int End)>();
        foreach (var t in lists.Thens)
        {
            (int Start, int End)? best = null;
            foreach (var f in lists.Firsts)
            {
                if (f.End <= t.Start && (best is null || f.End > best.Value.End || (f.End == best.Value.End && f.Start < best.Value.Start)))
                {
                    best = f;
                }
            }

            if (best is { } b && IsClose(lists.Text, b.End, t.Start, lists.Within, scope))
            {
                found.Add((b.Start, t.End));
            }
        }

        return [.. found.OrderBy(s => s.End).ThenBy(s => s.Start)];
    }

    // The gap rule, written out plainly: no break of the scope (a clause: , . ; : ! ?; a sentence: . ; ! ?; the text:
    // none; the point, comma or colon between two digits is none), at most `within` words, a CJK character being a word.
    private static bool IsClose(string text, int from, int to, int within, NearScope scope)
    {
        var gap = text[from..to];
        char[] breaks = scope switch { NearScope.Clause => [',', '.', ';', ':', '!', '?'], NearScope.Sentence => ['.', ';', '!', '?'], _ => [] };
        for (var k = from; k < to; k++)
        {
            var inNumber = text[k] is '.' or ',' or ':' && k > 0 && k + 1 < text.Length && char.IsAsciiDigit(text[k - 1]) && char.IsAsciiDigit(text[k + 1]);
            if (breaks.Contains(text[k]) && !inNumber)
            {
                return false;
            }
        }

        if (from > 0 && char.IsAsciiLetterOrDigit(text[from - 1]))
        {
            gap = new string(gap.SkipWhile(char.IsAsciiLetterOrDigit).ToArray());
        }

        var words = 0;
        var previous = ' ';
        foreach (var c in gap)
        {
            var cjk = c >= '\u2E80';
            if (cjk || (c != ' ' && (previous == ' ' || previous >= '\u2E80')))
            {
                words++;
            }

            previous = c;
        }

        return words <= within;
    }
}
