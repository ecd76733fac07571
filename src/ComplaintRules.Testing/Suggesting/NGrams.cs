namespace ComplaintRules.Testing;

/// <summary>The distinct n-grams of one folded text: English words 1–3, Chinese characters 2–4 within runs of Han.</summary>
internal static class NGrams
{
    // Function words: an English n-gram that starts or ends with one says little on its own.
    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "by", "from", "is", "are", "was", "were",
        "be", "been", "it", "its", "this", "that", "i", "me", "my", "we", "our", "you", "your", "they", "them", "their", "he", "she",
        "his", "her", "as", "so", "if", "then", "than", "have", "has", "had", "do", "did", "am", "will", "would", "can", "could",
    };

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    public static HashSet<string> Of(string text, string language) => language == "zh" ? Chinese(text) : English(text);

    private static HashSet<string> English(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] == '\'' && start >= 0));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].TrimEnd('\''));
                start = -1;
            }
        }

        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; n <= 3; n++)
        {
            for (var i = 0; i + n <= words.Count; i++)
            {
                if (!s_stopWords.Contains(words[i]) && !s_stopWords.Contains(words[i + n - 1]) && !words[i].All(char.IsDigit))
                {
                    grams.Add(string.Join(' ', words.GetRange(i, n)));
                }
            }
        }

        return grams;
    }

    private static HashSet<string> Chinese(string text)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsHan(text[i]))
            {
                continue;
            }

            // text[start..i] is a run of Han characters
            for (var n = 2; n <= 4; n++)
            {
                for (var j = start; j + n <= i; j++)
                {
                    grams.Add(text.Substring(j, n));
                }
            }

            start = i + 1;
        }

        return grams;
    }
}
