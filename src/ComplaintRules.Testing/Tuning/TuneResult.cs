namespace ComplaintRules.Testing;

/// <summary>How <see cref="RuleTuner"/> searches.</summary>
public sealed record TuneOptions
{
    /// <summary>Folds of the cross-validation that reports the scores before and after (at least 2).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seeds the assignment of complaints to folds; the same seed gives the same result.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The cost of moving numbers away from their current values, per unit of scale (1 for a weight or the
    /// threshold, 4 for points, 100 for a priority), in objective points; <see langword="null"/> for 0.5 / √rows,
    /// so a small file moves the numbers little.
    /// </summary>
    public double? Penalty { get; init; }

    /// <summary>Passes over every number; the search also stops at the first pass that changes nothing.</summary>
    public int MaxPasses { get; init; } = 2;
}

/// <summary>One number the tuner changed.</summary>
public sealed class TunedValue
{
    internal TunedValue(string ruleId, string decision, string member, double from, double to)
    {
        RuleId = ruleId;
        Decision = decision;
        Member = member;
        From = from;
        To = to;
    }

    /// <summary>The rule, or empty for the cause threshold.</summary>
    public string RuleId { get; }

    /// <summary>The rule's decision, or <c>settings</c>.</summary>
    public string Decision { get; }

    /// <summary>The member changed: <c>weight</c>, <c>points</c>, <c>priority</c> or <c>causeThreshold</c>.</summary>
    public string Member { get; }

    /// <summary>The value before.</summary>
    public double From { get; }

    /// <summary>The fitted value.</summary>
    public double To { get; }
}

/// <summary>A metric on held-out folds with the numbers as they were and as fitted on the other folds.</summary>
public sealed class CrossValidatedMetric
{
    internal CrossValidatedMetric(string name, double beforeMean, double beforeSpread, double afterMean, double afterSpread)
    {
        Name = name;
        BeforeMean = beforeMean;
        BeforeSpread = beforeSpread;
        AfterMean = afterMean;
        AfterSpread = afterSpread;
    }

    /// <summary>The metric (as in the score report, e.g. <c>primaryCause.accuracy</c>; <c>objective</c> is what the search maximises).</summary>
    public string Name { get; }

    /// <summary>Mean over folds with the current numbers.</summary>
    public double BeforeMean { get; }

    /// <summary>Standard deviation over folds with the current numbers.</summary>
    public double BeforeSpread { get; }

    /// <summary>Mean over folds with the numbers fitted without that fold.</summary>
    public double AfterMean { get; }

    /// <summary>Standard deviation over folds after fitting.</summary>
    public double AfterSpread { get; }
}

/// <summary>The outcome of tuning: cross-validated scores, the changed numbers, and the override layer that applies them.</summary>
public sealed class TuneResult
{
    internal TuneResult()
    {
    }

    /// <summary>Labelled complaints used.</summary>
    public int Rows { get; internal init; }

    /// <summary>Folds used.</summary>
    public int Folds { get; internal init; }

    /// <summary>The penalty per unit of change that was used.</summary>
    public double Penalty { get; internal init; }

    /// <summary>Every metric the labels allow, before and after, on held-out folds only.</summary>
    public IReadOnlyList<CrossValidatedMetric> CrossValidation { get; internal init; } = [];

    /// <summary>The numbers fitted on every row that differ from the current ones, in rule order.</summary>
    public IReadOnlyList<TunedValue> Changes { get; internal init; } = [];

    /// <summary>A rule-set document that applies <see cref="Changes"/>: each changed rule as written in its source, with <c>"override": true</c> and the new number.</summary>
    public string OverrideLayer { get; internal init; } = "";
}
