using System.Buffers;

namespace ComplaintRules.Features;

// Negation: which signal occurrences a cue ("not", "没有") turns around.
internal sealed partial class FeatureExtractor
{
    // A negation cue ("not", "不是") negates a negatable signal that follows it closely in the same clause. A cue
    // inside a longer phrase ("不满" = dissatisfied) is part of that phrase, not a cue; the same words matched by
    // another lexicon (a building block that lists "no" too) leave it a cue. A text holds a few cues: each is
    // compared with the hits directly. Many cues (hostile text) take the linear way with prefix arrays. A hit that holds
    // a cue of its own ("does not work", 还不上) is a negative of its own: a cue with words between them belongs to
    // something else (没钱还不上 cannot repay, "not mine and I didn't know"), so only a cue right before it negates it
    // (不是不讲理, 一点没有不耐烦).
    private void ResolveNegation(ReadOnlySpan<char> text, SignalHitList hits, int first, int phraseEnd)
    {
        var cue = _signals.NegationIndex;
        if (cue < 0)
        {
            return;
        }

        Span<int> freeEnds = stackalloc int[FewCues]; // ends of the cues inside no other phrase, ascending
        Span<CueSpan> all = stackalloc CueSpan[FewCues]; // every cue, free or not, in order of end
        var cues = 0;
        var free = 0;
        for (var i = first; i < hits.Count; i++)
        {
            var h = hits[i];
            if (h.Signal != cue)
            {
                continue;
            }

            cues++;
            var end = h.Start + h.Length;
            if (cues > FewCues)
            {
                break; // the linear way reads every cue itself
            }

            all[cues - 1] = new CueSpan(h.Start, end);
            if (IsFreeCue(hits, first, phraseEnd, _matcher.MaxPatternLength, cue, h.Start, end))
            {
                var j = free++;
                while (j > 0 && freeEnds[j - 1] > end)
                {
                    freeEnds[j] = freeEnds[j - 1];
                    j--;
                }

                freeEnds[j] = end;
            }
        }

        if (cues == 0)
        {
            return;
        }

        if (cues > FewCues)
        {
            ResolveNegationLinear(text, hits, first, cue);
        }
        else if (free > 0)
        {
            Negate(text, hits, first, phraseEnd, cue, freeEnds[..free], all[..cues]);
        }
    }

    private const int FewCues = 16;

    // Free unless a longer non-cue hit covers it: starts at or before its start, ends at or after its end, and is not
    // the same span (the same words in another lexicon). Among the phrase hits, in order of end, only those ending
    // from its end to its start plus the longest phrase can; the pattern hits after them are few, and all are read.
    private static bool IsFreeCue(SignalHitList hits, int first, int phraseEnd, int maxLength, int cue, int start, int end)
    {
        var items = hits.Items;
        int lo = first, hi = phraseEnd;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (items[mid].Start + items[mid].Length < end)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < phraseEnd && items[i].Start + items[i].Length <= start + maxLength; i++)
        {
            if (Covers(items[i], cue, start, end))
            {
                return false;
            }
        }

