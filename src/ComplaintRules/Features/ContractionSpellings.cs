namespace ComplaintRules.Features;

/// <summary>
/// English negative contractions are often typed without their apostrophe ("didnt", "isnt", "wont"), above all on
/// phones: a phrase written with "n't" also matches that way, so a rule author lists one spelling.
/// </summary>
/// <remarks>Only "n't": without the apostrophe "we'll", "we're" and "he'll" would be other words.</remarks>
internal static class ContractionSpellings
{
    /// <summary>Each phrase, followed by its spelling without the apostrophe when it has an "n't".</summary>
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

    /// <summary>The phrase with the apostrophe of every "n't" (or "n’t") dropped, or <see langword="null"/> when it has none.</summary>
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
            if (c is '\'' or '\u2019' && i > 0 && phrase[i - 1] is 'n' or 'N' && i + 1 < phrase.Length && phrase[i + 1] is 't' or 'T')
            {
                dropped = true;
                continue;
            }

            chars.Append(c);
        }

        return dropped ? chars.ToString() : null;
    }
}
