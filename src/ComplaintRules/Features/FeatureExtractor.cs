using System.Buffers;

namespace ComplaintRules.Features;

/// <summary>
/// Turns a complaint into <see cref="ComplaintFacts"/>: normalises the text, matches every lexicon phrase in one
/// pass, resolves negation, and finds intensity markers (exclamation runs, shouting, elongated words).
/// </summary>
/// <remarks>Immutable and thread-safe; per-call memory comes from the shared array pools. Linear in text length.</remarks>
internal sealed class FeatureExtractor
{
    // Negation reaches over at most this many words (Latin) or characters (CJK) between cue and signal.
    private const int LatinNegationWords = 3;
    private const int LatinNegationChars = 30;
    private const int CjkNegationChars = 2;

    private readonly SignalTable _signals;
    private readonly PhraseMatcher _matcher;
    private readonly ProximityMatcher? _proximity;
    private readonly int _exclamationRun;
    private readonly int _exclamationMark;
    private readonly int _questionRun;
    private readonly int _capsWord;
    private readonly int _elongatedWord;

    public FeatureExtractor(SignalTable signals, IEnumerable<(string Phrase, int Signal)> phrases, IReadOnlyList<NearPattern>? patterns = null)
    {
        _signals = signals;
        _matcher = PhraseMatcher.Build(phrases);
        _proximity = patterns is { Count: > 0 } ? new ProximityMatcher([.. patterns], signals.Count) : null;
        _exclamationRun = signals.Index[SignalTable.ExclamationRun];
        _exclamationMark = signals.Index[SignalTable.ExclamationMark];
        _questionRun = signals.Index[SignalTable.QuestionRun];
        _capsWord = signals.Index[SignalTable.CapsWord];
        _elongatedWord = signals.Index[SignalTable.ElongatedWord];
    }

    public SignalTable Signals => _signals;

    public PhraseMatcher Matcher => _matcher;

    /// <summary>The proximity patterns of the lexicons, or <see langword="null"/> when there are none.</summary>
    public ProximityMatcher? Proximity => _proximity;

    /// <summary>Computes the facts of <paramref name="complaint"/>, whose text has already been cut to the analysis limit.</summary>
    /// <param name="complaint">The complaint (its other fields are read as they are).</param>
    /// <param name="text">The text to analyse.</param>
    /// <param name="language">The language (given or detected).</param>
    /// <param name="hits">Receives every signal occurrence, for evidence.</param>
    public ComplaintFacts Extract(Complaint complaint, string text, string language, SignalHitList hits)
    {
        // Rented: the analyzer gives the counts back once the rules have read them (ComplaintFacts.ReturnCounts).
        var size = _signals.Count * ComplaintFacts.CountsPerSignal;
        var counts = ArrayPool<int>.Shared.Rent(size);
        counts.AsSpan(0, size).Clear();
        MatchPhrases(text, HitKind.Affirmed, language, hits);
        FindMarkers(text, hits);
        if (!string.IsNullOrWhiteSpace(complaint.CustomerDemand))
        {
            var demand = complaint.CustomerDemand.Length > text.Length + 1024 ? complaint.CustomerDemand[..(text.Length + 1024)] : complaint.CustomerDemand;
            MatchPhrases(demand, HitKind.Demand, language, hits);
        }

        foreach (ref readonly var hit in hits.Items)
        {
            counts[(hit.Signal * ComplaintFacts.CountsPerSignal) + (int)hit.Kind]++;
        }

        return new ComplaintFacts(_signals, complaint, language, text.Length, counts);
    }

    /// <summary>Detects the language: <c>zh</c> when Han characters carry the text, else <c>en</c>.</summary>
    public static string DetectLanguage(ReadOnlySpan<char> text)
    {
        var sample = text.Length > 4000 ? text[..4000] : text;
        int han = 0, latin = 0;
        foreach (var c in sample)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                han++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        // An English word is about four letters, a Chinese word one or two characters.
        return han > 0 && han * 4 >= latin ? "zh" : "en";
    }

