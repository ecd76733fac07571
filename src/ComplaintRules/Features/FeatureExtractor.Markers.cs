using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ComplaintRules.Features;

// The intensity markers: punctuation runs, elongated words and shouting, found after the phrases' hits.
internal sealed partial class FeatureExtractor
{
    // Punctuation runs and elongated words. The normalised text is folded already (no table lookups), and its runs
    // of characters other than the space are the folded text's: normalising only collapses whitespace to one space,
    // so such a run is contiguous in the original text too, at map[start].
    private void FindMarkers(ReadOnlySpan<char> text, int[] map, SignalHitList hits)
    {
        var i = 0;
        while (i < text.Length)
        {
            i = NextMarkerStart(text, i);
            if (i == text.Length)
            {
                break;
            }

            var c = text[i];
            var j = i + 1;
            if (c is '!' or '?')
            {
                var bangs = 0;
                for (j = i; j < text.Length && text[j] is '!' or '?'; j++)
                {
                    if (text[j] == '!')
                    {
                        bangs++;
                        hits.Add(new SignalHit(_exclamationMark, map[j], 1, HitKind.Affirmed));
                    }
                }

                if (j - i >= 2)
                {
                    hits.Add(new SignalHit(bangs > 0 ? _exclamationRun : _questionRun, map[i], j - i, HitKind.Affirmed));
                }
            }
            else
            {
                while (j < text.Length && text[j] == c)
                {
                    j++;
                }

                // The letter test (a Unicode table for Han characters) only for the rare run of three.
                if (j - i >= 3 && c is not ('x' or 'w' or ' ') && char.IsLetter(c))
                {
                    hits.Add(new SignalHit(_elongatedWord, map[i], j - i, HitKind.Affirmed));
                }
            }

            i = j;
        }
    }

    // Where the scan above can next find something: a '!' or '?', or three equal characters in a row. A run that
    // starts before and ends in a block has fewer than three, so the scan would pass it by all the same; the first
    // such place is always the start of a run (the one before it differs). Vectorised, sixteen characters a step;
    // compiled optimised at its first call, as ReadyToRun code that tests Vector256 is rejected on wider machines.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NextMarkerStart(ReadOnlySpan<char> text, int i)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(text);
        var bang = Vector256.Create((ushort)'!');
        var question = Vector256.Create((ushort)'?');
        while (Vector256.IsHardwareAccelerated && i + Vector256<ushort>.Count + 2 <= chars.Length)
        {
            var v0 = Vector256.Create(chars.Slice(i, Vector256<ushort>.Count));
            var v1 = Vector256.Create(chars.Slice(i + 1, Vector256<ushort>.Count));
            var v2 = Vector256.Create(chars.Slice(i + 2, Vector256<ushort>.Count));
            var found = (Vector256.Equals(v0, v1) & Vector256.Equals(v1, v2)) | Vector256.Equals(v0, bang) | Vector256.Equals(v0, question);
            if (found != Vector256<ushort>.Zero)
            {
                return i + BitOperations.TrailingZeroCount(found.ExtractMostSignificantBits());
            }

            i += Vector256<ushort>.Count;
        }

        return i; // the last characters one at a time
    }

    // Shouting: two or more words in capitals in a row ("THIS IS UNACCEPTABLE"), at least six letters in all.
    // Single capitalised words are usually acronyms (ATM, FCRA); one-letter words ("I", "A") neither count nor break a
    // run; a Chinese character breaks it.
    private void FindShouting(string text, SignalHitList hits)
    {
        int runWords = 0, runLetters = 0, runFirst = hits.Count;
        var i = 0;
        while (i < text.Length)
        {
            if (runWords == 0 && !SkipToCapital(text, ref i))
            {
                break; // no capital letter left: no word in capitals, and no run to end
            }

            // A handle, hashtag or link is a name, not a raised voice ("@ACME_HELP", "#BLACKFRIDAY"); so is a code of
            // capitals joined by a hyphen or a slash ("DFW-ORD", "USB-C").
            if (text[i] is '@' or '#' || IsLinkStart(text, i) || IsJoinedCode(text, i))
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                continue;
            }

            if (!char.IsAsciiLetter(text[i]))
            {
                // A Chinese character is a word of its own, never in capitals: "APP的VIP会员" is two acronyms, no run.
                if (IsHan(text[i]))
                {
                    EndRun(hits, ref runWords, ref runLetters, ref runFirst);
                }

                i++;
                continue;
            }

            var start = i;
            var upper = true;
            var same = true;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                upper &= char.IsAsciiLetterUpper(text[i]);
                same &= char.ToLowerInvariant(text[i]) == char.ToLowerInvariant(text[start]);
                i++;
            }

            var length = i - start;
            if (length == 1)
            {
                continue;
            }

            if (upper && !same)
            {
                hits.Add(new SignalHit(_capsWord, start, length, HitKind.Affirmed));
                runWords++;
                runLetters += length;
                continue;
            }

            EndRun(hits, ref runWords, ref runLetters, ref runFirst);
        }

        EndRun(hits, ref runWords, ref runLetters, ref runFirst);
    }

    // Outside a run only a word in capitals matters: jump to the whitespace-delimited token that holds the next capital.
    // The scan restarts there as it would have reached it (a token after whitespace starts afresh), and the tokens
    // skipped hold no capital, so they could only have ended an empty run. Vectorised; Chinese text has no capitals.
    private static bool SkipToCapital(string text, ref int i)
    {
        var next = text.AsSpan(i).IndexOfAny(s_capitals);
        if (next < 0)
        {
            i = text.Length;
            return false;
        }

        var at = i + next;
        while (at > i && !char.IsWhiteSpace(text[at - 1]))
        {
            at--;
        }

        i = at;
        return true;
    }

    // Capitals (and digits) joined by '-' or '/' up to the next whitespace, at the start of a token: a route or a model.
    private static bool IsJoinedCode(string text, int i)
    {
        if (i > 0 && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] is not ('(' or '"' or '\''))
        {
            return false;
        }

        var joined = false;
        for (var j = i; j < text.Length && !char.IsWhiteSpace(text[j]); j++)
        {
            var c = text[j];
            if (c is '-' or '/')
            {
                joined |= j > i && j + 1 < text.Length && (char.IsAsciiLetterUpper(text[j + 1]) || char.IsAsciiDigit(text[j + 1]));
            }
            else if (char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return joined;
    }

    private static bool IsLinkStart(string text, int i) =>
        (text[i] | 0x20) == 'h'
        && (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]))
        && text.AsSpan(i).StartsWith("http", StringComparison.OrdinalIgnoreCase);

    private static void EndRun(SignalHitList hits, ref int words, ref int letters, ref int first)
    {
        if (words < 2 || letters < 6)
        {
            hits.Truncate(first); // a lone acronym is not shouting
        }

        words = 0;
        letters = 0;
        first = hits.Count;
    }
}