        foreach (ref readonly var h in items[phraseEnd..])
        {
            if (Covers(h, cue, start, end))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Covers(in SignalHit h, int cue, int start, int end)
    {
        var hEnd = h.Start + h.Length;
        return h.Signal != cue && h.Start <= start && hEnd >= end && (h.Start < start || hEnd > end);
    }

    private void Negate(ReadOnlySpan<char> text, SignalHitList hits, int first, int phraseEnd, int cue, ReadOnlySpan<int> freeEnds,
        ReadOnlySpan<CueSpan> cues)
    {
        if (Negate(text, hits, first, phraseEnd, cue, _signals.Negatable, _matcher.MaxPatternLength, freeEnds, cues))
        {
            RemoveNegatedDemand(hits, first); // negated occurrences in the demand text do not count at all
        }
    }

    /// <summary>
    /// Negates each hit from <paramref name="first"/> on that <see cref="NegateHit"/> negates; whether a demand's hit
    /// was. A cue reaches at most <see cref="LatinNegationChars"/> past its end, so among the phrase hits, [first,
    /// <paramref name="phraseEnd"/>) in order of end, only those ending after a cue and at most that reach and the
    /// longest phrase past it are read; the pattern hits after them are few, and all are read.
    /// </summary>
    internal static bool Negate(ReadOnlySpan<char> text, SignalHitList hits, int first, int phraseEnd, int cue, bool[] negatable,
        int maxPhraseLength, ReadOnlySpan<int> freeEnds, ReadOnlySpan<CueSpan> cues)
    {
        var negatedDemand = false;
        var reach = LatinNegationChars + maxPhraseLength;
        var i = first;
        foreach (var cueEnd in freeEnds)
        {
            i = Math.Max(i, first + FirstEndingAfter(hits.Items[first..phraseEnd], cueEnd));
            for (; i < phraseEnd && hits[i].Start + hits[i].Length <= cueEnd + reach; i++)
            {
                negatedDemand |= NegateHit(text, ref hits[i], cue, negatable, freeEnds, cues);
            }
        }

        for (i = phraseEnd; i < hits.Count; i++)
        {
            negatedDemand |= NegateHit(text, ref hits[i], cue, negatable, freeEnds, cues);
        }

        return negatedDemand;
    }

    /// <summary>
    /// A negatable hit is negated by the latest free cue ending at or before its start (<paramref name="freeEnds"/>:
    /// their ends, ascending), when close enough and, if the hit holds one of <paramref name="cues"/> (every cue's span),
    /// right before it; whether it was a demand's hit, negated.
    /// </summary>
    internal static bool NegateHit(ReadOnlySpan<char> text, ref SignalHit hit, int cue, bool[] negatable, ReadOnlySpan<int> freeEnds,
        ReadOnlySpan<CueSpan> cues)
    {
        if (hit.Signal == cue || !negatable[hit.Signal] || hit.Start < freeEnds[0])
        {
            return false;
        }

        var k = freeEnds.Length - 1;
        while (freeEnds[k] > hit.Start)
        {
            k--;
        }

        if (!IsWithinNegationReach(text, freeEnds[k], hit.Start, HoldsCue(hit, cues)))
        {
            return false;
        }

        var demand = hit.Kind == HitKind.Demand;
        hit = hit with { Kind = demand ? HitKind.NegatedDemand : HitKind.Negated };
        return demand;
    }

    private static bool HoldsCue(in SignalHit hit, ReadOnlySpan<CueSpan> cues)
    {
        foreach (var c in cues)
        {
            if (c.Start >= hit.Start && c.End <= hit.Start + hit.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a negation cue occurs.</summary>
    internal readonly record struct CueSpan(int Start, int End);

    private void ResolveNegationLinear(ReadOnlySpan<char> text, SignalHitList hits, int first, int cue)
    {
        var n = text.Length;
        var startAt = ArrayPool<int>.Shared.Rent(n + 2);
        var minStart = ArrayPool<int>.Shared.Rent(n + 2);
        var lastCueEnd = ArrayPool<int>.Shared.Rent(n + 2);
        var cueEndFrom = ArrayPool<int>.Shared.Rent(n + 2);
        try
        {
            // startAt[p]: smallest start of a non-cue hit that ends exactly at p; minStart[p]: ... at or after p.
            startAt.AsSpan(0, n + 2).Fill(int.MaxValue);
            lastCueEnd.AsSpan(0, n + 2).Fill(-1);
            for (var i = first; i < hits.Count; i++)
            {
                var h = hits[i];
                if (h.Signal != cue)
                {
                    var end = h.Start + h.Length;
                    startAt[end] = Math.Min(startAt[end], h.Start);
                }
            }

            // cueEndFrom[p]: smallest end of a cue, free or not, that starts at or after p (is a cue inside a hit).
            cueEndFrom.AsSpan(0, n + 2).Fill(int.MaxValue);
            for (var i = first; i < hits.Count; i++)
            {
                var h = hits[i];
                if (h.Signal == cue)
                {
                    cueEndFrom[h.Start] = Math.Min(cueEndFrom[h.Start], h.Start + h.Length);
                }
            }

            for (var p = n - 1; p >= 0; p--)
            {
                cueEndFrom[p] = Math.Min(cueEndFrom[p], cueEndFrom[p + 1]);
            }

            minStart[n + 1] = int.MaxValue;
            for (var p = n; p >= 0; p--)
            {
                minStart[p] = Math.Min(startAt[p], minStart[p + 1]);
            }

            // lastCueEnd[p]: end of the latest free cue that ends at or before p. A cue is covered by a hit that
            // starts at or before it and ends after it, or ends with it and starts before it.
            for (var i = first; i < hits.Count; i++)
            {
                var h = hits[i];
                var end = h.Start + h.Length;
                if (h.Signal == cue && minStart[end + 1] > h.Start && startAt[end] >= h.Start)
                {
                    lastCueEnd[end] = end;
                }
            }

            for (var p = 1; p <= n; p++)
            {
                lastCueEnd[p] = Math.Max(lastCueEnd[p], lastCueEnd[p - 1]);
            }

            for (var i = first; i < hits.Count; i++)
            {
                ref var hit = ref hits[i];
                if (hit.Signal == cue || !_signals.Negatable[hit.Signal])
                {
                    continue;
                }

                var cueEnd = lastCueEnd[hit.Start];
                if (cueEnd >= 0 && IsWithinNegationReach(text, cueEnd, hit.Start, holdsCue: cueEndFrom[hit.Start] <= hit.Start + hit.Length))
                {
                    hit = hit with { Kind = hit.Kind == HitKind.Demand ? HitKind.NegatedDemand : HitKind.Negated };
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(startAt);
            ArrayPool<int>.Shared.Return(minStart);
            ArrayPool<int>.Shared.Return(lastCueEnd);
            ArrayPool<int>.Shared.Return(cueEndFrom);
        }

        RemoveNegatedDemand(hits, first);
    }

    // A cue joined to the next word by a hyphen makes one word with it ("no-show", "no-fee"): it negates that word
    // and nothing after it (a "no-show fee" is still a fee). A hit that holds a cue of its own is reached only from
    // right before it (see ResolveNegation).
    private static bool IsWithinNegationReach(ReadOnlySpan<char> text, int from, int to, bool holdsCue)
    {
        var gap = text[from..to];
        if ((gap.Length > 1 && gap[0] == '-') || (holdsCue && !gap.IsWhiteSpace()))
        {
            return false;
        }

        var cjk = to < text.Length && !char.IsAscii(text[to]);
        if (gap.Length > (cjk ? CjkNegationChars : LatinNegationChars) || ProximityMatcher.ClauseBreaks.AnyIn(text, from, to))
        {
            return false;
        }

        if (cjk)
        {
            return true;
        }

        var words = 0;
        var inWord = false;
        foreach (var c in gap)
        {
            var wordChar = c != ' ';
            if (wordChar && !inWord)
            {
                words++;
            }

            inWord = wordChar;
        }

        return words <= LatinNegationWords;
    }

    private static void RemoveNegatedDemand(SignalHitList hits, int first)
    {
        var kept = first;
        for (var i = first; i < hits.Count; i++)
        {
            if (hits[i].Kind != HitKind.NegatedDemand)
            {
                hits[kept++] = hits[i];
            }
        }

        hits.Truncate(kept);
    }
}
