using System.Buffers;

namespace ComplaintRules.Features;

/// <summary>
/// Turns a complaint into <see cref="ComplaintFacts"/>: normalises the text, matches every lexicon phrase in one
/// pass, resolves negation, and finds intensity markers (exclamation runs, shouting, elongated words).
/// </summary>
/// <remarks>Immutable and thread-safe; per-call memory comes from the shared array pools. Linear in text length.</remarks>
internal sealed partial class FeatureExtractor
{
    // Negation reaches over at most this many words (Latin) or characters (CJK) between cue and signal.
    private const int LatinNegationWords = 3;
    private const int LatinNegationChars = 30;
    private const int CjkNegationChars = 2;

    private static readonly SearchValues<char> s_capitals = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    private static readonly SearchValues<char> s_hanBlocks = SearchValues.Create(HanBlocks());

    private readonly SignalTable _signals;
    private readonly PhraseMatcher _matcher;
    private readonly ProximityMatcher? _proximity;
    private readonly int _exclamationRun;
    private readonly int _exclamationMark;
    private readonly int _questionRun;
    private readonly int _capsWord;
    private readonly int _elongatedWord;
    private readonly int _echo;
    private readonly int _shortSentence;

    /// <param name="signals">The lexicons and other signals.</param>
    /// <param name="phrases">Every lexicon phrase with its signal.</param>
    /// <param name="patterns">The proximity patterns.</param>
    /// <param name="automaton">A snapshot of the phrase automaton (<see cref="WriteAutomaton"/>): used when it was written
    /// from exactly these phrases, else the automaton is built.</param>
    public FeatureExtractor(SignalTable signals, IEnumerable<(string Phrase, int Signal)> phrases, IReadOnlyList<NearPattern>? patterns = null, byte[]? automaton = null)
    {
        _signals = signals;
        var snapshot = automaton is null ? null : PhraseMatcher.ReadSnapshot(automaton, PhraseMatcher.Fingerprint(phrases as (string, int)[] ?? [.. phrases]));
        _matcher = snapshot ?? BuildMatcher(phrases);
        if (snapshot is not null)
        {
            // Building normalises every phrase, which makes the fold table on the way; reading does not: make it here,
            // next to the loading thread, not in the first analysis.
            TextNormalizer.Prepare();
        }

        _proximity = patterns is { Count: > 0 } ? new ProximityMatcher([.. patterns], signals.Count) : null;
        _exclamationRun = signals.Index[SignalTable.ExclamationRun];
        _exclamationMark = signals.Index[SignalTable.ExclamationMark];
        _questionRun = signals.Index[SignalTable.QuestionRun];
        _capsWord = signals.Index[SignalTable.CapsWord];
        _elongatedWord = signals.Index[SignalTable.ElongatedWord];
        _echo = signals.Index[SignalTable.Echo];
        _shortSentence = signals.Index[SignalTable.ShortSentence];
    }

    public SignalTable Signals => _signals;

    /// <summary>A snapshot of the phrase automaton that <paramref name="phrases"/> make, for the constructor to read.</summary>
    public static byte[] WriteAutomaton((string Phrase, int Signal)[] phrases) => BuildMatcher(phrases).WriteSnapshot(PhraseMatcher.Fingerprint(phrases));

    private static PhraseMatcher BuildMatcher(IEnumerable<(string Phrase, int Signal)> phrases) =>
        PhraseMatcher.Build(TextingSpellings.WithShortForms(ContractionSpellings.WithApostropheDropped(phrases)));

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
        MatchPhrases(text, HitKind.Affirmed, language, hits, markers: true);
        FindShouting(text, hits);
        if (language != "zh")
        {
            FindEchoes(text, hits);
        }

        var end = CustomerTextEnd(text, hits);
        if (!string.IsNullOrWhiteSpace(complaint.CustomerDemand))
        {
            var demand = complaint.CustomerDemand.Length > text.Length + 1024 ? complaint.CustomerDemand[..(text.Length + 1024)] : complaint.CustomerDemand;
            MatchPhrases(demand, HitKind.Demand, language, hits);
        }

