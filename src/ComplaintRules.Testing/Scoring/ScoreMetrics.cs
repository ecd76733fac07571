using System.Collections.ObjectModel;

namespace ComplaintRules.Testing;

/// <summary>Precision, recall and F1 of one class (or of a yes/no decision), with the counts behind them.</summary>
public sealed record ClassScore
{
    /// <summary>Complaints scored (for a yes/no decision; 0 for one class of several).</summary>
    public int N { get; internal init; }

    /// <summary>Share of correct yes/no decisions (0 for one class of several).</summary>
    public double Accuracy { get; internal init; }

    /// <summary>True positives over everything predicted as the class; 0 when nothing was.</summary>
    public double Precision { get; internal init; }

    /// <summary>True positives over everything labelled as the class; 0 when nothing was.</summary>
    public double Recall { get; internal init; }

    /// <summary>Harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 { get; internal init; }

    /// <summary>Complaints labelled as the class.</summary>
    public int Support { get; internal init; }

    /// <summary>Labelled and predicted.</summary>
    public int TruePositives { get; internal init; }

    /// <summary>Predicted, not labelled.</summary>
    public int FalsePositives { get; internal init; }

    /// <summary>Labelled, not predicted.</summary>
    public int FalseNegatives { get; internal init; }
}

/// <summary>The scores of one decision with a label per complaint (primary cause, conflict type, remedy class).</summary>
public sealed class ClassificationScore
{
    internal ClassificationScore()
    {
    }

    /// <summary>Complaints that carry the label.</summary>
    public int N { get; internal init; }

    /// <summary>Share predicted exactly.</summary>
    public double Accuracy { get; internal init; }

    /// <summary>Cohen's κ: agreement beyond what the two label distributions give by chance.</summary>
    public double Kappa { get; internal init; }

    /// <summary>Mean F1 over every class seen in the labels or the predictions.</summary>
    public double MacroF1 { get; internal init; }

    /// <summary>The accuracy of always answering the most frequent label.</summary>
    public double MajorityBaseline { get; internal init; }

    /// <summary>Precision, recall and F1 per class.</summary>
    public IReadOnlyDictionary<string, ClassScore> PerClass { get; internal init; } =
        ReadOnlyDictionary<string, ClassScore>.Empty;

    /// <summary>Counts by label, then by prediction.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion { get; internal init; } =
        ReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>.Empty;
}

/// <summary>The root causes, each judged present or absent.</summary>
public sealed class CauseScores
{
    internal CauseScores()
    {
    }

    /// <summary>Complaints with at least one cause labelled.</summary>
    public int N { get; internal init; }

    /// <summary>Mean F1 over the causes labelled or found present on some complaint (1 when there is none).</summary>
    public double MacroF1 { get; internal init; }

    /// <summary>Precision, recall and F1 per cause, over the complaints that label it.</summary>
    public IReadOnlyDictionary<string, ClassScore> PerCause { get; internal init; } =
        ReadOnlyDictionary<string, ClassScore>.Empty;
}

/// <summary>An ordered decision (severity, intensity).</summary>
public sealed class OrdinalScore
{
    internal OrdinalScore()
    {
    }

    /// <summary>Complaints that carry the label.</summary>
    public int N { get; internal init; }

    /// <summary>Share predicted exactly.</summary>
    public double Accuracy { get; internal init; }

    /// <summary>Spearman's ρ with average ranks for ties; 0 when either side is constant.</summary>
    public double Spearman { get; internal init; }
}

/// <summary>Shares of complaints with a cause and a conflict type backed by evidence (needs no label).</summary>
public sealed class CoverageScore
{
    internal CoverageScore()
    {
    }

    /// <summary>Complaints scored.</summary>
    public int N { get; internal init; }

    /// <summary>Share with a root cause that cites evidence.</summary>
    public double WithCause { get; internal init; }

    /// <summary>Share whose main conflict type cites evidence.</summary>
    public double WithConflict { get; internal init; }

    /// <summary>Share with both.</summary>
    public double Both { get; internal init; }
}

/// <summary>One decision a complaint got wrong.</summary>
public sealed class ScoreError
{
    internal ScoreError(string decision, string expected, string actual)
    {
        Decision = decision;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The label: <c>primaryCause</c>, <c>causes</c>, <c>conflictType</c>, <c>severity</c>, <c>intensity</c>, <c>remedyClass</c> or <c>isComplaint</c>.</summary>
    public string Decision { get; }

    /// <summary>The label's value.</summary>
    public string Expected { get; }

    /// <summary>What the rule set decided.</summary>
    public string Actual { get; }
}

/// <summary>A rule that fired for a missed complaint, with the facts it read.</summary>
public sealed class FiredRule
{
    internal FiredRule(string ruleId, string decision, string outcome, IReadOnlyList<FactValue> reads)
    {
        RuleId = ruleId;
        Decision = decision;
        Outcome = outcome;
        Reads = reads;
    }

    /// <summary>The rule.</summary>
    public string RuleId { get; }

    /// <summary>Its decision.</summary>
    public string Decision { get; }

    /// <summary>What it decides.</summary>
    public string Outcome { get; }

    /// <summary>The facts its condition read, with their values.</summary>
    public IReadOnlyList<FactValue> Reads { get; }
}

/// <summary>A complaint the rule set got wrong, with the rules behind the wrong decisions.</summary>
public sealed class ScoreMiss
{
    internal ScoreMiss(int line, string id, double weight, IReadOnlyList<ScoreError> errors, IReadOnlyList<FiredRule> rules)
    {
        Line = line;
        Id = id;
        Weight = weight;
        Errors = errors;
        Rules = rules;
    }

    /// <summary>Its line in the file.</summary>
    public int Line { get; }

    /// <summary>Its id.</summary>
    public string Id { get; }

    /// <summary>How wrong: 1 per wrong class, the share of wrong causes, the distance on severity (/3) and intensity (/4).</summary>
    public double Weight { get; }

    /// <summary>The wrong decisions.</summary>
    public IReadOnlyList<ScoreError> Errors { get; }

    /// <summary>The rules of those decisions that fired.</summary>
    public IReadOnlyList<FiredRule> Rules { get; }
}
