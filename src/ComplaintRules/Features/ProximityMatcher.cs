using System.Buffers;

namespace ComplaintRules.Features;

/// <summary>One proximity pattern of a lexicon: an occurrence of <paramref name="First"/> followed closely by one of <paramref name="Then"/>.</summary>
/// <param name="Target">The lexicon the pattern's hits count for.</param>
/// <param name="First">The lexicon that comes first.</param>
/// <param name="Then">The lexicon that follows.</param>
/// <param name="Within">Most words (Latin) or characters (CJK) between the two.</param>
/// <param name="Language">The only language the pattern applies to, or <see langword="null"/> for both.</param>
/// <param name="AnyOrder">Whether <paramref name="Then"/> before <paramref name="First"/> counts too.</param>
/// <param name="Scope">What the gap between the two may not cross.</param>
internal readonly record struct NearPattern(int Target, int First, int Then, int Within, string? Language, bool AnyOrder, NearScope Scope = NearScope.Clause);

/// <summary>How far a near pattern reaches: the punctuation that the gap between its two phrases may not cross.</summary>
internal enum NearScope : byte
{
    /// <summary>One clause: <c>,.;:!?</c> stop it.</summary>
    Clause,
    /// <summary>One sentence: only <c>.;!?</c> stop it.</summary>
    Sentence,
    /// <summary>Across sentences: only the word limit stops it ("The listing said free parking. On arrival …").</summary>
    Text,
}

/// <summary>A span of normalised text, as start and end offsets.</summary>
internal readonly record struct TextSpan(int Start, int End);

/// <summary>
/// Finds the occurrences of proximity patterns ("inability within 3 words of a service action") among the phrase
/// hits of one text. Each pattern is a sweep over two hit lists sorted by end: for each <c>then</c> hit, the nearest
/// <c>first</c> hit ending before it, so the cost is linear in the hits (plus the few hits that end inside a
/// <c>then</c> hit). Patterns run in dependency order, so a pattern may build on another lexicon's patterns.
/// </summary>
/// <remarks>Immutable and thread-safe; per-call memory comes from the shared array pools.</remarks>
internal sealed class ProximityMatcher
{
    /// <summary>What ends a clause (full-width forms are folded to these): near patterns and negation stop here.</summary>
    internal static readonly BreakSet ClauseBreaks = new(",.;:!?");
    private static readonly BreakSet s_sentenceBreaks = new(".;!?");

    private readonly NearPattern[] _patterns; // grouped by target, targets in dependency order
    private readonly NearPattern[] _zh;       // the same, only those that apply to Chinese text
    private readonly NearPattern[] _en;       // and to English text
    private readonly int[] _slotOf;           // signal -> slot of a lexicon that patterns read, or -1
    private readonly int _slotCount;
    private readonly bool[] _isTarget;

    public ProximityMatcher(NearPattern[] patterns, int signalCount)
    {
        _patterns = patterns;
        _zh = [.. patterns.Where(p => p.Language is null or "zh")];
        _en = [.. patterns.Where(p => p.Language is null or "en")];
        _slotOf = new int[signalCount];
        _isTarget = new bool[signalCount];
        Array.Fill(_slotOf, -1);
        foreach (var p in patterns)
        {
            _isTarget[p.Target] = true;
            foreach (var signal in (ReadOnlySpan<int>)[p.First, p.Then])
            {
                if (_slotOf[signal] < 0)
                {
                    _slotOf[signal] = _slotCount++;
                }
            }
        }
    }

    public IReadOnlyList<NearPattern> Patterns => _patterns;

    /// <summary>Whether a signal's occurrences come (also) from proximity patterns.</summary>
    public bool IsTarget(int signal) => _isTarget[signal];

