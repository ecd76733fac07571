namespace ComplaintRules.Features;

/// <summary>
/// Finds every occurrence of every lexicon phrase in one left-to-right pass (Aho–Corasick), so the cost per
/// character stays flat however many phrases a rule set holds.
/// </summary>
/// <remarks>
/// Characters are first mapped to a dense alphabet of the characters phrases actually use; a character outside it
/// resets the automaton at once. The root keeps a dense transition table (most steps start there); other states
/// keep their few children in sorted arrays, and the states near the root on paths of low classes (the ASCII
/// characters, which get the lowest) also keep a dense row that already follows the failure links, so Latin text
/// steps through the automaton with one lookup a character. Immutable after construction and safe to share across threads.
/// </remarks>
internal sealed partial class PhraseMatcher
{
    private const int None = -1;

    private readonly ushort[] _charClass;     // char -> alphabet index; 0 = not in any phrase
    private readonly int[] _rootNext;         // alphabet index -> state from the root (0 = stay at root)
    private readonly int[] _childStart;       // CSR: children of state s are [_childStart[s], _childStart[s + 1])
    private readonly ushort[] _childClass;
    private readonly int[] _childTarget;
    private readonly int[] _fail;
    private readonly ulong[] _chainMask;      // per state, a bit per class (modulo 64) of a child of it or its failure chain's states
    private readonly int[] _patternAt;        // pattern that ends at a state, or None
    private readonly int[] _outputLink;       // nearest proper suffix state that ends a pattern, or 0
    private readonly int[] _firstReport;      // the state itself when it ends a pattern, else its output link
    private readonly int[] _rowAt;            // offset of a state's dense row in _rows, or -1
    private readonly int[] _rows;             // dense rows: [0] the state, [cls] the next state's row or ~state, every cls below DenseWidth
    private readonly Pattern[] _patterns;
    private readonly int[] _reportStart;      // CSR: what state s reports is [_reportStart[s], _reportStart[s + 1]) of _reports
    private readonly int[] _reports;          // pairs: a family, then its phrase's length with the boundary flags on top

    private const int LeftBoundaryFlag = 1 << 30;
    private const int RightBoundaryFlag = int.MinValue;

    private PhraseMatcher(ushort[] charClass, int[] rootNext, int[] childStart, ushort[] childClass, int[] childTarget,
        int[] fail, int[] patternAt, int[] outputLink, int[] firstReport, int[] rowAt, int[] rows, Pattern[] patterns, ulong[] chainMask)
    {
        _firstReport = firstReport;
        _rowAt = rowAt;
        _rows = rows;
        _charClass = charClass;
        _rootNext = rootNext;
        _childStart = childStart;
        _childClass = childClass;
        _childTarget = childTarget;
        _fail = fail;
        _chainMask = chainMask;
        _patternAt = patternAt;
        _outputLink = outputLink;
        _patterns = patterns;
        MaxPatternLength = patterns.Length == 0 ? 0 : patterns.Max(p => p.Length);
        (_reportStart, _reports) = Reports(firstReport, outputLink, patternAt, patterns);
    }

    // Each state's whole output chain (its own pattern, then those of its output links), one pair per family, side by
    // side: a report reads one run of a small array instead of chasing links into patterns and their family arrays.
    private static (int[] Start, int[] Reports) Reports(int[] firstReport, int[] outputLink, int[] patternAt, Pattern[] patterns)
    {
        var start = new int[firstReport.Length + 1];
        for (var s = 1; s < firstReport.Length; s++)
        {
            var n = 0;
            for (var r = firstReport[s]; r != 0; r = outputLink[r])
            {
                n += 2 * patterns[patternAt[r]].Families.Length;
            }

            start[s + 1] = start[s] + n;
        }

        var reports = new int[start[^1]];
        for (var s = 1; s < firstReport.Length; s++)
        {
            var at = start[s];
            for (var r = firstReport[s]; r != 0; r = outputLink[r])
            {
                var p = patterns[patternAt[r]];
                var length = p.Length | (p.LeftBoundary ? LeftBoundaryFlag : 0) | (p.RightBoundary ? RightBoundaryFlag : 0);
                foreach (var family in p.Families)
                {
                    (reports[at], reports[at + 1]) = (family, length);
                    at += 2;
                }
            }
        }

        return (start, reports);
    }

    /// <summary>The length of the longest phrase, normalised: no phrase hit is longer.</summary>
    public int MaxPatternLength { get; }

    /// <summary>The number of distinct phrases the automaton recognises.</summary>
    public int PatternCount => _patterns.Length;

