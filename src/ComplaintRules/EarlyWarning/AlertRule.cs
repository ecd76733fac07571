using System.Text.Json.Serialization;

namespace ComplaintRules;

/// <summary>The kind of threshold an <see cref="AlertRule"/> watches.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertRuleType>))]
public enum AlertRuleType
{
    /// <summary>A category's count over the window rises by at least <see cref="AlertRule.RisePercent"/> over the window before it (e.g. week over week).</summary>
    [JsonStringEnumMemberName("rise")]
    Rise,
    /// <summary>At least <see cref="AlertRule.Threshold"/> complaints of a category within the window (e.g. critical complaints in an hour).</summary>
    [JsonStringEnumMemberName("volume")]
    Volume,
    /// <summary>The same customer complains at least <see cref="AlertRule.Threshold"/> times within the window (<see cref="Complaint.CustomerId"/>).</summary>
    [JsonStringEnumMemberName("repeat_customer")]
    RepeatCustomer,
    /// <summary>
    /// Outcomes (<see cref="ComplaintMonitor.RecordOutcome"/>): the window's mean satisfaction falls below
    /// <see cref="AlertRule.Below"/>, or below the previous window's by <see cref="AlertRule.DropBy"/>, over at least
    /// <see cref="AlertRule.MinCount"/> rated outcomes. Active while that holds; cleared when it no longer does.
    /// </summary>
    [JsonStringEnumMemberName("satisfaction_drop")]
    SatisfactionDrop,
    /// <summary>
    /// Outcomes: at least <see cref="AlertRule.RatePercent"/> percent of the window's outcomes (at least
    /// <see cref="AlertRule.MinCount"/>) were reopened. Active while that holds; cleared when it no longer does.
    /// </summary>
    [JsonStringEnumMemberName("reopen_rate")]
    ReopenRate,
}

/// <summary>What an alert rule counts complaints by.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertDimension>))]
public enum AlertDimension
{
    /// <summary>The main conflict type (<see cref="ComplaintAssessment.ConflictType"/>).</summary>
    [JsonStringEnumMemberName("conflict_type")]
    ConflictType,
    /// <summary>The primary cause (<see cref="ComplaintAssessment.PrimaryCause"/>).</summary>
    [JsonStringEnumMemberName("cause")]
    Cause,
    /// <summary>The product (<see cref="Complaint.Product"/>); complaints without one count as <c>unknown</c>.</summary>
    [JsonStringEnumMemberName("product")]
    Product,
    /// <summary>The severity (<see cref="ComplaintAssessment.Severity"/>).</summary>
    [JsonStringEnumMemberName("severity")]
    Severity,
    /// <summary>Outcome rules only: each remedy given (<see cref="ComplaintOutcome.RemediesGiven"/>); outcomes without one count as <c>none</c>.</summary>
    [JsonStringEnumMemberName("remedy")]
    Remedy,
}

/// <summary>A threshold rule from the rule set's <c>alerts</c> section.</summary>
/// <param name="Id">The rule's id (its key in the section).</param>
/// <param name="Type">What it watches.</param>
/// <param name="Dimension">What it counts by; <see langword="null"/> for <see cref="AlertRuleType.RepeatCustomer"/>.</param>
/// <param name="Value">The one category it watches (e.g. <c>critical</c>), or <see langword="null"/> for each category of <paramref name="Dimension"/>.</param>
/// <param name="Window">The sliding window.</param>
/// <param name="Threshold">The count that raises the alert; for <see cref="AlertRuleType.Rise"/>, the least count in the window for a rise to matter.</param>
/// <param name="RisePercent">For <see cref="AlertRuleType.Rise"/>: the least rise over the previous window, in percent.</param>
/// <param name="MinBaseline">For <see cref="AlertRuleType.Rise"/>: the least count in the previous window for a percentage to mean anything.</param>
/// <param name="Description">What the rule is for, for people.</param>
public sealed record AlertRule(string Id, AlertRuleType Type, AlertDimension? Dimension, string? Value, TimeSpan Window, int Threshold,
    double? RisePercent, int MinBaseline, string? Description)
{
    /// <summary>Outcome rules: the fewest outcomes in the window (rated ones, for a satisfaction drop) for the rule to judge at all.</summary>
    public int MinCount { get; init; }

    /// <summary>Satisfaction drop: the mean satisfaction (1–5) under which the alert is raised.</summary>
    public double? Below { get; init; }

    /// <summary>Satisfaction drop: how far the mean may fall below the previous window's (which needs <see cref="MinCount"/> too) before the alert is raised.</summary>
    public double? DropBy { get; init; }

    /// <summary>Reopen rate: the share of reopened outcomes, in percent, from which the alert is raised.</summary>
    public double? RatePercent { get; init; }

    /// <summary>Whether the rule watches outcomes rather than complaints.</summary>
    public bool WatchesOutcomes => Type is AlertRuleType.SatisfactionDrop or AlertRuleType.ReopenRate;
}

/// <summary>An early-warning alert raised by <see cref="ComplaintMonitor"/>.</summary>
/// <param name="RuleId">The alert rule that fired.</param>
/// <param name="Type">The rule's type.</param>
/// <param name="Dimension">What the rule counts by, or <see langword="null"/> for a repeat customer.</param>
/// <param name="Key">The category that crossed the threshold (e.g. <c>price</c>), or the customer id for a repeat customer.</param>
/// <param name="Count">Complaints in the current window.</param>
/// <param name="Baseline">For a rise: complaints in the previous window; otherwise <see langword="null"/>.</param>
/// <param name="Window">The rule's window.</param>
/// <param name="RaisedAt">When the alert was raised (the monitor's clock).</param>
/// <param name="ComplaintId">The complaint that crossed the threshold.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record ComplaintAlert(string RuleId, AlertRuleType Type, AlertDimension? Dimension, string Key, int Count, int? Baseline,
    TimeSpan Window, DateTimeOffset RaisedAt, string ComplaintId, string Message)
{
    /// <summary>Satisfaction drop: the mean satisfaction of the window's rated outcomes (<see cref="Count"/> of them).</summary>
    public double? MeanSatisfaction { get; init; }

    /// <summary>Satisfaction drop: the previous window's mean, over <see cref="Baseline"/> rated outcomes, when it had enough.</summary>
    public double? PreviousMeanSatisfaction { get; init; }

    /// <summary>Reopen rate: the share of the window's outcomes (<see cref="Count"/> of them) that were reopened, in percent.</summary>
    public double? ReopenRatePercent { get; init; }
}
