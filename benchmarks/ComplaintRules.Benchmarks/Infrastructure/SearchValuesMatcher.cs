using System.Buffers;
using ComplaintRules.Features;

namespace ComplaintRules.Benchmarks.Infrastructure;

/// <summary>
/// Finds every lexicon phrase occurrence with <see cref="SearchValues{T}"/> of strings, for comparison with the
/// library's Aho–Corasick <see cref="PhraseMatcher"/>. Same phrases, same normalised text, same word-boundary rules and
/// the same occurrences (checked by the benchmark's setup): <c>IndexOfAny</c> finds the next position where some phrase
/// starts, then the phrases that share its first two characters are compared there.
/// </summary>
internal sealed class SearchValuesMatcher
{
    private readonly SearchValues<string> _values;
    private readonly Dictionary<int, Candidate[]> _byPrefix; // first two characters (or one, for one-character phrases)

    public SearchValuesMatcher(IEnumerable<(string Phrase, int Family)> phrases)
    {
        // The same folding and merging as PhraseMatcher.Build: "refund" and "refund*" become one pattern, open-ended.
        var byText = new Dictionary<string, (bool OpenEnd, HashSet<int> Families)>(StringComparer.Ordinal);
        foreach (var (phrase, family) in phrases)
        {
            var openEnd = phrase.EndsWith('*');
            var text = TextNormalizer.NormalizePhrase(openEnd ? phrase[..^1] : phrase);
            if (text.Length == 0)
            {
                continue;
            }

            if (byText.TryGetValue(text, out var entry))
            {
                entry.Families.Add(family);
                byText[text] = (entry.OpenEnd || openEnd, entry.Families);
            }
            else
            {
                byText[text] = (openEnd, [family]);
            }
        }

        _values = SearchValues.Create(byText.Keys.ToArray(), StringComparison.Ordinal);
        _byPrefix = byText
            .Select(p => new Candidate(p.Key, PhraseMatcher.IsWordChar(p.Key[0]), PhraseMatcher.IsWordChar(p.Key[^1]) && !p.Value.OpenEnd, p.Value.Families.Order().ToArray()))
            .GroupBy(c => Key(c.Text))
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Counts every (phrase, family) occurrence in <paramref name="text"/>, already normalised.</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        var position = 0;
        while (position < text.Length)
        {
            var found = text[position..].IndexOfAny(_values);
            if (found < 0)
            {
                break;
            }

            var start = position + found;
            count += CountAt(text, start, Key(text[start]));
            if (start + 1 < text.Length)
            {
                count += CountAt(text, start, Key(text[start], text[start + 1]));
            }

            position = start + 1;
        }

        return count;
    }

    private int CountAt(ReadOnlySpan<char> text, int start, int key)
    {
        if (!_byPrefix.TryGetValue(key, out var candidates))
        {
            return 0;
        }

        var count = 0;
        var rest = text[start..];
        foreach (var candidate in candidates)
        {
            if (!rest.StartsWith(candidate.Text, StringComparison.Ordinal))
            {
                continue;
            }

            var end = start + candidate.Text.Length;
            if ((candidate.LeftBoundary && start > 0 && PhraseMatcher.IsWordChar(text[start - 1]))
                || (candidate.RightBoundary && end < text.Length && PhraseMatcher.IsWordChar(text[end])))
            {
                continue;
            }

            count += candidate.Families.Length;
        }

        return count;
    }

    private static int Key(string phrase) => phrase.Length == 1 ? Key(phrase[0]) : Key(phrase[0], phrase[1]);

    private static int Key(char first) => first;

    private static int Key(char first, char second) => 0x10000 + (first << 16) + second;

    private sealed record Candidate(string Text, bool LeftBoundary, bool RightBoundary, int[] Families);
}