    /// <summary>The number of automaton states (a measure of its memory).</summary>
    public int StateCount => _fail.Length;

    /// <summary>Reports every phrase occurrence in <paramref name="text"/> (already normalised), in order of end position.</summary>
    /// <remarks>
    /// Each step waits on the one before (the next state is read from the current one's row), so one pass over Latin
    /// text is a chain of dependent loads, one a character. With <paramref name="twoChains"/>, a text long enough is
    /// stepped as two halves at once, two chains the processor follows side by side: the second starts
    /// <see cref="MaxPatternLength"/> characters before its half (or right after a character no phrase holds, where one
    /// pass is at the root), so that at its half's first character it is in the state one pass would be in (a state
    /// stands for at most that many characters read); it reports from its half on, after the first half's reports, so
    /// the order is one pass's. Chinese text steps through the children's binary searches instead, branches more than
    /// loads, and a second chain did not pay there.
    /// </remarks>
    [System.Runtime.CompilerServices.SkipLocalsInit] // the second chain's buffer is written before it is read
    public void Match<TSink>(ReadOnlySpan<char> text, ref TSink sink, bool twoChains = false)
        where TSink : struct, IPhraseSink
    {
        if (!twoChains || text.Length < (2 * MaxPatternLength) + MinHalf)
        {
            MatchOne(text, ref sink);
            return;
        }

        // The buffer here, the loops in a method of their own: a method with stackalloc is compiled fully optimised at
        // once, without the profile that tiering would give its loops.
        MatchTwo(text, ref sink, new ReportBuffer(stackalloc int[3 * 128]));
    }

    private void MatchTwo<TSink>(ReadOnlySpan<char> text, ref TSink sink, ReportBuffer second)
        where TSink : struct, IPhraseSink
    {
        // The second chain reads from `start` and reports from `split` on, the first reads [0, split). A character no
        // phrase holds sends one pass to the root: after one near the middle, the second chain needs no lead at all.
        var (charClass, lead) = (_charClass, MaxPatternLength);
        var (split, start) = (text.Length / 2, (text.Length / 2) - lead);
        for (var p = split - 1; p >= split - lead; p--)
        {
            if (charClass[text[p]] == 0)
            {
                (split, start) = (p + 1, p + 1);
                break;
            }
        }

        try
        {
            var (reportStart, reports) = (_reportStart, _reports);
            int i = 0, j = start, atFirst = 0, atSecond = 0;
            for (var both = Math.Min(split, text.Length - start); i < both; i++, j++)
            {
                var first = Advance(ref atFirst, charClass[text[i]]);
                var next = Advance(ref atSecond, charClass[text[j]]);
                for (int r = reportStart[first], last = reportStart[first + 1]; r < last; r += 2)
                {
                    Report(text, i + 1, reports[r], reports[r + 1], ref sink);
                }

                if (j >= split)
                {
                    for (int r = reportStart[next], last = reportStart[next + 1]; r < last; r += 2)
                    {
                        Report(text, j + 1, reports[r], reports[r + 1], ref second);
                    }
                }
            }

            for (; i < split; i++)
            {
                var first = Advance(ref atFirst, charClass[text[i]]);
                for (int r = reportStart[first], last = reportStart[first + 1]; r < last; r += 2)
                {
                    Report(text, i + 1, reports[r], reports[r + 1], ref sink);
                }
            }

            System.Diagnostics.Debug.Assert(j >= split || j == text.Length, "past the lead: every match is the second half's");
            for (; j < text.Length; j++)
            {
                var next = Advance(ref atSecond, charClass[text[j]]);
                for (int r = reportStart[next], last = reportStart[next + 1]; r < last; r += 2)
                {
                    Report(text, j + 1, reports[r], reports[r + 1], ref second);
                }
            }

            second.Replay(ref sink);
        }
        finally
        {
            second.Dispose();
        }
    }

    /// <summary>The shortest half worth a second chain, after its lead.</summary>
    private const int MinHalf = 64;