    /// <summary>
    /// Adds the pattern hits of one text to <paramref name="hits"/>, reading the phrase hits from index
    /// <paramref name="first"/> on; offsets are in <paramref name="text"/> (normalised).
    /// </summary>
    public void Match(ReadOnlySpan<char> text, SignalHitList hits, int first, HitKind kind, string language)
    {
        var segments = ArrayPool<int>.Shared.Rent((2 * _slotCount) + 1); // [2s] start, [2s + 1] length in the arena
        var arena = new SpanArena(hits.Count - first);
        try
        {
            if (Gather(hits, first, segments, ref arena) == 0)
            {
                return; // patterns combine phrase hits: none, no pattern hit
            }

            var patterns = language switch { "zh" => _zh, "en" => _en, _ => _patterns }; // no language test a pattern
            var g = 0;
            while (g < patterns.Length)
            {
                var target = patterns[g].Target;
                var accStart = arena.Count;
                var accLength = 0;
                for (; g < patterns.Length && patterns[g].Target == target; g++)
                {
                    var p = patterns[g];
                    if (patterns == _patterns && p.Language is not null && p.Language != language)
                    {
                        continue;
                    }

                    int f = _slotOf[p.First], t = _slotOf[p.Then];
                    if (segments[(2 * f) + 1] == 0 || segments[(2 * t) + 1] == 0)
                    {
                        continue; // a lexicon without hits: no pattern hit either way round (most patterns of a short text)
                    }

                    AddRun(Sweep(text, segments[2 * f], segments[(2 * f) + 1], segments[2 * t], segments[(2 * t) + 1], p.Within, p.Scope, ref arena),
                        ref accStart, ref accLength, ref arena);
                    if (p.AnyOrder)
                    {
                        AddRun(Sweep(text, segments[2 * t], segments[(2 * t) + 1], segments[2 * f], segments[(2 * f) + 1], p.Within, p.Scope, ref arena),
                            ref accStart, ref accLength, ref arena);
                    }
                }

                foreach (var span in arena.Slice(accStart, accLength))
                {
                    var end = span.End;
                    while (end < text.Length && PhraseMatcher.IsWordChar(text[end]) && PhraseMatcher.IsWordChar(text[end - 1]))
                    {
                        end++; // evidence shows whole words: "can't be swiped", not "can't be swipe" of "swipe*"
                    }

                    hits.Add(new SignalHit(target, span.Start, end - span.Start, kind, FromPattern: true));
                }

                // A later pattern may read this lexicon: it sees the phrase hits and the pattern hits together.
                var slot = _slotOf[target];
                if (slot >= 0 && accLength > 0)
                {
                    var merged = Merge(segments[2 * slot], segments[(2 * slot) + 1], accStart, accLength, ref arena);
                    segments[2 * slot] = merged.Start;
                    segments[(2 * slot) + 1] = merged.Length;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(segments);
            arena.Dispose();
        }
    }

    // The hits of the lexicons patterns read, grouped by slot: a stable counting sort, so each group stays sorted by end.
    private int Gather(SignalHitList hits, int first, int[] segments, ref SpanArena arena)
    {
        segments.AsSpan(0, 2 * _slotCount).Clear();
        var phrases = hits.Items[first..];
        var slotOf = _slotOf;
        var total = 0;
        foreach (ref readonly var hit in phrases)
        {
            var slot = slotOf[hit.Signal];
            if (slot >= 0)
            {
                segments[(2 * slot) + 1]++;
                total++;
            }
        }

        if (total == 0)
        {
            return 0;
        }

        // [2s] is first the end of slot s's group; filled from the back, it steps down to the group's start.
        var end = 0;
        for (var s = 0; s < _slotCount; s++)
        {
            end += segments[(2 * s) + 1];
            segments[2 * s] = end;
        }

        arena.Reserve(total);
        var items = arena.Raw;
        for (var i = phrases.Length - 1; i >= 0; i--)
        {
            ref readonly var hit = ref phrases[i];
            var slot = slotOf[hit.Signal];
            if (slot >= 0)
            {
                items[--segments[2 * slot]] = new TextSpan(hit.Start, hit.Start + hit.Length);
            }
        }

        arena.Count = total;
        return total;
    }

    /// <summary>
    /// For each <c>then</c> hit, the nearest <c>first</c> hit that ends at or before its start (the longest of those
    /// ending there); a hit from the start of that one to the end of the <c>then</c> hit when the gap is close enough.
    /// Both inputs are sorted by (end, start); so is the output, appended to the arena.
    /// </summary>
    internal static (int Start, int Length) Sweep(ReadOnlySpan<char> text, int firstStart, int firstLength, int thenStart, int thenLength,
        int within, NearScope scope, ref SpanArena arena)
    {
        var outStart = arena.Count;
        if (firstLength == 0 || thenLength == 0)
        {
            return (outStart, 0);
        }

        arena.Reserve(arena.Count + thenLength); // at most one hit per then hit; the slices below stay valid
        var firsts = arena.Slice(firstStart, firstLength);
        var thens = arena.Slice(thenStart, thenLength);
        var j = -1; // the last first hit ending at or before the current then hit's end
        foreach (var t in thens)
        {
            while (j + 1 < firsts.Length && firsts[j + 1].End <= t.End)
            {
                j++;
            }

            var k = j;
            while (k >= 0 && firsts[k].End > t.Start)
            {
                k--; // ends inside the then hit: not before it
            }

            if (k < 0)
            {
                continue;
            }

            while (k > 0 && firsts[k - 1].End == firsts[k].End)
            {
                k--; // the longest of those ending there
            }

            if (IsClose(text, firsts[k].End, t.Start, within, scope))
            {
                arena.Append(new TextSpan(firsts[k].Start, t.End));
            }
        }

        // Then hits ending together may pick first hits out of start order: an insertion sort fixes those few.
        var output = arena.Slice(outStart, arena.Count - outStart);
        for (var i = 1; i < output.Length; i++)
        {
            var item = output[i];
            var m = i - 1;
            while (m >= 0 && Compare(output[m], item) > 0)
            {
                output[m + 1] = output[m];
                m--;
            }

            output[m + 1] = item;
        }

        return (outStart, output.Length);
    }

    /// <summary>
    /// Whether the gap between two hits is within reach: no clause break (<c>,.;:!?</c>; full-width forms are folded
    /// to these; a separator inside a number is none), in <see cref="NearScope.Sentence"/> no sentence break (<c>.;!?</c>), in <see cref="NearScope.Text"/>
    /// any punctuation; and at most <paramref name="within"/> words, where a CJK character is a word of its own.
    /// </summary>
    internal static bool IsClose(ReadOnlySpan<char> text, int from, int to, int within, NearScope scope = NearScope.Clause)
    {
        var gap = text[from..to];
        if (scope != NearScope.Text && (scope == NearScope.Sentence ? s_sentenceBreaks : ClauseBreaks).AnyIn(text, from, to))
        {
            return false;
        }

        var i = 0;
        if (from > 0 && PhraseMatcher.IsWordChar(text[from - 1]))
        {
            while (i < gap.Length && PhraseMatcher.IsWordChar(gap[i]))
            {
                i++; // the rest of a word an open-ended phrase ("refund*") began
            }
        }

        var words = 0;
        var inWord = false;
        for (; i < gap.Length; i++)
        {
            var c = gap[i];
            if (c == ' ')
            {
                inWord = false;
                continue;
            }

            if (IsCjk(c))
            {
                words++;
                inWord = false;
            }
            else if (!inWord)
            {
                words++;
                inWord = true;
            }

            if (words > within)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\uD7FF' or >= '\uF900' and <= '\uFAFF';

    private static int Compare(TextSpan a, TextSpan b) => a.End != b.End ? a.End.CompareTo(b.End) : a.Start.CompareTo(b.Start);

    // Folds a new sorted run into the running result of a lexicon's patterns.
    private static void AddRun((int Start, int Length) run, ref int accStart, ref int accLength, ref SpanArena arena)
    {
        if (run.Length == 0)
        {
            return;
        }

        if (accLength == 0)
        {
            (accStart, accLength) = run;
            return;
        }

        (accStart, accLength) = Merge(accStart, accLength, run.Start, run.Length, ref arena);
    }

    // Merges two sorted runs into a new sorted run at the end of the arena, keeping one of equal spans.
    private static (int Start, int Length) Merge(int aStart, int aLength, int bStart, int bLength, ref SpanArena arena)
    {
        var outStart = arena.Count;
        arena.Reserve(arena.Count + aLength + bLength);
        var a = arena.Slice(aStart, aLength);
        var b = arena.Slice(bStart, bLength);
        int i = 0, j = 0;
        var last = new TextSpan(-1, -1);
        while (i < a.Length || j < b.Length)
        {
            var next = j >= b.Length || (i < a.Length && Compare(a[i], b[j]) <= 0) ? a[i++] : b[j++];
            if (next != last)
            {
                arena.Append(next);
                last = next;
            }
        }

        return (outStart, arena.Count - outStart);
    }
}
