using System.Buffers;
using System.Reflection;

namespace ComplaintRules.Features;

/// <summary>
/// Folds text so that lexicon phrases match however the customer typed them: full-width to half-width,
/// case folding, traditional to simplified Chinese, the function characters of written Cantonese to their Mandarin
/// ones (唔 不, 冇 没, 咗 了), whitespace and control characters collapsed to one space.
/// </summary>
/// <remarks>
/// Every output character maps back to one input offset, so evidence can point into the original text.
/// Runs in one pass, linear in the input, and writes into buffers the caller rents.
/// </remarks>
internal static class TextNormalizer
{
    private static readonly char[] s_fold = BuildFoldTable();

    /// <summary>The folded form of one character (lower case, half width, simplified, Mandarin; whitespace and controls to a space).</summary>
    public static char Fold(char c) => s_fold[c];

    /// <summary>Makes the fold table now (1–2 ms in a fresh process) rather than in the first call that needs it.</summary>
    public static void Prepare() => GC.KeepAlive(s_fold);

    /// <summary>Normalises <paramref name="text"/> into <paramref name="output"/>; <paramref name="map"/>[i] is the input offset of output[i].</summary>
    /// <returns>The number of characters written; never more than <c>text.Length</c>.</returns>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> output, Span<int> map)
    {
        var n = 0;
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = s_fold[text[i]];
            if (c == ' ')
            {
                pendingSpace = n > 0;
                continue;
            }

            if (pendingSpace)
            {
                output[n] = ' ';
                map[n] = i - 1;
                n++;
                pendingSpace = false;
            }

            output[n] = c;
            map[n] = i;
            n++;
        }

        return n;
    }

    /// <summary>Normalises a lexicon phrase the same way as complaint text.</summary>
    public static string NormalizePhrase(string phrase)
    {
        if (phrase.Length <= 128)
        {
            // A lexicon phrase, one of thousands a load: on the stack rather than rented.
            Span<char> text = stackalloc char[phrase.Length];
            Span<int> positions = stackalloc int[phrase.Length];
            return new string(text[..Normalize(phrase, text, positions)]).TrimEnd();
        }

        var output = ArrayPool<char>.Shared.Rent(phrase.Length);
        var map = ArrayPool<int>.Shared.Rent(phrase.Length);
        try
        {
            var n = Normalize(phrase, output, map);
            return new string(output, 0, n).TrimEnd();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(output);
            ArrayPool<int>.Shared.Return(map);
        }
    }

    // One 64K-entry table holds every per-character fold, so the hot loop is a single lookup.
    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                table[i] = c;
                continue;
            }

            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0); // full-width ASCII variants
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u200B' || c == '\uFEFF')
            {
                table[i] = ' ';
                continue;
            }

            table[i] = char.ToLowerInvariant(c);
        }

        // Each file's pairs overwrite what the table held for their characters (a later file, an earlier one's).
        foreach (var file in (string[])["punctuation.txt", "traditional-simplified.txt", "cantonese-mandarin.txt"])
        {
            foreach (var (from, to) in ReadPairs(file))
            {
                table[from] = to;
            }
        }

        // One lookup folds fully: a pair whose target another file folds on (搵 to 揾 in the traditional table, 揾 to 找
        // in the Cantonese one) goes straight to the end of the chain. A few steps bound it, should a file hold a cycle.
        for (var i = 0; i < table.Length; i++)
        {
            var c = table[i];
            for (var step = 0; step < 4 && table[c] != c; step++)
            {
                c = table[c];
            }

            table[i] = c;
        }

        return table;
    }

    // Data files hold one pair per line, "FROM TO", as characters; '#' starts a comment.
    private static List<(char From, char To)> ReadPairs(string file)
    {
        using var stream = typeof(TextNormalizer).Assembly.GetManifestResourceStream("ComplaintRules.Features.Data." + file)
            ?? throw new InvalidOperationException($"Embedded resource '{file}' is missing from {typeof(TextNormalizer).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var pairs = new List<(char From, char To)>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // A line may hold several pairs: "說说 話话".
            foreach (var pair in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (pair.Length == 2)
                {
                    pairs.Add((pair[0], pair[1]));
                }
            }
        }

        return pairs;
    }
}