    private void MatchOne<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IPhraseSink
    {
        // The current state as a dense row's offset (the root's is 0), or as ~state when it has no row: one lookup a
        // character while the rows serve.
        var at = 0;
        // Locals: the sink's stores into the hit list do not make them reload. The step is Advance's, written out: calling
        // Advance here cost Chinese text 2-4 % (one chain, no second to hide the call's extra work).
        var (charClass, rows, reportStart, reports) = (_charClass, _rows, _reportStart, _reports);
        for (var i = 0; i < text.Length; i++)
        {
            var cls = charClass[text[i]];
            if (cls == 0)
            {
                at = 0;
                continue;
            }

            int state;
            if (cls >= DenseWidth)
            {
                // A state entered on a high class has no row (rows lie on paths of low classes); the root has.
                state = StepSparse(at >= 0 ? rows[at] : ~at, cls);
                at = state == 0 ? 0 : ~state;
            }
            else if (at >= 0)
            {
                at = rows[at + cls];
                state = at >= 0 ? rows[at] : ~at;
            }
            else
            {
                state = Step(~at, cls);
                at = Encode(state);
            }

            for (int r = reportStart[state], last = reportStart[state + 1]; r < last; r += 2)
            {
                Report(text, i + 1, reports[r], reports[r + 1], ref sink);
            }
        }
    }

    // One character: the next state (the root, 0, reports nothing), and `at` moved on.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int Advance(ref int at, ushort cls)
    {
        if (cls == 0)
        {
            at = 0;
            return 0;
        }

        int state;
        if (cls >= DenseWidth)
        {
            // A state entered on a high class has no row (rows lie on paths of low classes); the root has.
            state = StepSparse(at >= 0 ? _rows[at] : ~at, cls);
            at = state == 0 ? 0 : ~state;
        }
        else if (at >= 0)
        {
            at = _rows[at + cls];
            state = at >= 0 ? _rows[at] : ~at;
        }
        else
        {
            state = Step(~at, cls);
            at = Encode(state);
        }

        return state;
    }

    /// <summary>The second half's matches, held until the first half's are reported: on the stack while they fit.</summary>
    private ref struct ReportBuffer(Span<int> initial) : IPhraseSink
    {
        private Span<int> _items = initial;
        private int[]? _rented;
        private int _count;

        public void OnMatch(int family, int start, int length)
        {
            if (_count + 3 > _items.Length)
            {
                Grow();
            }

            (_items[_count], _items[_count + 1], _items[_count + 2]) = (family, start, length);
            _count += 3;
        }

        public readonly void Replay<TSink>(ref TSink sink)
            where TSink : struct, IPhraseSink
        {
            for (var k = 0; k < _count; k += 3)
            {
                sink.OnMatch(_items[k], _items[k + 1], _items[k + 2]);
            }
        }

        public void Dispose()
        {
            if (_rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(_rented);
                _rented = null;
                _items = default;
            }
        }

        private void Grow()
        {
            var larger = System.Buffers.ArrayPool<int>.Shared.Rent(2 * _items.Length);
            _items[.._count].CopyTo(larger);
            Dispose();
            _rented = larger;
            _items = larger;
        }
    }

    private int FindChild(int state, ushort cls) => FindChild(_childStart, _childClass, _childTarget, state, cls);

    private static int FindChild(int[] childStart, ushort[] childClass, int[] childTarget, int state, ushort cls)
    {
        var lo = childStart[state];
        var hi = childStart[state + 1] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var c = childClass[mid];
            if (c == cls)
            {
                return childTarget[mid];
            }

            if (c < cls)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return None;
    }

    private static void Report<TSink>(ReadOnlySpan<char> text, int end, int family, int lengthAndFlags, ref TSink sink)
        where TSink : struct, IPhraseSink, allows ref struct
    {
        var length = lengthAndFlags & (LeftBoundaryFlag - 1);
        var start = end - length;
        if ((lengthAndFlags & LeftBoundaryFlag) != 0 && start > 0 && IsWordChar(text[start - 1]))
        {
            return;
        }

        if (lengthAndFlags < 0 && end < text.Length && (IsWordChar(text[end]) || IsContractionTail(text, end)))
        {
            return;
        }

        sink.OnMatch(family, start, length);
    }

    internal static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    // "won't", "can't" and "don't" are one word each: "won", "can" and "don" do not end at the apostrophe of "n't".
    private static bool IsContractionTail(ReadOnlySpan<char> text, int end) =>
        text[end] == '\'' && end + 1 < text.Length && (text[end + 1] | 0x20) == 't' && (text[end - 1] | 0x20) == 'n';

    private readonly record struct Pattern(int Length, bool LeftBoundary, bool RightBoundary, int[] Families)
    {
        // The open-ended form wins: both families then match "refunds", erring towards recall.
        public Pattern MergeWith(Pattern other) =>
            this with { RightBoundary = RightBoundary && other.RightBoundary, Families = Families.Union(other.Families).ToArray() };
    }
}

/// <summary>Receives phrase matches without allocating a delegate.</summary>
internal interface IPhraseSink
{
    void OnMatch(int family, int start, int length);
}
