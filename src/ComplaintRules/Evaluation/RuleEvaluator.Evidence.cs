using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules.Evaluation;

// Evidence: which spans of the text support a finding.
internal static partial class RuleEvaluator
{
    /// <summary>
    /// The hits of each signal, linked in list order, so a rule's evidence is found without scanning every hit; a bit
    /// per position of text and demand, for the positions one finding's regions cover; and a bit per signal, for the
    /// signals one finding has read. Negated hits are left out: they are never evidence.
    /// </summary>
    private sealed class HitIndex : IDisposable
    {
        private readonly SignalHitList _hits;
        private readonly int[]? _ownLinks; // when the list's own (SignalHitList.CountAndLink) are out of date
        private readonly int _signals;
        private readonly ulong[] _covered; // the covered positions, then the signals read
        private readonly int _coveredWords;
        private readonly int _findingWords;
        private readonly int _demandBase; // the demand's first bit

        public HitIndex(SignalHitList hits, int signalCount)
        {
            _hits = hits;
            _signals = signalCount;
            if (!hits.TryGetLinks(signalCount, out _, out var textEnd, out var demandEnd))
            {
                _ownLinks = ArrayPool<int>.Shared.Rent(signalCount + hits.Count);
                (textEnd, demandEnd) = SignalHitList.Link(hits.Items, signalCount, _ownLinks.AsSpan(0, signalCount + hits.Count), counts: default, perSignal: 0);
            }

            _demandBase = (textEnd + 63) & ~63;
            _coveredWords = (_demandBase + demandEnd + 63) >> 6;
            _findingWords = _coveredWords + ((signalCount + 63) >> 6);
            _covered = ArrayPool<ulong>.Shared.Rent(Math.Max(1, _findingWords));
        }

        public ReadOnlySpan<SignalHit> Hits => _hits.Items;

        /// <summary>
        /// [s]: the first hit of signal s, plus 1 (0: none); [<see cref="SignalCount"/> + i]: the next hit of the same
        /// signal after hit i, plus 1. The evidence loop reads these through locals: a field would be read again
        /// after every store into the bits.
        /// </summary>
        public ReadOnlySpan<int> Links =>
            _ownLinks is not null ? _ownLinks.AsSpan(0, _signals + _hits.Count) : _hits.TryGetLinks(_signals, out var links, out _, out _) ? links : throw new InvalidOperationException();

        public int SignalCount => _signals;

        /// <summary>The bit of the demand's first position.</summary>
        public int DemandBase => _demandBase;

        /// <summary>A bit per position of text and demand: those the finding's regions cover.</summary>
        public Span<ulong> Covered => _covered.AsSpan(0, _coveredWords);

        /// <summary>A bit per signal: those the finding has read (several rules often read the same).</summary>
        public Span<ulong> Read => _covered.AsSpan(_coveredWords, _findingWords - _coveredWords);

        /// <summary>Forgets the covered positions and the signals read: a new finding starts.</summary>
        public void ClearFinding() => _covered.AsSpan(0, _findingWords).Clear();

        /// <summary>
        /// Whether any bit of [from, to) was set; the bits are set after unless <paramref name="onlyIfCovered"/> and
        /// none was.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per occurrence read
        public static bool CoverAndTest(Span<ulong> bits, int from, int to, bool onlyIfCovered)
        {
            var w = from >> 6;
            if (w == (to - 1) >> 6)
            {
                // Within one word, as nearly every span is.
                var mask = (ulong.MaxValue >> (64 - (to - from))) << (from & 63);
                ref var word = ref bits[w];
                var covered = (word & mask) != 0;
                if (covered || !onlyIfCovered)
                {
                    word |= mask;
                }

                return covered;
            }

            var any = false;
            for (var v = w; v <= (to - 1) >> 6 && !any; v++)
            {
                any = (bits[v] & Mask(v, from, to)) != 0;
            }

            if (any || !onlyIfCovered)
            {
                for (var v = w; v <= (to - 1) >> 6; v++)
                {
                    bits[v] |= Mask(v, from, to);
                }
            }

            return any;
        }

        // The bits of word w within [from, to).
        private static ulong Mask(int w, int from, int to)
        {
            var low = from > w << 6 ? from & 63 : 0;
            var high = to - 1 < (w << 6) + 63 ? (to - 1) & 63 : 63;
            return (ulong.MaxValue << low) & (ulong.MaxValue >> (63 - high));
        }

        public void Dispose()
        {
            if (_ownLinks is not null)
            {
                ArrayPool<int>.Shared.Return(_ownLinks);
            }

            ArrayPool<ulong>.Shared.Return(_covered);
        }
    }

