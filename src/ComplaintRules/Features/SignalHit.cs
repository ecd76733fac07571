using System.Buffers;
using System.Runtime.CompilerServices;

namespace ComplaintRules.Features;

/// <summary>Where a signal occurs. Offsets are in the original text (or demand text), in UTF-16 code units.</summary>
/// <param name="Signal">The signal's index in the <see cref="SignalTable"/>.</param>
/// <param name="Start">Offset of the occurrence.</param>
/// <param name="Length">Its length.</param>
/// <param name="Kind">How it counts.</param>
/// <param name="FromPattern">Whether a proximity pattern found it (rather than a phrase or a marker).</param>
internal readonly record struct SignalHit(int Signal, int Start, int Length, HitKind Kind, bool FromPattern = false);

/// <summary>How an occurrence counts.</summary>
internal enum HitKind : byte
{
    /// <summary>In the complaint text, not negated.</summary>
    Affirmed = 0,
    /// <summary>In the complaint text, under a negation cue.</summary>
    Negated = 1,
    /// <summary>In the customer's demand text, not negated.</summary>
    Demand = 2,
    /// <summary>In the customer's demand text, negated: dropped before counting.</summary>
    NegatedDemand = 3,
}

/// <summary>A growable list of hits in pooled memory, capped so that hostile text cannot grow it without bound.</summary>
internal sealed class SignalHitList : IDisposable
{
    // Allocated per complaint, so kept at five words: the links' facts live in their array, and the overflow flag in
    // the limit's sign bit.
    private SignalHit[] _items;
    private int[]? _links; // see CountAndLink: [0] the count linked, [1] the signals, [2] the text's end, [3] the demand's, then the links
    private int _limit;

    public SignalHitList(int capacity, int limit)
    {
        _items = ArrayPool<SignalHit>.Shared.Rent(Math.Max(16, Math.Min(capacity, limit)));
        _limit = limit;
    }

    public int Count { get; private set; }

    public int Limit => _limit & int.MaxValue;

    /// <summary>Whether hits were dropped because the list reached <see cref="Limit"/>.</summary>
    public bool Overflowed => _limit < 0;

    public ReadOnlySpan<SignalHit> Items => _items.AsSpan(0, Count);

    /// <summary>The hits from <paramref name="first"/> on, to rewrite in place (held in a local, not reloaded after each store).</summary>
    public Span<SignalHit> From(int first) => _items.AsSpan(first, Count - first);

    public ref SignalHit this[int index] => ref _items[index];

    public void Add(SignalHit hit)
    {
        var (items, count) = (_items, Count);
        if ((uint)count < (uint)items.Length)
        {
            items[count] = hit;
            Count = count + 1;
            return;
        }

        AddGrowing(hit);
    }

    // Kept out of line: inlined into the matcher's loop (a hit per phrase found), the pool's code crowded out the
    // loop's own inlining and registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddGrowing(SignalHit hit)
    {
        if (Count >= Limit)
        {
            _limit |= int.MinValue; // overflowed
            return;
        }

        var larger = ArrayPool<SignalHit>.Shared.Rent(Math.Min(Limit, Count * 2));
        _items.AsSpan(0, Count).CopyTo(larger);
        ArrayPool<SignalHit>.Shared.Return(_items);
        _items = larger;
        _items[Count++] = hit;
    }

    public void Truncate(int count) => Count = Math.Min(Count, count);

    /// <summary>Keeps only the hits that start before <paramref name="end"/>, in their order.</summary>
    public void KeepBefore(int end)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (_items[i].Start < end)
            {
                _items[kept++] = _items[i];
            }
        }

        Count = kept;
    }

    /// <summary>
    /// Counts the finished list's hits per signal and kind into <paramref name="counts"/> (<paramref name="perSignal"/>
    /// a signal) and, in the same pass, links the hits that are not negated per signal for the evidence index
    /// (<see cref="TryGetLinks"/>), until the list changes.
    /// </summary>
    public void CountAndLink(int signals, Span<int> counts, int perSignal, int closingStart)
    {
        ReturnLinks();
        var rented = ArrayPool<int>.Shared.Rent(LinksAt + signals + Count);
        var (textEnd, demandEnd) = Link(Items, signals, rented.AsSpan(LinksAt, signals + Count), counts, perSignal, closingStart);
        (rented[0], rented[1], rented[2], rented[3]) = (Count, signals, textEnd, demandEnd);
        _links = rented;
    }

    /// <summary>
    /// Links the hits that are not negated per signal into <paramref name="links"/> (laid out as
    /// <see cref="TryGetLinks"/> gives them) and returns the farthest ends in text and demand; counts every hit per signal
    /// and kind into <paramref name="counts"/> too, unless it is empty, and the affirmed hits from
    /// <paramref name="closingStart"/> on once more, in the fourth slot (the closing part's).
    /// </summary>
    internal static (int TextEnd, int DemandEnd) Link(ReadOnlySpan<SignalHit> all, int signals, Span<int> links, Span<int> counts, int perSignal, int closingStart = int.MaxValue)
    {
        links[..signals].Clear();
        var counting = !counts.IsEmpty;
        int textEnd = 0, demandEnd = 0;
        for (var i = all.Length - 1; i >= 0; i--) // from the back: each signal's hits end up linked in order
        {
            ref readonly var hit = ref all[i];
            if (counting)
            {
                counts[(hit.Signal * perSignal) + (int)hit.Kind]++;
                if (hit.Kind == HitKind.Affirmed && hit.Start >= closingStart)
                {
                    counts[(hit.Signal * perSignal) + ClosingSlot]++;
                }
            }

            if (hit.Kind is HitKind.Demand or HitKind.NegatedDemand)
            {
                demandEnd = Math.Max(demandEnd, hit.Start + hit.Length);
            }
            else
            {
                textEnd = Math.Max(textEnd, hit.Start + hit.Length);
            }

            if (hit.Kind != HitKind.Negated)
            {
                links[signals + i] = links[hit.Signal];
                links[hit.Signal] = i + 1;
            }
        }

        return (textEnd, demandEnd);
    }

    private const int ClosingSlot = 3; // ComplaintFacts.Closing

    private const int LinksAt = 4; // after the count linked, the signals, and the ends of text and demand

    /// <summary>
    /// The links of <see cref="CountAndLink"/> while the list is as it was: [s] the first hit of signal s that is not
    /// negated, plus 1 (0: none); [signals + i] the next such hit of the same signal after hit i, plus 1. Also the
    /// farthest end of a hit in the text and in the demand.
    /// </summary>
    public bool TryGetLinks(int signals, out ReadOnlySpan<int> links, out int textEnd, out int demandEnd)
    {
        var valid = _links is { } all && all[0] == Count && all[1] == signals;
        links = valid ? _links.AsSpan(LinksAt, signals + Count) : default;
        (textEnd, demandEnd) = valid ? (_links![2], _links[3]) : (0, 0);
        return valid;
    }

    public void Dispose()
    {
        ReturnLinks();
        ArrayPool<SignalHit>.Shared.Return(_items);
        _items = [];
        Count = 0;
    }

    private void ReturnLinks()
    {
        if (_links is not null)
        {
            ArrayPool<int>.Shared.Return(_links);
            _links = null;
        }
    }
}
