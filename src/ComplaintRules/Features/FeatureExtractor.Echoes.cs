namespace ComplaintRules.Features;

// Echoes: a word said again for effect, the anger of a deadpan post ("lost my bag on a nonstop. NONSTOP.", "into the
// pool. the pool.", "cool cool cool"); and short sentences, the terse verdict after a story ("… over the gate. Lovely.").
// English only; found after the phrases' hits, like shouting.
internal sealed partial class FeatureExtractor
{
    /// <summary>The words of a sentence an echo may hold at most ("the pool.", "not one word.").</summary>
    private const int MaxEchoWords = 3;

    /// <summary>The words of a sentence a repeated word may stand in ("cool cool cool."): a longer one is not read.</summary>
    private const int MaxRepeatSentenceWords = 8;

    // Function words: an echo repeats a word that carries the point, not "the" or "it".
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_functionWords =
        new HashSet<string>(
            ["the", "a", "an", "i", "my", "me", "you", "your", "to", "of", "and", "is", "it", "in", "on", "for", "at", "was",
             "that", "this", "with", "be", "are", "so", "just"],
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // An echo is a sentence of one to three words whose words that carry a point all stood in the sentence before it,
    // or one word three times in a row in a short sentence. Linear: each sentence is read once for at most nine words
    // (the repeated word's scan, which also counts them), and only a sentence of one to three words is read again, as
    // an echo and as a short sentence, and searched as "the sentence before" at most three times.
    private void FindEchoes(string text, SignalHitList hits)
    {
        int prevStart = 0, prevEnd = 0, start = 0;
        var sawWords = false;
        while (start < text.Length)
        {
            var end = SentenceEnd(text, start);
            var words = FindRepeatedWord(text, start, end, hits, out var first, out var last);
            if (words is > 0 and <= MaxEchoWords)
            {
                if (EchoesSentenceBefore(text, start, end, prevStart, prevEnd))
                {
                    hits.Add(new SignalHit(_echo, first, last - first, HitKind.Affirmed));
                }

                if (sawWords)
                {
                    hits.Add(new SignalHit(_shortSentence, first, last - first, HitKind.Affirmed));
                }
            }

            sawWords |= words > 0;
            (prevStart, prevEnd) = (start, end);
            start = end + 1;
        }
    }

    // A mark with a letter or digit right after it ("t.co", "£4.50") ends no sentence, as for the closing sentence.
    private static int SentenceEnd(string text, int start)
    {
        for (var i = start; ; i++)
        {
            var end = text.AsSpan(i).IndexOfAny(".!?\n");
            if (end < 0)
            {
                return text.Length;
            }

            i += end;
            if (text[i] == '\n' || i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]))
            {
                return i;
            }
        }
    }

    // Whether the words that carry a point in the sentence [start, end), of at most three words, all stood in the one before.
    private static bool EchoesSentenceBefore(string text, int start, int end, int prevStart, int prevEnd)
    {
        var pointed = 0;
        for (var i = start; NextWord(text, ref i, end, out var word); )
        {
            var span = text.AsSpan(word.Start, word.End - word.Start);
            if (span.Length < 2 || s_functionWords.Contains(span))
            {
                continue;
            }

            pointed++;
            if (!Holds(text, prevStart, prevEnd, span))
            {
                return false;
            }
        }

        return pointed > 0;
    }

    // Whether the sentence [start, end) holds the word, in any case.
    private static bool Holds(string text, int start, int end, ReadOnlySpan<char> word)
    {
        for (var i = start; NextWord(text, ref i, end, out var other); )
        {
            if (text.AsSpan(other.Start, other.End - other.Start).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // One word three times or more in a row ("cool cool cool cool"), apart only by spaces or commas, in a sentence of at
    // most eight words: the fragment of a deadpan post. A longer sentence is left after its ninth word, which keeps
    // the scan of a long letter to a few words a sentence.
    // Returns the words read (all of them, or one more than a sentence a repeated word may stand in), and where the
    // first starts and the last read ends.
    private int FindRepeatedWord(string text, int start, int end, SignalHitList hits, out int first, out int last)
    {
        int runStart = -1, runCount = 0, prevWordStart = -1, prevWordEnd = -1, words = 0;
        first = -1;
        for (var i = start; NextWord(text, ref i, end, out var word); )
        {
            first = first < 0 ? word.Start : first;
            if (++words > MaxRepeatSentenceWords)
            {
                last = word.End;
                return words;
            }

            // Lengths first: nearly every word differs from the one before in length, and that costs one comparison.
            var length = word.End - word.Start;
            var same = prevWordStart >= 0
                && length == prevWordEnd - prevWordStart
                && OnlySpacesAndCommas(text, prevWordEnd, word.Start)
                && text.AsSpan(word.Start, length).Equals(text.AsSpan(prevWordStart, length), StringComparison.OrdinalIgnoreCase);
            if (!same)
            {
                AddRun(hits, runStart, runCount, prevWordEnd);
                (runStart, runCount) = (word.Start, 0);
            }

            runCount++;
            (prevWordStart, prevWordEnd) = (word.Start, word.End);
        }

        AddRun(hits, runStart, runCount, prevWordEnd);
        last = prevWordEnd;
        return words;
    }

    private static bool OnlySpacesAndCommas(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is not (' ' or ','))
            {
                return false;
            }
        }

        return true;
    }

    private void AddRun(SignalHitList hits, int start, int count, int end)
    {
        if (count >= 3)
        {
            hits.Add(new SignalHit(_echo, start, end - start, HitKind.Affirmed));
        }
    }

    // The next word at or after i before end: ASCII letters and apostrophes; a handle, hashtag, link or redaction mark is
    // skipped whole.
    private static bool NextWord(string text, ref int i, int end, out (int Start, int End) word)
    {
        while (i < end)
        {
            var c = text[i];
            if (!char.IsAsciiLetter(c) && c is not ('@' or '#'))
            {
                i++;
                continue;
            }

            if (c is '@' or '#' || IsLinkStart(text, i))
            {
                while (i < end && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                continue;
            }

            var start = i;
            while (i < end && (char.IsAsciiLetter(text[i]) || text[i] is '\'' or '\u2019'))
            {
                i++;
            }

            // A run of x's is a redaction mark (XXXX, XX/XX/XXXX in published complaints), not a word said twice.
            if ((c | 0x20) == 'x' && i - start >= 2 && text.AsSpan(start, i - start).Trim("xX").IsEmpty)
            {
                continue;
            }

            word = (start, i);
            return true;
        }

        word = default;
        return false;
    }
}
