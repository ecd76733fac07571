using System.Buffers;
using System.Runtime.CompilerServices;

namespace ComplaintRules.Features;

internal sealed partial class FeatureExtractor
{
    /// <summary>
    /// Drops the hits of other lexicons that lie inside a longer hit of a hiding lexicon ("no problem" hides
    /// "problem", "出差" hides "差"): the words of a fixed expression are not signals of their own. A hit with the same
    /// span as the hiding phrase (another lexicon listing the whole expression) stays.
    /// </summary>
    /// <remarks>
    /// A text holds a few hiding hits: each hit is compared with them directly. Many (hostile text) take the linear
    /// way with prefix arrays. Nothing is allocated unless many hiding hits matched.
    /// </remarks>
    private void HideCoveredHits(int textLength, SignalHitList hits, int first, int sorted)
    {
        if (_signals.AnyHides)
        {
            HideCoveredHits(_signals.Hides, textLength, hits, first, sorted);
        }
    }

    /// <summary>
    /// The hiding pass for the hits from <paramref name="first"/> on, given which signals hide; the first
    /// <paramref name="sorted"/> of them (the phrase hits) come in order of end, the rest (pattern hits) in any order.
    /// </summary>
    internal static void HideCoveredHits(bool[] hides, int textLength, SignalHitList hits, int first, int sorted)
    {
        var items = hits.From(first);
        Span<int> hidingStart = stackalloc int[FewHidingHits];
        Span<int> hidingEnd = stackalloc int[FewHidingHits];
        var hiding = 0;
        foreach (ref readonly var hit in items)
        {
            if (hides[hit.Signal] && hiding++ < FewHidingHits)
            {
                (hidingStart[hiding - 1], hidingEnd[hiding - 1]) = (hit.Start, hit.Start + hit.Length);
            }
        }

        if (hiding == 0)
        {
            return;
        }

        if (hiding > FewHidingHits)
        {
            HideCoveredHitsLinear(hides, textLength, hits, first);
            return;
        }

        // Only a hit within the hull of the hiding spans can be hidden: among the phrase hits, those ending after its
        // start and up to its end, found by a binary search; then every pattern hit. Nothing moves before the first
        // hidden hit.
        var hull = new TextSpan(int.MaxValue, int.MinValue);
        for (var k = 0; k < hiding; k++)
        {
            hull = new TextSpan(Math.Min(hull.Start, hidingStart[k]), Math.Max(hull.End, hidingEnd[k]));
        }

        var from = FirstEndingAfter(items[..sorted], hull.Start);
        var to = from;
        while (to < sorted && items[to].Start + items[to].Length <= hull.End)
        {
            to++;
        }

        var kept = KeepUnhidden(items, from, to, from, hides, hull, hidingStart[..hiding], hidingEnd[..hiding]);
        if (kept != to)
        {
            items[to..sorted].CopyTo(items[kept..]); // past the hull's end: none hidden
        }

        kept += sorted - to;
        kept = KeepUnhidden(items, sorted, items.Length, kept, hides, hull, hidingStart[..hiding], hidingEnd[..hiding]);
        hits.Truncate(first + kept);
    }

    // Moves the hits of [from, to) that no hiding hit hides down to kept on; returns where the next goes.
    private static int KeepUnhidden(Span<SignalHit> items, int from, int to, int kept, bool[] hides, TextSpan hull,
        ReadOnlySpan<int> hidingStart, ReadOnlySpan<int> hidingEnd)
    {
        for (var i = from; i < to; i++)
        {
            var hit = items[i];
            var hidden = hit.Start >= hull.Start && hit.Start + hit.Length <= hull.End && !hides[hit.Signal]
                && IsHidden(hit.Start, hit.Start + hit.Length, hit.FromPattern, hidingStart, hidingEnd);
            if (!hidden)
            {
                if (kept != i)
                {
                    items[kept] = hit;
                }

                kept++;
            }
        }

        return kept;
    }