        hits.CountAndLink(_signals.Count, counts.AsSpan(0, size), ComplaintFacts.CountsPerSignal, ClosingStart(text.AsSpan(0, end), hits)); // the evidence index's links too

        return new ComplaintFacts(_signals, complaint, language, end, counts);
    }

    // The customer's words end where the firm's reply below them starts ("…隔音太差，不会再住了。宾馆反馈：谢谢您的入住和建议…"):
    // the reply's thanks and apologies are not the customer's, so no hit from there on counts, and Length and the
    // closing part end there too. The text's length when the rule set has no reply_start lexicon or the text no header.
    private int CustomerTextEnd(string text, SignalHitList hits)
    {
        var reply = _signals.ReplyStartIndex;
        if (reply < 0)
        {
            return text.Length;
        }

        var end = text.Length;
        foreach (ref readonly var hit in hits.Items)
        {
            if (hit.Signal == reply && hit.Kind == HitKind.Affirmed)
            {
                end = Math.Min(end, hit.Start);
            }
        }

        if (end < text.Length)
        {
            hits.KeepBefore(end);
        }

        return end;
    }

    // The closing part: the last sentence, from after the last turn in it ("…晚了十分钟，不过菜还是热的，下次还点").
    private int ClosingStart(ReadOnlySpan<char> text, SignalHitList hits)
    {
        var start = ClosingSentenceStart(text);
        var turn = _signals.ClosingTurnIndex;
        if (turn < 0)
        {
            return start;
        }

        var closing = start;
        foreach (ref readonly var hit in hits.Items)
        {
            if (hit.Signal == turn && hit.Kind == HitKind.Affirmed && hit.Start >= start)
            {
                closing = Math.Max(closing, hit.Start + hit.Length);
            }
        }

        return closing;
    }

    /// <summary>
    /// Where the text's closing sentence starts: after the last sentence end (<c>. ! ?</c>, their full-width forms,
    /// <c>。</c>, a line break) that is not part of the closing marks, emoji and spaces at the very end; 0 when there is
    /// none. A <c>.</c>, <c>!</c> or <c>?</c> with a letter or digit right after it ("£4.50", "t.co") ends nothing.
    /// Tags at the very end (#话题#, #hashtag, @handle, a link) go with the closing marks: a post's verdict is the
    /// sentence before them ("榴莲千层yyds！！！#甜品#").
    /// </summary>
    internal static int ClosingSentenceStart(ReadOnlySpan<char> text)
    {
        var end = WithoutClosingMarks(text, text.Length); // "… again. 👍" and "点赞！！" keep their closing marks with them
        for (var skipped = 0; skipped < MaxTrailingTags; skipped++)
        {
            var tag = TrailingTagStart(text[..end]);
            if (tag < 0)
            {
                break;
            }

            end = WithoutClosingMarks(text, tag);
        }

        for (var i = end - 1; i >= 0; i--)
        {
            switch (text[i])
            {
                case '。' or '！' or '？' or '\n':
                    return i + 1;
                case '.' or '!' or '?' when i + 1 < text.Length && !char.IsLetterOrDigit(text[i + 1]):
                    return i + 1;
            }
        }

        return 0;
    }

    // A post ends on a few tags; the cap keeps the scan linear in the text whatever it holds ("@a!@a!@a!…" would
    // otherwise cost a search of the whole text per tag).
    private const int MaxTrailingTags = 8;

    private static int WithoutClosingMarks(ReadOnlySpan<char> text, int end)
    {
        while (end > 0 && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    // Where a tag that ends the text starts (its closing marks already trimmed, so #话题# ends in 题), or -1: a run of
    // letters, digits and underscores right after # or @ that starts the text or follows a character that is not part
    // of a word; or a link, the last word starting with http.
    private static int TrailingTagStart(ReadOnlySpan<char> text)
    {
        var word = text.LastIndexOfAny(' ', '\n', '\t') + 1;
        if (text[word..].StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return word;
        }

        var i = text.Length;
        while (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_'))
        {
            i--;
        }

        var tagged = i > 0 && i < text.Length && text[i - 1] is '#' or '@' && (i == 1 || !char.IsLetterOrDigit(text[i - 2]));
        return tagged ? i - 1 : -1;
    }

    /// <summary>Detects the language: <c>zh</c> when Han characters carry the text, else <c>en</c>.</summary>
    public static string DetectLanguage(ReadOnlySpan<char> text)
    {
        var sample = text.Length > 4000 ? text[..4000] : text;
        if (!sample.ContainsAny(s_hanBlocks))
        {
            return "en"; // no Han character at all (one vectorised scan; the range holds both blocks below)
        }

        // An English word is about four letters, a Chinese word one or two characters. The count stops once the
        // characters left could not bring enough letters to outweigh the Han ones (a Chinese text: a fifth of the way).
        int han = 0, latin = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var c = sample[i];
            if (IsHan(c))
            {
                han++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }

            if ((i & 15) == 15 && han > 0 && han * 4 >= latin + (sample.Length - i - 1))
            {
                return "zh";
            }
        }

        return han > 0 && han * 4 >= latin ? "zh" : "en";
    }

    // A Han character of the two blocks Chinese text is written in (unified ideographs and extension A).
    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    // U+3400 to U+9FFF: both blocks DetectLanguage counts, and the hexagrams between them.
    private static string HanBlocks() => string.Create(0x9FFF - 0x3400 + 1, 0, static (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(0x3400 + i);
        }
    });

    // markers: also the punctuation runs and elongated words, found on the normalised text (after the phrases' hits).
    private void MatchPhrases(string text, HitKind kind, string language, SignalHitList hits, bool markers = false)
    {
        var norm = ArrayPool<char>.Shared.Rent(text.Length + 1);
        var map = ArrayPool<int>.Shared.Rent(text.Length + 1);
        var first = hits.Count;
        try
        {
            var n = TextNormalizer.Normalize(text, norm, map);
            var normalized = norm.AsSpan(0, n);
            var sink = new Sink(hits, kind);
            _matcher.Match(normalized, ref sink, twoChains: language == "en"); // see PhraseMatcher.Match
            DropNestedPhraseHits(hits, first);
            // A word inside a fixed expression is no word of its own for a pattern either ("要求我" holds no demand
            // for a demand-then-pay pattern to start from): hide before the patterns, and again after them for their hits.
            HideCoveredHits(normalized.Length, hits, first, hits.Count - first);
            var phraseEnd = hits.Count; // the phrase hits, [first, phraseEnd), come in order of end

            // Before negation: a pattern hit is a phrase like any other, so a cue inside its span is no cue.
            _proximity?.Match(normalized, hits, first, kind, language);
            ResolveNegation(normalized, hits, first, phraseEnd);
            // The phrase hits are still in order of end, unless negation removed some of a demand's (then none is taken as sorted).
            HideCoveredHits(normalized.Length, hits, first, kind == HitKind.Affirmed ? phraseEnd - first : 0);

            // Back to offsets in the original text. Normalising never adds a character: when it dropped none either
            // (no runs of whitespace, none at the ends: most texts), every offset is already the original's.
            if (n != text.Length)
            {
                for (var i = first; i < hits.Count; i++)
                {
                    ref var hit = ref hits[i];
                    var start = map[hit.Start];
                    var end = map[hit.Start + hit.Length - 1] + 1;
                    hit = hit with { Start = start, Length = end - start };
                }
            }

            if (markers)
            {
                FindMarkers(normalized, map, hits);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(norm);
            ArrayPool<int>.Shared.Return(map);
        }
    }

    private struct Sink(SignalHitList hits, HitKind kind) : IPhraseSink
    {
        public readonly void OnMatch(int family, int start, int length) => hits.Add(new SignalHit(family, start, length, kind));
    }
}
