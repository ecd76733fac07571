using System.Runtime.InteropServices;

namespace ComplaintRules.Features;

// Building the automaton. Its helpers keep generic code over value types off a cold start: the JIT compiles each
// such instantiation of the framework's collections and sorts at every start, even in a ReadyToRun build.
internal sealed partial class PhraseMatcher
{
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

        return Link(charClass, rootNext, childStart, childClass, childTarget, patternAt[..stateCount], patterns, null, maxDenseRows);
    }

    // Failure and output links, breadth first; then each dense state's row, from its failure state's (shallower, so done).
    // A snapshot brings the failure links (their searches are most of this pass): then only the rest is worked out.
    private static PhraseMatcher Link(ushort[] charClass, int[] rootNext, int[] childStart, ushort[] childClass, int[] childTarget,
        int[] patternAt, Pattern[] patterns, int[]? knownFail, int maxDenseRows)
    {
        var stateCount = patternAt.Length;
        var fail = knownFail ?? new int[stateCount];
        var outputLink = new int[stateCount];
        var dense = new DenseRows(stateCount, rootNext, childStart, childClass, childTarget, maxDenseRows);
        var queue = new int[stateCount]; // each state but the root is queued once
        var chainMask = new ulong[stateCount]; // the root's stays 0: a class the root has no child for stays at the root
        var (head, tail) = (0, 0);
        for (var cls = 0; cls < rootNext.Length; cls++)
        {
            if (rootNext[cls] != 0)
            {
                queue[tail++] = rootNext[cls];
                dense.Admit(rootNext[cls], 0, cls);
            }
        }

        dense.FillRoot(rootNext);
        while (head < tail)
        {
            var s = queue[head++];
            var mask = chainMask[fail[s]]; // the failure state is shallower: done (the root's is 0)
            for (var e = childStart[s]; e < childStart[s + 1]; e++)
            {
                var (cls, t) = (childClass[e], childTarget[e]);
                mask |= 1UL << cls;
                if (knownFail is null)
                {
                    fail[t] = FailureOf(childStart, childClass, childTarget, rootNext, fail, fail[s], cls, t);
                }

                queue[tail++] = t;
                dense.Admit(t, s, cls);
            }

            outputLink[s] = patternAt[fail[s]] != None ? fail[s] : outputLink[fail[s]];
            chainMask[s] = mask;
            dense.Fill(s, fail[s], childStart, childClass, childTarget);
        }

        var firstReport = new int[stateCount];
        for (var s = 1; s < stateCount; s++)
        {
            firstReport[s] = patternAt[s] != None ? s : outputLink[s];
        }

        return new PhraseMatcher(charClass, rootNext, childStart, childClass, childTarget, fail, patternAt, outputLink, firstReport,
            dense.RowAt, dense.Rows(), patterns, chainMask);
    }

    // The failure state of t, entered from its parent (whose failure state is f) on cls: the longest proper suffix of t's
    // path that is also a path from the root.
    private static int FailureOf(int[] childStart, ushort[] childClass, int[] childTarget, int[] rootNext, int[] fail, int f, ushort cls, int t)
    {
        var ft = None;
        while (f != 0 && (ft = FindChild(childStart, childClass, childTarget, f, cls)) == None)
        {
            f = fail[f];
        }

        if (f == 0)
        {
            ft = rootNext[cls];
        }

        return ft > 0 && ft != t ? ft : 0;
    }

    // The ASCII characters that occur, the most frequent first, then in character order.
    private static int[] ByFrequency(int[] counts)
    {
        var chars = new int[counts.Length];
        var n = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 0)
            {
                var i = n++;
                for (; i > 0 && counts[chars[i - 1]] < counts[c]; i--)
                {
                    chars[i] = chars[i - 1];
                }

                chars[i] = c;
            }
        }

        return chars[..n];
    }

    // A state's children by class (classes are distinct): most states have a few, sorted in place without the JIT
    // compiling the framework's generic sort for these element types.
    private static void SortChildren(ushort[] classes, int[] targets, int start, int count)
    {
        if (count > 16)
        {
            Array.Sort(classes, targets, start, count);
            return;
        }

        for (var i = start + 1; i < start + count; i++)
        {
            var (cls, target, j) = (classes[i], targets[i], i);
            for (; j > start && classes[j - 1] > cls; j--)
            {
                (classes[j], targets[j]) = (classes[j - 1], targets[j - 1]);
            }

            (classes[j], targets[j]) = (cls, target);
        }
    }

    private static (int Total, int Max) Lengths(PhraseEntry[] entries)
    {
        var (total, max) = (0, 0);
        foreach (var entry in entries)
        {
            (total, max) = (total + entry.Text.Length, Math.Max(max, entry.Text.Length));
        }

        return (total, max);
    }

    private static int CommonPrefixLength(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private sealed record PhraseEntry(string Text, bool OpenEnd, List<int> Families);
}
