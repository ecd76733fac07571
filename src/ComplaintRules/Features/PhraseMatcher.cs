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
        int[] fail, int[] patternAt, int[] outputLink, int[] firstReport, int[] rowAt, int[] rows, Pattern[] patterns)
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
    public void Match<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IPhraseSink
    {
        // The current state as a dense row's offset (the root's is 0), or as ~state when it has no row: one lookup a
        // character while the rows serve.
        var at = 0;
        // Locals: the sink's stores into the hit list do not make them reload.
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

    private int Step(int state, ushort cls)
    {
        while (state != 0)
        {
            var next = FindChild(state, cls);
            if (next != None)
            {
                return next;
            }

            state = _fail[state];
            if (cls < DenseWidth && _rowAt[state] >= 0)
            {
                var to = _rows[_rowAt[state] + cls];
                return to >= 0 ? _rows[to] : ~to;
            }
        }

        return _rootNext[cls];
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
        where TSink : struct, IPhraseSink
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