    /// <summary>
    /// The evidence of one finding: the spans of the signals its rules read, maximal and non-overlapping. Where spans
    /// overlap ("太过分" and "过分", "！！" and each "！") one span covers them all, named after its longest part.
    /// </summary>
    /// <remarks>
    /// At most <see cref="MaxEvidencePerFinding"/> regions, the first found in rule order; each later occurrence is
    /// compared with those few only, so the cost stays linear in the occurrences, without sorting them.
    /// </remarks>
    private readonly struct EvidenceContext(HitIndex index, EvidenceSource source)
    {
        public EvidenceSource Source => source;

        // The buffers here, the loops in a method of their own: a method with stackalloc and loops is compiled fully
        // optimised at once, without the profile that tiering would give it.
        [SkipLocalsInit] // the regions and keys are written before they are read: no need to zero them per finding
        public IReadOnlyList<Evidence> For(List<Fired> fired, int key) =>
            For(fired, key, stackalloc Region[MaxEvidencePerFinding], stackalloc ulong[MaxEvidencePerFinding]);

        private IReadOnlyList<Evidence> For(List<Fired> fired, int key, Span<Region> regions, Span<ulong> order)
        {
            var count = 0;
            int low = int.MaxValue, high = int.MinValue; // covers every region: once full, an occurrence outside is dropped at once
            index.ClearFinding();
            var hits = index.Hits;
            var links = index.Links;
            var covered = index.Covered;
            var read = index.Read;
            var (signals, demandBase) = (index.SignalCount, index.DemandBase);
            foreach (ref readonly var firing in CollectionsMarshal.AsSpan(fired))
            {
                if (firing.Key != key)
                {
                    continue;
                }

                foreach (var signal in firing.SignalsRead)
                {
                    ref var readWord = ref read[signal >> 6];
                    if ((readWord & (1UL << signal)) != 0)
                    {
                        continue;
                    }

                    readWord |= 1UL << signal;
                    for (var h = links[signal] - 1; h >= 0; h = links[signals + h] - 1)
                    {
                        ref readonly var hit = ref hits[h];
                        var end = hit.Start + hit.Length;
                        if (count == regions.Length && (hit.Start >= high || end <= low))
                        {
                            continue;
                        }

                        // The regions cover exactly the spans added so far: a span that touches none of their
                        // positions overlaps no region, and is a region of its own while there is room.
                        var inDemand = hit.Kind == HitKind.Demand;
                        var at = inDemand ? demandBase : 0;
                        if (!HitIndex.CoverAndTest(covered, at + hit.Start, at + end, onlyIfCovered: count == regions.Length))
                        {
                            if (count < regions.Length)
                            {
                                regions[count++] = new Region(hit.Start, end, inDemand, signal, firing.Trace, hit.Length);
                            }
                        }
                        else
                        {
                            count = Add(regions, count, new Region(hit.Start, end, inDemand, signal, firing.Trace, hit.Length));
                        }

                        low = Math.Min(low, hit.Start);
                        high = Math.Max(high, end);
                    }
                }
            }

            if (count == 0)
            {
                return System.Collections.ObjectModel.ReadOnlyCollection<Evidence>.Empty;
            }

            // In order of field and start (regions never overlap, so no two tie): the keys sort, the regions stay put.
            for (var i = 0; i < count; i++)
            {
                order[i] = ((regions[i].InDemand ? 1UL : 0UL) << 40) | ((ulong)(uint)regions[i].Start << 8) | (uint)i;
            }

            InsertionSort(order[..count]);
            var packed = new int[count * EvidenceList.Stride];
            for (var i = 0; i < count; i++)
            {
                ref readonly var region = ref regions[(int)(order[i] & 0xFF)];
                var at = i * EvidenceList.Stride;
                packed[at] = region.Start;
                packed[at + 1] = region.End - region.Start;
                packed[at + 2] = EvidenceList.Pack(region.Signal, region.InDemand);
                packed[at + 3] = region.Rule;
            }

            return new EvidenceList(source, packed);
        }

        // Merges an occurrence into the regions it overlaps (their union overlaps no other region), or adds it while there is room.
        private static int Add(Span<Region> regions, int count, in Region hit)
        {
            var first = 0;
            while (first < count && !Overlaps(regions[first], hit))
            {
                first++;
            }

            if (first < count && regions[first].Start <= hit.Start && hit.End <= regions[first].End && regions[first].PartLength >= hit.PartLength)
            {
                return count; // inside a region that a longer part already names
            }

            if (first == count)
            {
                if (count == regions.Length)
                {
                    return count; // no room for a region of its own
                }

                regions[count] = hit;
                return count + 1;
            }

            var merged = hit;
            var kept = first;
            for (var i = first; i < count; i++)
            {
                ref readonly var region = ref regions[i];
                if (!Overlaps(region, hit))
                {
                    regions[kept++] = region;
                    continue;
                }

                // The longest part names the region; the first found among equals.
                var longest = region.PartLength >= merged.PartLength ? region : merged;
                merged = longest with { Start = Math.Min(region.Start, merged.Start), End = Math.Max(region.End, merged.End) };
            }

            regions[kept] = merged;
            return kept + 1;
        }

        private static bool Overlaps(in Region region, in Region hit) =>
            region.Start < hit.End && hit.Start < region.End && region.InDemand == hit.InDemand;
    }

    /// <summary>A stretch of text or demand supporting a finding; <see cref="Rule"/> is the firing's place in the trace, <see cref="PartLength"/> is its longest part's.</summary>
    private readonly record struct Region(int Start, int End, bool InDemand, int Signal, int Rule, int PartLength);

    /// <summary>The signals a rule that fired reads, its place in the trace, and the finding it counts for (its cause or conflict type).</summary>
    /// <remarks>Not generic over the rule's type: the evidence loop is then compiled for it alone, not as shared generic code.</remarks>
    private readonly record struct Fired(int[] SignalsRead, int Trace, int Key);
}
