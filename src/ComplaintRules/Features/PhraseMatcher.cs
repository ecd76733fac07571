using System.Runtime.InteropServices;

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
    }

    /// <summary>The length of the longest phrase, normalised: no phrase hit is longer.</summary>
    public int MaxPatternLength { get; }

    /// <summary>The number of distinct phrases the automaton recognises.</summary>
    public int PatternCount => _patterns.Length;

    /// <summary>The number of automaton states (a measure of its memory).</summary>
    public int StateCount => _fail.Length;

    /// <summary>
    /// Builds the automaton. A phrase is matched as written after <see cref="TextNormalizer.NormalizePhrase"/>;
    /// a phrase that starts or ends with a Latin letter or digit matches only at a word boundary, and a trailing
    /// <c>*</c> lifts the boundary at the end (<c>refund*</c> matches "refunds" and "refunded").
    /// </summary>
    /// <param name="phrases">The phrases and their lexicons.</param>
    /// <param name="maxDenseRows">The most states with a dense row; tests lower it to run the sparse way alongside.</param>
    public static PhraseMatcher Build(IEnumerable<(string Phrase, int Family)> phrases, int maxDenseRows = MaxDenseRows)
    {
        // Keys, entries and sorts of reference types: the framework's shared code for them is precompiled, where a tuple
        // key or a sort of structs is compiled by the JIT at each start (a third of the cold build).
        Dictionary<string, List<int>>[] byText = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)]; // as written, open-ended
        foreach (var (phrase, family) in phrases)
        {
            var openEnd = phrase.EndsWith('*');
            var text = TextNormalizer.NormalizePhrase(openEnd ? phrase[..^1] : phrase);
            if (text.Length == 0)
            {
                continue;
            }

            ref var families = ref CollectionsMarshal.GetValueRefOrAddDefault(byText[openEnd ? 1 : 0], text, out _);
            families ??= [];

            if (!families.Contains(family))
            {
                families.Add(family);
            }
        }

        var sorted = new PhraseEntry[byText[0].Count + byText[1].Count];
        var patterns = new Pattern[sorted.Length];
        var charClass = new ushort[char.MaxValue + 1];
        var alphabet = 0;
        var k = 0;
        for (var open = 0; open < 2; open++)
        {
            foreach (var (text, families) in byText[open])
            {
                sorted[k++] = new PhraseEntry(text, open == 1, families);
            }
        }

        k = 0;
        // Sorted once, read twice (patterns, then the trie): the order fixes each pattern's index.
        Array.Sort(sorted, static (a, b) =>
        {
            var byTextOrder = string.CompareOrdinal(a.Text, b.Text);
            return byTextOrder != 0 ? byTextOrder : a.OpenEnd.CompareTo(b.OpenEnd);
        });
        // ASCII first, the most frequent first, so that the letters of Latin phrases get the low classes the dense
        // rows cover; then the others in order of appearance.
        var asciiCount = new int[128];
        foreach (var entry in sorted)
        {
            foreach (var c in entry.Text)
            {
                if (c < 128)
                {
                    asciiCount[c]++;
                }
            }
        }

        foreach (var c in ByFrequency(asciiCount))
        {
            charClass[c] = (ushort)++alphabet;
        }

        foreach (var entry in sorted)
        {
            foreach (var c in entry.Text)
            {
                if (charClass[c] == 0)
                {
                    if (alphabet == ushort.MaxValue - 1)
                    {
                        throw new InvalidOperationException("Lexicons use more distinct characters than the matcher supports.");
                    }

                    charClass[c] = (ushort)++alphabet;
                }
            }
        }

        foreach (var (text, openEnd, families) in sorted)
        {
            patterns[k++] = new Pattern(text.Length, IsWordChar(text[0]), IsWordChar(text[^1]) && !openEnd, families.ToArray());
        }

        // Trie over alphabet indices, built in sorted order: a phrase shares with the trie exactly its common prefix with
        // the phrase before it, so its path is followed that far and new states are made for the rest, numbered in
        // order. Each state but the root is made by one edge: its parent and class are the edge.
        var (totalLength, maxLength) = Lengths(sorted);
        var parent = new int[totalLength + 1];
        var edgeClass = new ushort[totalLength + 1];
        var patternAt = new int[totalLength + 1];
        var path = new int[maxLength + 1]; // the states of the previous phrase's path, by depth
        patternAt[0] = None;
        var stateCount = 1;
        var previous = "";
        k = 0;
        foreach (var entry in sorted)
        {
            var text = entry.Text;
            var depth = CommonPrefixLength(text, previous);
            for (; depth < text.Length; depth++)
            {
                (parent[stateCount], edgeClass[stateCount], patternAt[stateCount]) = (path[depth], charClass[text[depth]], None);
                path[depth + 1] = stateCount++;
            }

            // "refund" and "refund*" end on the same state: merge them (see Pattern.MergeWith).
            var state = path[text.Length];
            if (patternAt[state] == None)
            {
                patternAt[state] = k;
            }
            else
            {
                patterns[patternAt[state]] = patterns[patternAt[state]].MergeWith(patterns[k]);
            }

            previous = text;
            k++;
        }

        // The root's edges go to a dense table, every other state's to sorted arrays (CSR).
        var rootNext = new int[alphabet + 1];
        var childStart = new int[stateCount + 1];
        for (var t = 1; t < stateCount; t++)
        {
            if (parent[t] == 0)
            {
                rootNext[edgeClass[t]] = t;
            }
            else
            {
                childStart[parent[t] + 1]++;
            }
        }

        for (var s = 1; s <= stateCount; s++)
        {
            childStart[s] += childStart[s - 1];
        }

        var childClass = new ushort[childStart[stateCount]];
        var childTarget = new int[childStart[stateCount]];
        var fill = (int[])childStart.Clone();
        for (var t = 1; t < stateCount; t++)
        {
            if (parent[t] != 0)
            {
                childClass[fill[parent[t]]] = edgeClass[t];
                childTarget[fill[parent[t]]++] = t;
            }
        }

        for (var s = 1; s < stateCount; s++)
        {
            SortChildren(childClass, childTarget, childStart[s], childStart[s + 1] - childStart[s]);
        }

        // Failure and output links, breadth first; then each dense state's row, from its failure state's (shallower, so done).
        var fail = new int[stateCount];
        var outputLink = new int[stateCount];
        var dense = new DenseRows(stateCount, rootNext, childStart, childClass, childTarget, maxDenseRows);
        var queue = new int[stateCount]; // each state but the root is queued once
        var (head, tail) = (0, 0);
        for (var cls = 0; cls < rootNext.Length; cls++)
        {
            if (rootNext[cls] != 0)
            {
                queue[tail++] = rootNext[cls];
                dense.Admit(rootNext[cls], 0, cls);
            }
        }

        while (head < tail)
        {
            var s = queue[head++];
            outputLink[s] = patternAt[fail[s]] != None ? fail[s] : outputLink[fail[s]];
            dense.Fill(s, fail[s], childStart, childClass, childTarget);
            for (var e = childStart[s]; e < childStart[s + 1]; e++)
            {
                var (cls, t) = (childClass[e], childTarget[e]);
                var f = fail[s];
                var ft = None;
                while (f != 0 && (ft = FindChild(childStart, childClass, childTarget, f, cls)) == None)
                {
                    f = fail[f];
                }

                if (f == 0)
                {
                    ft = rootNext[cls];
                }

                fail[t] = ft > 0 && ft != t ? ft : 0;
                queue[tail++] = t;
                dense.Admit(t, s, cls);
            }
        }

        var patternAtArray = patternAt[..stateCount];
        var firstReport = new int[stateCount];
        for (var s = 1; s < stateCount; s++)
        {
            firstReport[s] = patternAtArray[s] != None ? s : outputLink[s];
        }

        return new PhraseMatcher(charClass, rootNext, childStart, childClass, childTarget, fail, patternAtArray, outputLink, firstReport,
            dense.RowAt, dense.Rows(), patterns);
    }

    /// <summary>Reports every phrase occurrence in <paramref name="text"/> (already normalised), in order of end position.</summary>
    public void Match<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IPhraseSink
    {
        // The current state as a dense row's offset (the root's is 0), or as ~state when it has no row: one lookup a
        // character while the rows serve.
        var at = 0;
        var (charClass, rows, firstReport) = (_charClass, _rows, _firstReport); // locals: the sink's calls do not make them reload
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

            var s = firstReport[state];
            while (s != 0)
            {
                Report(text, i + 1, _patterns[_patternAt[s]], ref sink);
                s = _outputLink[s];
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

    private static void Report<TSink>(ReadOnlySpan<char> text, int end, in Pattern pattern, ref TSink sink)
        where TSink : struct, IPhraseSink
    {
        var start = end - pattern.Length;
        if (pattern.LeftBoundary && start > 0 && IsWordChar(text[start - 1]))
        {
            return;
        }

        if (pattern.RightBoundary && end < text.Length && IsWordChar(text[end]))
        {
            return;
        }

        foreach (var family in pattern.Families)
        {
            sink.OnMatch(family, start, pattern.Length);
        }
    }

    internal static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

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