    // The first hit, in order of end, that ends after position p.
    private static int FirstEndingAfter(ReadOnlySpan<SignalHit> hits, int p)
    {
        int lo = 0, hi = hits.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (hits[mid].Start + hits[mid].Length <= p)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private const int FewHidingHits = 8;

    // Inside a hiding span and not the same span: it starts before and ends no later, or starts with it and ends earlier.
    // A pattern's hit is hidden by the same span too: a pattern lists no expression, it only happened on the words of one
    // ("took just 20 minutes" is a wait's words, and a quick job).
    private static bool IsHidden(int start, int end, bool fromPattern, ReadOnlySpan<int> hidingStart, ReadOnlySpan<int> hidingEnd)
    {
        for (var k = 0; k < hidingStart.Length; k++)
        {
            if ((hidingStart[k] < start && hidingEnd[k] >= end) || (hidingStart[k] == start && (hidingEnd[k] > end || fromPattern && hidingEnd[k] == end)))
            {
                return true;
            }
        }

        return false;
    }

    // Linear: per position, the farthest end of a hiding hit that starts there and of one that starts before it (a prefix maximum).
    internal static void HideCoveredHitsLinear(bool[] hides, int textLength, SignalHitList hits, int first)
    {
        var size = textLength + 1;
        var rented = ArrayPool<int>.Shared.Rent(2 * size);
        try
        {
            var at = rented.AsSpan(0, size);       // farthest end of a hiding hit starting at p
            var before = rented.AsSpan(size, size); // farthest end of a hiding hit starting before p
            at.Clear();
            for (var i = first; i < hits.Count; i++)
            {
                var hit = hits[i];
                if (hides[hit.Signal])
                {
                    at[hit.Start] = Math.Max(at[hit.Start], hit.Start + hit.Length);
                }
            }

            before[0] = 0;
            for (var p = 1; p < size; p++)
            {
                before[p] = Math.Max(before[p - 1], at[p - 1]);
            }

            var kept = first;
            for (var i = first; i < hits.Count; i++)
            {
                var hit = hits[i];
                var end = hit.Start + hit.Length;
                var hidden = !hides[hit.Signal] && (before[hit.Start] >= end || at[hit.Start] > end || hit.FromPattern && at[hit.Start] == end);
                if (!hidden)
                {
                    hits[kept++] = hit;
                }
            }

            hits.Truncate(kept);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Counts one occurrence once where a lexicon lists overlapping phrases ("过分" in "太过分", "太过分" and "过分了" in
    /// "太过分了", "not owe" in "do not owe"): of the overlapping hits of one lexicon only the one that ends last stays.
    /// </summary>
    /// <remarks>
    /// The automaton reports hits in order of their end. Walking back from the last, every hit already seen ends at or
    /// after the current one: the current one overlaps a later hit of its lexicon when the smallest start seen for
    /// that lexicon at a later end lies before its end. Of the hits of one lexicon that end together, only the one
    /// that starts first (the first listed among equals) can stay. Per lexicon, one entry holds the end last seen, the
    /// hit kept so far at that end, the smallest start there and the smallest start at later ends; a lexicon's entry
    /// counts from its first hit on, so only the ends are cleared. Linear in the hits, one step each.
    /// </remarks>
    private void DropNestedPhraseHits(SignalHitList hits, int first) => DropNestedPhraseHits(_signals.Count, hits, first);

    /// <summary>The pass above for the hits from <paramref name="first"/> on (in order of end), of signals below <paramref name="signals"/>.</summary>
    [SkipLocalsInit] // its buffers are filled right after or read only once written: zeroing them first would be twice the work
    internal static void DropNestedPhraseHits(int signals, SignalHitList hits, int first)
    {
        var items = hits.From(first);
        if (items.Length < 2)
        {
            return;
        }

        // Small buffers on the stack (8 KB at most): the default rule set has some 260 signals, a complaint a few hundred hits.
        int[]? rentedLexicons = null;
        bool[]? rentedDropped = null;
        var lexicons = signals <= 512 ? stackalloc int[4 * signals] : (rentedLexicons = ArrayPool<int>.Shared.Rent(4 * signals)).AsSpan(0, 4 * signals);
        var dropped = items.Length <= 1024 ? stackalloc bool[items.Length] : (rentedDropped = ArrayPool<bool>.Shared.Rent(items.Length)).AsSpan(0, items.Length);
        var lastEnd = lexicons[..signals];          // the end last seen, 0 before the lexicon's first hit
        var kept = lexicons.Slice(signals, signals); // the hit kept so far at that end
        var startThere = lexicons.Slice(2 * signals, signals);
        var startLater = lexicons.Slice(3 * signals, signals);
        lastEnd.Clear();
        var any = false;
        for (var i = items.Length - 1; i >= 0; i--)
        {
            var (signal, start) = (items[i].Signal, items[i].Start);
            var end = start + items[i].Length;
            if (lastEnd[signal] != end)
            {
                // The lexicon's first hit at this end: the starts at its last end now lie at a later one.
                startLater[signal] = lastEnd[signal] == 0 ? int.MaxValue : Math.Min(startLater[signal], startThere[signal]);
                (lastEnd[signal], kept[signal], startThere[signal]) = (end, i, start);
                dropped[i] = startLater[signal] < end; // a hit of the lexicon ending later starts before this one ends
                any |= dropped[i];
                continue;
            }

            // Another hit of the lexicon at this end: the one that starts first stays, the first listed among equals.
            any = true;
            startThere[signal] = Math.Min(startThere[signal], start);
            var other = kept[signal];
            if (start <= items[other].Start)
            {
                dropped[other] = true;
                kept[signal] = i;
                dropped[i] = startLater[signal] < end;
            }
            else
            {
                dropped[i] = true;
            }
        }

        if (any)
        {
            var count = 0;
            for (var k = 0; k < items.Length; k++)
            {
                if (!dropped[k])
                {
                    items[count++] = items[k];
                }
            }

            hits.Truncate(first + count);
        }

        if (rentedLexicons is not null)
        {
            ArrayPool<int>.Shared.Return(rentedLexicons);
        }

        if (rentedDropped is not null)
        {
            ArrayPool<bool>.Shared.Return(rentedDropped);
        }
    }
}