    private void MatchPhrases(string text, HitKind kind, string language, SignalHitList hits)
    {
        var norm = ArrayPool<char>.Shared.Rent(text.Length + 1);
        var map = ArrayPool<int>.Shared.Rent(text.Length + 1);
        var first = hits.Count;
        try
        {
            var n = TextNormalizer.Normalize(text, norm, map);
            var normalized = norm.AsSpan(0, n);
            var sink = new Sink(hits, kind);
            _matcher.Match(normalized, ref sink);

            // Before negation: a pattern hit is a phrase like any other, so a cue inside its span is no cue.
            _proximity?.Match(normalized, hits, first, kind, language);
            ResolveNegation(normalized, hits, first);

            // Back to offsets in the original text.
            for (var i = first; i < hits.Count; i++)
            {
                ref var hit = ref hits[i];
                var start = map[hit.Start];
                var end = map[hit.Start + hit.Length - 1] + 1;
                hit = hit with { Start = start, Length = end - start };
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(norm);
            ArrayPool<int>.Shared.Return(map);
        }
    }

    // A negation cue ("not", "不是") negates a negatable signal that follows it closely in the same clause. A cue
    // inside a longer phrase ("不满" = dissatisfied) is part of that phrase, not a cue; the same words matched by
    // another lexicon (a building block that lists "no" too) leave it a cue. Linear: prefix arrays.
    private void ResolveNegation(ReadOnlySpan<char> text, SignalHitList hits, int first)
    {
        var cue = _signals.NegationIndex;
        if (cue < 0 || !HasSignal(hits, first, cue))
        {
            return;
        }

        var n = text.Length;
        var startAt = ArrayPool<int>.Shared.Rent(n + 2);
        var minStart = ArrayPool<int>.Shared.Rent(n + 2);
        var lastCueEnd = ArrayPool<int>.Shared.Rent(n + 2);
        try
        {
            // startAt[p]: smallest start of a non-cue hit that ends exactly at p; minStart[p]: ... at or after p.
            startAt.AsSpan(0, n + 2).Fill(int.MaxValue);
            lastCueEnd.AsSpan(0, n + 2).Fill(-1);
            for (var i = first; i < hits.Count; i++)
            {
                var h = hits[i];
                if (h.Signal != cue)
                {
                    var end = h.Start + h.Length;
                    startAt[end] = Math.Min(startAt[end], h.Start);
                }
            }

            minStart[n + 1] = int.MaxValue;
            for (var p = n; p >= 0; p--)
            {
                minStart[p] = Math.Min(startAt[p], minStart[p + 1]);
            }

            // lastCueEnd[p]: end of the latest free cue that ends at or before p. A cue is covered by a hit that
            // starts at or before it and ends after it, or ends with it and starts before it.
            for (var i = first; i < hits.Count; i++)
            {
                var h = hits[i];
                var end = h.Start + h.Length;
                if (h.Signal == cue && minStart[end + 1] > h.Start && startAt[end] >= h.Start)
                {
                    lastCueEnd[end] = end;
                }
            }

            for (var p = 1; p <= n; p++)
            {
                lastCueEnd[p] = Math.Max(lastCueEnd[p], lastCueEnd[p - 1]);
            }

            for (var i = first; i < hits.Count; i++)
            {
                ref var hit = ref hits[i];
                if (hit.Signal == cue || !_signals.Negatable[hit.Signal])
                {
                    continue;
                }

                var cueEnd = lastCueEnd[hit.Start];
                if (cueEnd >= 0 && IsWithinNegationReach(text, cueEnd, hit.Start))
                {
                    hit = hit with { Kind = hit.Kind == HitKind.Demand ? HitKind.NegatedDemand : HitKind.Negated };
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(startAt);
            ArrayPool<int>.Shared.Return(minStart);
            ArrayPool<int>.Shared.Return(lastCueEnd);
        }

        // Negated occurrences in the demand text do not count at all.
        RemoveWhere(hits, first, static h => h.Kind == HitKind.NegatedDemand);
    }

    private static bool HasSignal(SignalHitList hits, int first, int signal)
    {
        for (var i = first; i < hits.Count; i++)
        {
            if (hits[i].Signal == signal)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWithinNegationReach(ReadOnlySpan<char> text, int from, int to)
    {
        var gap = text[from..to];
        var cjk = to < text.Length && !char.IsAscii(text[to]);
        if (gap.Length > (cjk ? CjkNegationChars : LatinNegationChars) || gap.IndexOfAny(ProximityMatcher.ClauseBreaks) >= 0)
        {
            return false;
        }

        if (cjk)
        {
            return true;
        }

        var words = 0;
        var inWord = false;
        foreach (var c in gap)
        {
            var wordChar = c != ' ';
            if (wordChar && !inWord)
            {
                words++;
            }

            inWord = wordChar;
        }

        return words <= LatinNegationWords;
    }

    private static void RemoveWhere(SignalHitList hits, int first, Func<SignalHit, bool> predicate)
    {
        var kept = first;
        for (var i = first; i < hits.Count; i++)
        {
            if (!predicate(hits[i]))
            {
                hits[kept++] = hits[i];
            }
        }

        hits.Truncate(kept);
    }

    private void FindMarkers(string text, SignalHitList hits)
    {
        // Punctuation runs and elongated words, on folded characters: one table lookup each, no culture-aware
        // case mapping (which is slow for the Han characters that make up most of a Chinese complaint).
        var i = 0;
        while (i < text.Length)
        {
            var c = TextNormalizer.Fold(text[i]);
            var j = i + 1;
            if (c is '!' or '?')
            {
                var bangs = 0;
                for (j = i; j < text.Length && TextNormalizer.Fold(text[j]) is '!' or '?'; j++)
                {
                    if (TextNormalizer.Fold(text[j]) == '!')
                    {
                        bangs++;
                        hits.Add(new SignalHit(_exclamationMark, j, 1, HitKind.Affirmed));
                    }
                }

                if (j - i >= 2)
                {
                    hits.Add(new SignalHit(bangs > 0 ? _exclamationRun : _questionRun, i, j - i, HitKind.Affirmed));
                }
            }
            else if (c is not ('x' or 'w' or ' ') && char.IsLetter(c))
            {
                while (j < text.Length && TextNormalizer.Fold(text[j]) == c)
                {
                    j++;
                }

                if (j - i >= 3)
                {
                    hits.Add(new SignalHit(_elongatedWord, i, j - i, HitKind.Affirmed));
                }
            }

            i = j;
        }

        FindShouting(text, hits);
    }

    // Shouting: two or more words in capitals in a row ("THIS IS UNACCEPTABLE"), at least six letters in all.
    // Single capitalised words are usually acronyms (ATM, FCRA); one-letter words ("I", "A") neither count nor break a run.
    private void FindShouting(string text, SignalHitList hits)
    {
        int runWords = 0, runLetters = 0, runFirst = hits.Count;
        var i = 0;
        while (i < text.Length)
        {
            // A handle, hashtag or link is a name, not a raised voice ("@ACME_HELP", "#BLACKFRIDAY").
            if (text[i] is '@' or '#' || IsLinkStart(text, i))
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                continue;
            }

            if (!char.IsAsciiLetter(text[i]))
            {
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

    private static bool IsLinkStart(string text, int i) =>
        (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]))
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

    private struct Sink(SignalHitList hits, HitKind kind) : IPhraseSink
    {
        public readonly void OnMatch(int family, int start, int length) => hits.Add(new SignalHit(family, start, length, kind));
    }
}
