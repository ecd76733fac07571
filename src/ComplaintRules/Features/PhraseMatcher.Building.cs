namespace ComplaintRules.Features;

// Helpers of Build that keep generic code over value types off a cold start: the JIT compiles each such
// instantiation of the framework's collections and sorts at every start, even in a ReadyToRun build.
internal sealed partial class PhraseMatcher
{
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
