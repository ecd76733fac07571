using System.Buffers;
using System.Runtime.CompilerServices;
using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules.Evaluation;

// Evidence: which spans of the text support a finding.
internal static partial class RuleEvaluator
{
    /// <summary>The hits grouped by signal (a counting sort), so a rule's evidence is found without scanning every hit.</summary>
    private sealed class HitIndex : IDisposable
    {
        private readonly int[] _start;
        private readonly SignalHit[] _sorted;

        public HitIndex(SignalHitList hits, int signalCount)
        {
            _start = ArrayPool<int>.Shared.Rent(signalCount + 1);
            _sorted = ArrayPool<SignalHit>.Shared.Rent(Math.Max(1, hits.Count));
            var start = _start.AsSpan(0, signalCount + 1);
            start.Clear();
            foreach (ref readonly var hit in hits.Items)
            {
                start[hit.Signal + 1]++;
            }

            for (var s = 1; s <= signalCount; s++)
            {
                start[s] += start[s - 1];
            }

            var next = ArrayPool<int>.Shared.Rent(signalCount);
            start[..signalCount].CopyTo(next);
            foreach (ref readonly var hit in hits.Items)
            {
                _sorted[next[hit.Signal]++] = hit;
            }

            ArrayPool<int>.Shared.Return(next);
        }

        public ReadOnlySpan<SignalHit> Of(int signal) => _sorted.AsSpan(_start[signal], _start[signal + 1] - _start[signal]);

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_start);
            ArrayPool<SignalHit>.Shared.Return(_sorted);
        }
    }

    /// <summary>
    /// The evidence of one finding: the spans of the signals its rules read, maximal and non-overlapping. Where spans
    /// overlap ("太过分" and "过分", "！！" and each "！") one span covers them, named after its first and longest part.
    /// </summary>
    private readonly struct EvidenceContext(HitIndex index, string text, string demand, string[] signalNames)
    {
        public List<Evidence> For<TRule>(List<TRule> fired, Func<TRule, int, bool> belongs, int key)
            where TRule : CompiledRule
        {
            var total = 0;
            var signals = ArrayPool<int>.Shared.Rent(16);
            var signalCount = 0;
            var candidates = ArrayPool<Candidate>.Shared.Rent(16);
            try
            {
                // Every affirmed occurrence of every signal the finding's rules read; a signal once, for the first rule that reads it.
                foreach (var rule in fired)
                {
                    if (!belongs(rule, key))
                    {
                        continue;
                    }

                    foreach (var signal in rule.SignalsRead)
                    {
                        if (signals.AsSpan(0, signalCount).Contains(signal))
                        {
                            continue;
                        }

                        Grow(ref signals, signalCount + 1);
                        signals[signalCount++] = signal;
                        foreach (ref readonly var hit in index.Of(signal))
                        {
                            if (hit.Kind != HitKind.Negated)
                            {
                                Grow(ref candidates, total + 1);
                                candidates[total] = new Candidate(hit.Kind == HitKind.Demand, hit.Start, hit.Length, signal, total, rule);
                                total++;
                            }
                        }
                    }
                }

                if (total == 0)
                {
                    return [];
                }

                var sorted = candidates.AsSpan(0, total);
                sorted.Sort(default(CandidateOrder));
                return Merge(sorted);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(signals);
                ArrayPool<Candidate>.Shared.Return(candidates, clearArray: true);
            }
        }

        // In order of position: each run of overlapping spans becomes one span, the first (and longest) naming it.
        private List<Evidence> Merge(ReadOnlySpan<Candidate> sorted)
        {
            var list = new List<Evidence>(Math.Min(sorted.Length, MaxEvidencePerFinding));
            var i = 0;
            while (i < sorted.Length && list.Count < MaxEvidencePerFinding)
            {
                var first = sorted[i];
                var end = first.Start + first.Length;
                var j = i + 1;
                while (j < sorted.Length && sorted[j].InDemand == first.InDemand && sorted[j].Start < end)
                {
                    end = Math.Max(end, sorted[j].Start + sorted[j].Length);
                    j++;
                }

                var source = first.InDemand ? demand : text;
                list.Add(new Evidence(TextOf(list, source.AsSpan(first.Start, end - first.Start)), first.Start, end - first.Start, first.Rule.Id,
                    signalNames[first.Signal], first.InDemand ? "customerDemand" : "text"));
                i = j;
            }

            return list;
        }

        private static void Grow<T>(ref T[] array, int needed)
        {
            if (needed <= array.Length)
            {
                return;
            }

            var larger = ArrayPool<T>.Shared.Rent(array.Length * 2);
            array.AsSpan().CopyTo(larger);
            ArrayPool<T>.Shared.Return(array, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            array = larger;
        }

        // A phrase often occurs several times ("退款 … 退款"): its spans share one string.
        private static string TextOf(List<Evidence> list, ReadOnlySpan<char> span)
        {
            foreach (var e in list)
            {
                if (span.SequenceEqual(e.Text))
                {
                    return e.Text;
                }
            }

            return span.ToString();
        }
    }

    /// <summary>One occurrence that may become evidence; <see cref="Order"/> keeps the rule order among equal spans.</summary>
    private readonly record struct Candidate(bool InDemand, int Start, int Length, int Signal, int Order, CompiledRule Rule);

    /// <summary>Text before demand, then by start, longest first, then in the order the rules read them.</summary>
    private readonly struct CandidateOrder : IComparer<Candidate>
    {
        public int Compare(Candidate a, Candidate b) =>
            a.InDemand != b.InDemand ? (a.InDemand ? 1 : -1)
            : a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : a.Order.CompareTo(b.Order);
    }
}
