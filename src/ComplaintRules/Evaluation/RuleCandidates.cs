using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ComplaintRules.Rules;

namespace ComplaintRules.Evaluation;

/// <summary>
/// Which rules a complaint can fire, by their guards (<see cref="CompiledRule.Guard"/>): a rule without one, or one with
/// a guard slot above 0. Worked out once per complaint from the slots that are above 0 (a short text has few), as a bit
/// per place in evaluation order, so the decisions step from one candidate to the next and never touch the rules
/// their guards pass over (most of them, for a short complaint).
/// </summary>
internal sealed class RuleCandidates
{
    private readonly ulong[] _unguarded;   // a bit per rule without a guard
    private readonly int[] _slotStart;     // CSR: the rules guarded by slot s are [_slotStart[s], _slotStart[s + 1]) of _slotRules
    private readonly int[] _slotRules;

    public RuleCandidates(CompiledRule[] evaluationOrder, int slots)
    {
        Words = Math.Max(1, (evaluationOrder.Length + 63) >> 6);
        _unguarded = new ulong[Words];
        _slotStart = new int[slots + 1];
        foreach (var rule in evaluationOrder)
        {
            foreach (var slot in rule.Guard ?? [])
            {
                _slotStart[slot + 1]++;
            }
        }

        for (var s = 0; s < slots; s++)
        {
            _slotStart[s + 1] += _slotStart[s];
        }

        _slotRules = new int[_slotStart[slots]];
        var fill = _slotStart[..slots];
        for (var position = 0; position < evaluationOrder.Length; position++)
        {
            if (evaluationOrder[position].Guard is not { } guard)
            {
                _unguarded[position >> 6] |= 1UL << position;
                continue;
            }

            foreach (var slot in guard)
            {
                _slotRules[fill[slot]++] = position;
            }
        }
    }

    /// <summary>The words of a candidate set.</summary>
    public int Words { get; }

    /// <summary>Writes the candidates of a complaint with these signal counts (one per guard slot) into <paramref name="into"/>.</summary>
    /// <remarks>
    /// Compiled optimised at its first call: ReadyToRun code that tests <see cref="Vector256.IsHardwareAccelerated"/> is
    /// rejected where the machine has wider vectors, and the method then ran unoptimised for the first part of a batch.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Find(ReadOnlySpan<int> counts, Span<ulong> into)
    {
        _unguarded.CopyTo(into);
        counts = counts[..Math.Min(counts.Length, _slotStart.Length - 1)];
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref MemoryMarshal.GetReference(counts);
            for (; i + Vector256<int>.Count <= counts.Length; i += Vector256<int>.Count)
            {
                var present = ~Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i), Vector256<int>.Zero).ExtractMostSignificantBits() & 0xFF;
                for (; present != 0; present &= present - 1)
                {
                    Add(i + BitOperations.TrailingZeroCount(present), into);
                }
            }
        }

        for (; i < counts.Length; i++)
        {
            if (counts[i] != 0)
            {
                Add(i, into);
            }
        }
    }

    /// <summary>
    /// The candidates at or after a place and before an end, lowest first: a word of bits at a time, each bit taken
    /// once (the rules of one decision, <c>Run.Firing</c>).
    /// </summary>
    public ref struct Walk
    {
        private readonly ReadOnlySpan<ulong> _candidates;
        private readonly int _end;
        private int _word;
        private ulong _bits;

        public Walk(ReadOnlySpan<ulong> candidates, int from, int end)
        {
            _candidates = candidates;
            _end = end;
            _word = from >> 6;
            _bits = from < end ? candidates[from >> 6] & (ulong.MaxValue << from) : 0;
        }

        /// <summary>The next candidate's place; false when none is left before the end.</summary>
        public bool Next(out int position)
        {
            while (_bits == 0)
            {
                if ((++_word << 6) >= _end)
                {
                    position = _end;
                    return false;
                }

                _bits = _candidates[_word];
            }

            position = (_word << 6) + BitOperations.TrailingZeroCount(_bits);
            _bits &= _bits - 1;
            return position < _end;
        }
    }

    private void Add(int slot, Span<ulong> into)
    {
        for (var k = _slotStart[slot]; k < _slotStart[slot + 1]; k++)
        {
            var position = _slotRules[k];
            into[position >> 6] |= 1UL << position;
        }
    }
}
