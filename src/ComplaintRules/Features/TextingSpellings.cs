namespace ComplaintRules.Features;

/// <summary>
/// The short forms of texting: "u" for you, "ur" for your or you're, "pls" and "plz" for please, "thx" for thanks. Posts
/// to a brand use them as often as the full words ("thank u for nothing", "can u pls fix ur app"), so a phrase written
/// with the full word also matches with the short one, and a rule author lists one spelling. The commonest misspellings
/// of words complaints turn on ("recieved", "reciept") are read the same way.
/// </summary>
/// <remarks>
/// Only short forms that are no other word at a word boundary. Each phrase gets every mix of full and short words
/// ("can you please" also finds "can u please", "can you pls", "can u pls"); a phrase has few such words, and at most
/// <see cref="MostVariants"/> spellings are made for one.
/// </remarks>
internal static class TextingSpellings
{
    private const int MostVariants = 8;

    private static readonly Dictionary<string, string[]> Short = new(StringComparer.OrdinalIgnoreCase)
    {
        ["you"] = ["u"],
        ["your"] = ["ur"],
        ["you're"] = ["ur"],
        ["youre"] = ["ur"],
        ["please"] = ["pls", "plz"],
        ["thanks"] = ["thx"],
        ["received"] = ["recieved"],
        ["receive"] = ["recieve"],
        ["receipt"] = ["reciept"],
    };

    /// <summary>Each phrase, followed by its spellings with short forms.</summary>
    public static IEnumerable<(string Phrase, int Signal)> WithShortForms(IEnumerable<(string Phrase, int Signal)> phrases)
    {
        foreach (var (phrase, signal) in phrases)
        {
            yield return (phrase, signal);
            foreach (var variant in Variants(phrase))
            {
                yield return (variant, signal);
            }
        }
    }

    /// <summary>The phrase's other spellings with short forms (none when it has no word of <see cref="Short"/>).</summary>
    public static IReadOnlyList<string> Variants(string phrase)
    {
        var words = new List<(int Start, int End, string[] Forms)>();
        var folded = phrase.Replace('\u2019', '\'');
        for (var i = 0; i < phrase.Length;)
        {
            if (!IsWordChar(phrase[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < phrase.Length && IsWordChar(phrase[i]))
            {
                i++;
            }

            if (Short.TryGetValue(folded[start..i], out var forms))
            {
                words.Add((start, i, forms));
            }
        }

        if (words.Count == 0)
        {
            return [];
        }

        // Every mix: a choice per word (0 the full word, k the k-th short form), counted like digits.
        var variants = new List<string>();
        var choice = new int[words.Count];
        while (variants.Count < MostVariants && Next(choice, words))
        {
            var text = new System.Text.StringBuilder(phrase.Length);
            var at = 0;
            for (var w = 0; w < words.Count; w++)
            {
                text.Append(phrase, at, words[w].Start - at);
                text.Append(choice[w] == 0 ? phrase[words[w].Start..words[w].End] : words[w].Forms[choice[w] - 1]);
                at = words[w].End;
            }

            variants.Add(text.Append(phrase, at, phrase.Length - at).ToString());
        }

        return variants;
    }

    // The next mix after `choice`; false once every mix was made (the all-full one, the phrase itself, is never made).
    private static bool Next(int[] choice, List<(int Start, int End, string[] Forms)> words)
    {
        for (var w = 0; w < choice.Length; w++)
        {
            if (choice[w] < words[w].Forms.Length)
            {
                choice[w]++;
                return true;
            }

            choice[w] = 0;
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetter(c) || c is '\'' or '\u2019';
}
