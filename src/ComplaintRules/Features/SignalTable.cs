namespace ComplaintRules.Features;

/// <summary>The names of all signals a rule set can count: built-in markers first, then its lexicons.</summary>
internal sealed class SignalTable
{
    /// <summary>Runs of two or more <c>!</c> (also mixed with <c>?</c>).</summary>
    public const string ExclamationRun = "exclamation_run";
    /// <summary>Every <c>!</c>.</summary>
    public const string ExclamationMark = "exclamation_mark";
    /// <summary>Runs of two or more <c>?</c>.</summary>
    public const string QuestionRun = "question_run";
    /// <summary>Words in capitals, in a run of shouting.</summary>
    public const string CapsWord = "caps_word";
    /// <summary>A letter repeated three or more times ("sooo", "啊啊啊").</summary>
    public const string ElongatedWord = "elongated_word";
    /// <summary>A word said again for effect: a sentence of one to three words that repeats the one before ("NONSTOP."), or one word three times in a row in a sentence of at most eight words.</summary>
    public const string Echo = "echo";
    /// <summary>A sentence of one to three words after an earlier sentence ("Lovely.", "Top class."): the terse verdict of a post.</summary>
    public const string ShortSentence = "short_sentence";
    /// <summary>The lexicon of negation cues ("not", "不是"); its phrases negate the signal that follows.</summary>
    public const string Negation = "negation";
    /// <summary>The lexicon of words that turn a sentence ("but", "不过"): the closing part of a text starts after the last one.</summary>
    public const string ClosingTurn = "closing_turn";
    /// <summary>The lexicon of headers that start the firm's own reply below a review ("宾馆反馈", "Response from the owner"): the customer's text ends at the first one.</summary>
    public const string ReplyStart = "reply_start";

    public static readonly string[] BuiltIn = [ExclamationMark, ExclamationRun, QuestionRun, CapsWord, ElongatedWord, Echo, ShortSentence];

    /// <param name="lexicons">The lexicon names, in order.</param>
    /// <param name="negatable">Per lexicon: whether a negation cue before its phrase negates it.</param>
    /// <param name="hides">Per lexicon: whether its phrases hide the phrases of others inside them.</param>
    /// <param name="evidence">Per lexicon: whether its hits can be evidence.</param>
    /// <param name="unread">Signals that only name evidence (the tie-break's), after the lexicons: conditions cannot read them.</param>
    public SignalTable(IReadOnlyList<string> lexicons, IReadOnlyList<bool> negatable, IReadOnlyList<bool>? hides = null, IReadOnlyList<bool>? evidence = null,
        IReadOnlyList<string>? unread = null)
    {
        // Plain loops and a Dictionary: on a cold start, LINQ and a frozen dictionary's analysis of the keys cost ~10 ms
        // of first-call work here, for a table read only while loading and by name lookups.
        var extra = unread?.Count ?? 0;
        var readable = BuiltIn.Length + lexicons.Count;
        Names = new string[readable + extra];
        Negatable = new bool[Names.Length];
        Hides = new bool[Names.Length];
        IsEvidence = new bool[Names.Length];
        Index = new Dictionary<string, int>(readable, StringComparer.Ordinal);
        for (var i = 0; i < Names.Length; i++)
        {
            var lexicon = i - BuiltIn.Length;
            Names[i] = i < BuiltIn.Length ? BuiltIn[i] : lexicon < lexicons.Count ? lexicons[lexicon] : unread![lexicon - lexicons.Count];
            if (lexicon >= 0 && lexicon < lexicons.Count)
            {
                Negatable[i] = negatable[lexicon];
                Hides[i] = hides?[lexicon] ?? false;
                IsEvidence[i] = evidence?[lexicon] ?? true;
            }
            else
            {
                IsEvidence[i] = true;
            }

            if (i < readable)
            {
                Index.Add(Names[i], i);
            }
        }

        AnyHides = Array.IndexOf(Hides, true) >= 0;
        NegationIndex = Index.TryGetValue(Negation, out var neg) ? neg : -1;
        ClosingTurnIndex = Index.TryGetValue(ClosingTurn, out var turn) ? turn : -1;
        ReplyStartIndex = Index.TryGetValue(ReplyStart, out var reply) ? reply : -1;
    }

    /// <summary>The signal index of the <see cref="ReplyStart"/> lexicon, or -1 when the rule set has none.</summary>
    public int ReplyStartIndex { get; }

    /// <summary>The signal index of the <see cref="ClosingTurn"/> lexicon, or -1 when the rule set has none.</summary>
    public int ClosingTurnIndex { get; }

    public string[] Names { get; }

    public bool[] Negatable { get; }

    /// <summary>Per signal: whether a hit of it hides the hits of other lexicons inside its span ("no problem" hides "problem").</summary>
    public bool[] Hides { get; }

    /// <summary>
    /// Per signal: whether its hits can be evidence. A lexicon with <c>"evidence": false</c> is read by guards only (the
    /// customer's own voice, "I", "my", "你", tells a news item from a complaint but supports no finding).
    /// </summary>
    public bool[] IsEvidence { get; }

    /// <summary>Whether any lexicon hides; when none does, the hiding pass is skipped.</summary>
    public bool AnyHides { get; }

    public Dictionary<string, int> Index { get; }

    public int NegationIndex { get; }

    public int Count => Names.Length;
}
