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
/// <param name="RuleId">The rule, or empty for the cause threshold.</param>
/// <param name="Decision">The rule's decision, or <c>settings</c>.</param>
/// <param name="Member">The member changed: <c>weight</c>, <c>points</c>, <c>priority</c> or <c>causeThreshold</c>.</param>
/// <param name="From">The value before.</param>
/// <param name="To">The fitted value.</param>
public sealed record TunedValue(string RuleId, string Decision, string Member, double From, double To);

/// <summary>A metric on held-out folds with the numbers as they were and as fitted on the other folds.</summary>
/// <param name="Name">The metric (as in the score report, e.g. <c>primaryCause.accuracy</c>; <c>objective</c> is what the search maximises).</param>
/// <param name="BeforeMean">Mean over folds with the current numbers.</param>
/// <param name="BeforeSpread">Standard deviation over folds with the current numbers.</param>
/// <param name="AfterMean">Mean over folds with the numbers fitted without that fold.</param>
/// <param name="AfterSpread">Standard deviation over folds after fitting.</param>
public sealed record CrossValidatedMetric(string Name, double BeforeMean, double BeforeSpread, double AfterMean, double AfterSpread);

/// <summary>The outcome of tuning: cross-validated scores, the changed numbers, and the override layer that applies them.</summary>
public sealed record TuneResult
{
    /// <summary>Labelled complaints used.</summary>
    public int Rows { get; init; }

    /// <summary>Folds used.</summary>
    public int Folds { get; init; }

    /// <summary>The penalty per unit of change that was used.</summary>
    public double Penalty { get; init; }

    /// <summary>Every metric the labels allow, before and after, on held-out folds only.</summary>
    public required IReadOnlyList<CrossValidatedMetric> CrossValidation { get; init; }

    /// <summary>The numbers fitted on every row that differ from the current ones, in rule order.</summary>
    public required IReadOnlyList<TunedValue> Changes { get; init; }

    /// <summary>A rule-set document that applies <see cref="Changes"/>: each changed rule as written in its source, with <c>"override": true</c> and the new number.</summary>
    public required string OverrideLayer { get; init; }
}
