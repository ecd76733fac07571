using System.Buffers;

namespace ComplaintRules.Features;

internal sealed partial class FeatureExtractor
{
    /// <summary>
    /// Drops the hits of other lexicons that lie inside a longer hit of a hiding lexicon ("no problem" hides
    /// "problem", "出差" hides "差"): the words of a fixed expression are not signals of their own. A hit with the same
    /// span as the hiding phrase (another lexicon listing the whole expression) stays.
    /// </summary>
    /// <remarks>
    /// Linear: per position, the farthest end of a hiding hit that starts there and of one that starts before it
    /// (a prefix maximum). Nothing is allocated unless a hiding lexicon matched.
    /// </remarks>
    private void HideCoveredHits(int textLength, SignalHitList hits, int first)
    {
        if (!_signals.AnyHides || !HasHidingHit(hits, first))
        {
            return;
        }

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
                if (_signals.Hides[hit.Signal])
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
                var hidden = !_signals.Hides[hit.Signal] && (before[hit.Start] >= end || at[hit.Start] > end);
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

    private bool HasHidingHit(SignalHitList hits, int first)
    {
        for (var i = first; i < hits.Count; i++)
        {
            if (_signals.Hides[hits[i].Signal])
            {
                return true;
            }
        }

        return false;
    }
}
