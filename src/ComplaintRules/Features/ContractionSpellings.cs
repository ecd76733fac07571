namespace ComplaintRules.Features;

/// <summary>
/// English contractions are often typed without their apostrophe ("didnt", "isnt", "im done", "wheres my parcel"),
/// above all on phones: a phrase written with "n't", or with one of the contractions of <see cref="Dropped"/>, also
/// matches that way, so a rule author lists one spelling.
/// </summary>
/// <remarks>
/// Only where the word without its apostrophe is no other word: "we'll", "we're", "he'll", "i'll", "i'd" and "let's"
/// keep theirs (well, were, hell, ill, id, lets). "it's" loses it only inside a longer phrase ("its been a week"),
/// never alone, where "its" is the possessive.
/// </remarks>
internal static class ContractionSpellings
{
    /// <summary>Each phrase, followed by its spelling without the apostrophe when it has one to drop (<see cref="WithoutApostrophe"/>).</summary>
    public static IEnumerable<(string Phrase, int Signal)> WithApostropheDropped(IEnumerable<(string Phrase, int Signal)> phrases)
    {
        foreach (var (phrase, signal) in phrases)
        {
            yield return (phrase, signal);
            if (WithoutApostrophe(phrase) is { } variant)
            {
                yield return (variant, signal);
            }
        }
    }

    /// <summary>
    /// The phrase with the apostrophe of every "n't" (or "n’t") and of each contraction in <see cref="Dropped"/>
    /// dropped, or <see langword="null"/> when it has none.
    /// </summary>
    public static string? WithoutApostrophe(string phrase)
    {
        if (phrase.AsSpan().IndexOfAny('\'', '\u2019') < 0)
        {
            return null;
        }

        var chars = new System.Text.StringBuilder(phrase.Length);
        var dropped = false;
        for (var i = 0; i < phrase.Length; i++)
        {
            var c = phrase[i];
            if (c is '\'' or '\u2019' && (IsNegative(phrase, i) || IsDroppedContraction(phrase, i)))
            {
                dropped = true;
                continue;
            }

            chars.Append(c);
        }

        return dropped ? chars.ToString() : null;
    }

    /// <summary>Contractions whose spelling without the apostrophe is no English word of its own.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "i'm", "i've", "you've", "we've", "they've", "you're", "they're", "you'll", "they'll", "it'll", "you'd", "they'd",
        "that's", "what's", "where's", "there's", "here's", "who's", "how's", "could've", "should've", "would've", "it's",
    };

    private static bool IsNegative(string phrase, int apostrophe) =>
        apostrophe > 0 && phrase[apostrophe - 1] is 'n' or 'N' && apostrophe + 1 < phrase.Length && phrase[apostrophe + 1] is 't' or 'T';

    // The word around the apostrophe is one of Dropped ("it's" only inside a longer phrase).
    private static bool IsDroppedContraction(string phrase, int apostrophe)
    {
        var (start, end) = (apostrophe, apostrophe + 1);
        while (start > 0 && char.IsAsciiLetter(phrase[start - 1]))
        {
            start--;
        }

        while (end < phrase.Length && char.IsAsciiLetter(phrase[end]))
        {
            end++;
        }

        var word = string.Concat(phrase.AsSpan(start, apostrophe - start), "'", phrase.AsSpan(apostrophe + 1, end - apostrophe - 1));
        return Dropped.Contains(word) && (!word.Equals("it's", StringComparison.OrdinalIgnoreCase) || end - start < phrase.Trim().Length);
    }
}
