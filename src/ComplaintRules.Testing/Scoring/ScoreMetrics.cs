namespace ComplaintRules.Testing;

/// <summary>Precision, recall and F1 of one class (or of a yes/no decision), with the counts behind them.</summary>
public sealed record ClassScore
{
    /// <summary>Complaints scored (for a yes/no decision; 0 for one class of several).</summary>
    public int N { get; init; }

    /// <summary>Share of correct yes/no decisions (0 for one class of several).</summary>
    public double Accuracy { get; init; }

    /// <summary>True positives over everything predicted as the class; 0 when nothing was.</summary>
    public double Precision { get; init; }

    /// <summary>True positives over everything labelled as the class; 0 when nothing was.</summary>
    public double Recall { get; init; }

    /// <summary>Harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 { get; init; }

    /// <summary>Complaints labelled as the class.</summary>
    public int Support { get; init; }

    /// <summary>Labelled and predicted.</summary>
    public int TruePositives { get; init; }

    /// <summary>Predicted, not labelled.</summary>
    public int FalsePositives { get; init; }

    /// <summary>Labelled, not predicted.</summary>
    public int FalseNegatives { get; init; }
}

/// <summary>The scores of one decision with a label per complaint (primary cause, conflict type, remedy class).</summary>
public sealed record ClassificationScore
{
    /// <summary>Complaints that carry the label.</summary>
    public int N { get; init; }

    /// <summary>Share predicted exactly.</summary>
    public double Accuracy { get; init; }

    /// <summary>Cohen's κ: agreement beyond what the two label distributions give by chance.</summary>
    public double Kappa { get; init; }

    /// <summary>Mean F1 over every class seen in the labels or the predictions.</summary>
    public double MacroF1 { get; init; }

    /// <summary>The accuracy of always answering the most frequent label.</summary>
    public double MajorityBaseline { get; init; }

    /// <summary>Precision, recall and F1 per class.</summary>
    public required IReadOnlyDictionary<string, ClassScore> PerClass { get; init; }

    /// <summary>Counts by label, then by prediction.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion { get; init; }
}

/// <summary>The root causes, each judged present or absent.</summary>
public sealed record CauseScores
{
    /// <summary>Complaints with at least one cause labelled.</summary>
    public int N { get; init; }

    /// <summary>Mean F1 over the causes labelled or found present on some complaint (1 when there is none).</summary>
    public double MacroF1 { get; init; }

    /// <summary>Precision, recall and F1 per cause, over the complaints that label it.</summary>
    public required IReadOnlyDictionary<string, ClassScore> PerCause { get; init; }
}

/// <summary>An ordered decision (severity, intensity).</summary>
public sealed record OrdinalScore
{
    /// <summary>Complaints that carry the label.</summary>
    public int N { get; init; }

    /// <summary>Share predicted exactly.</summary>
    public double Accuracy { get; init; }

    /// <summary>Spearman's ρ with average ranks for ties; 0 when either side is constant.</summary>
    public double Spearman { get; init; }
}

/// <summary>Shares of complaints with a cause and a conflict type backed by evidence (needs no label).</summary>
public sealed record CoverageScore
{
    /// <summary>Complaints scored.</summary>
    public int N { get; init; }

    /// <summary>Share with a root cause that cites evidence.</summary>
    public double WithCause { get; init; }

    /// <summary>Share whose main conflict type cites evidence.</summary>
    public double WithConflict { get; init; }

    /// <summary>Share with both.</summary>
    public double Both { get; init; }
}

/// <summary>One decision a complaint got wrong.</summary>
/// <param name="Decision">The label: <c>primaryCause</c>, <c>causes</c>, <c>conflictType</c>, <c>severity</c>, <c>intensity</c>, <c>remedyClass</c> or <c>isComplaint</c>.</param>
/// <param name="Expected">The label's value.</param>
/// <param name="Actual">What the rule set decided.</param>
public sealed record ScoreError(string Decision, string Expected, string Actual);

/// <summary>A rule that fired for a missed complaint, with the facts it read.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Decision">Its decision.</param>
/// <param name="Outcome">What it decides.</param>
/// <param name="Reads">The facts its condition read, with their values.</param>
public sealed record FiredRule(string RuleId, string Decision, string Outcome, IReadOnlyList<FactValue> Reads);

/// <summary>A complaint the rule set got wrong, with the rules behind the wrong decisions.</summary>
/// <param name="Line">Its line in the file.</param>
/// <param name="Id">Its id.</param>
/// <param name="Weight">How wrong: 1 per wrong class, the share of wrong causes, the distance on severity (/3) and intensity (/4).</param>
/// <param name="Errors">The wrong decisions.</param>
/// <param name="Rules">The rules of those decisions that fired.</param>
public sealed record ScoreMiss(int Line, string Id, double Weight, IReadOnlyList<ScoreError> Errors, IReadOnlyList<FiredRule> Rules);
