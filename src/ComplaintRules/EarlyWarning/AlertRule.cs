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
public sealed class AlertRule
{
    internal AlertRule(string id, AlertRuleType type, AlertDimension? dimension, string? value, TimeSpan window,
        int threshold, double? risePercent, int minBaseline, string? description)
    {
        Id = id;
        Type = type;
        Dimension = dimension;
        Value = value;
        Window = window;
        Threshold = threshold;
        RisePercent = risePercent;
        MinBaseline = minBaseline;
        Description = description;
    }

    /// <summary>The rule's id (its key in the section).</summary>
    public string Id { get; }

    /// <summary>What it watches.</summary>
    public AlertRuleType Type { get; }

    /// <summary>What it counts by; <see langword="null"/> for <see cref="AlertRuleType.RepeatCustomer"/>.</summary>
    public AlertDimension? Dimension { get; }

    /// <summary>The one category it watches (e.g. <c>critical</c>), or <see langword="null"/> for each category of <see cref="Dimension"/>.</summary>
    public string? Value { get; }

    /// <summary>The sliding window.</summary>
    public TimeSpan Window { get; }

    /// <summary>The count that raises the alert; for <see cref="AlertRuleType.Rise"/>, the least count in the window for a rise to matter.</summary>
    public int Threshold { get; }

    /// <summary>For <see cref="AlertRuleType.Rise"/>: the least rise over the previous window, in percent.</summary>
    public double? RisePercent { get; }

    /// <summary>For <see cref="AlertRuleType.Rise"/>: the least count in the previous window for a percentage to mean anything.</summary>
    public int MinBaseline { get; }

    /// <summary>What the rule is for, for people.</summary>
    public string? Description { get; }

    /// <summary>Outcome rules: the fewest outcomes in the window (rated ones, for a satisfaction drop) for the rule to judge at all.</summary>
    public int MinCount { get; internal init; }

    /// <summary>Satisfaction drop: the mean satisfaction (1–5) under which the alert is raised.</summary>
    public double? Below { get; internal init; }

    /// <summary>Satisfaction drop: how far the mean may fall below the previous window's (which needs <see cref="MinCount"/> too) before the alert is raised.</summary>
    public double? DropBy { get; internal init; }

    /// <summary>Reopen rate: the share of reopened outcomes, in percent, from which the alert is raised.</summary>
    public double? RatePercent { get; internal init; }

    /// <summary>Whether the rule watches outcomes rather than complaints.</summary>
    public bool WatchesOutcomes => Type is AlertRuleType.SatisfactionDrop or AlertRuleType.ReopenRate;
}

/// <summary>An early-warning alert raised by <see cref="ComplaintMonitor"/>.</summary>
public sealed class ComplaintAlert
{
    internal ComplaintAlert(string ruleId, AlertRuleType type, AlertDimension? dimension, string key, int count,
        int? baseline, TimeSpan window, DateTimeOffset raisedAt, string complaintId, string message)
    {
        RuleId = ruleId;
        Type = type;
        Dimension = dimension;
        Key = key;
        Count = count;
        Baseline = baseline;
        Window = window;
        RaisedAt = raisedAt;
        ComplaintId = complaintId;
        Message = message;
    }

    /// <summary>The alert rule that fired.</summary>
    public string RuleId { get; }

    /// <summary>The rule's type.</summary>
    public AlertRuleType Type { get; }

    /// <summary>What the rule counts by, or <see langword="null"/> for a repeat customer.</summary>
    public AlertDimension? Dimension { get; }

    /// <summary>The category that crossed the threshold (e.g. <c>price</c>), or the customer id for a repeat customer.</summary>
    public string Key { get; }

    /// <summary>Complaints in the current window.</summary>
    public int Count { get; }

    /// <summary>For a rise: complaints in the previous window; otherwise <see langword="null"/>.</summary>
    public int? Baseline { get; }

    /// <summary>The rule's window.</summary>
    public TimeSpan Window { get; }

    /// <summary>When the alert was raised (the monitor's clock).</summary>
    public DateTimeOffset RaisedAt { get; }

    /// <summary>The complaint that crossed the threshold.</summary>
    public string ComplaintId { get; }

    /// <summary>A sentence for people.</summary>
    public string Message { get; }

    /// <summary>Satisfaction drop: the mean satisfaction of the window's rated outcomes (<see cref="Count"/> of them).</summary>
    public double? MeanSatisfaction { get; internal init; }

    /// <summary>Satisfaction drop: the previous window's mean, over <see cref="Baseline"/> rated outcomes, when it had enough.</summary>
    public double? PreviousMeanSatisfaction { get; internal init; }

    /// <summary>Reopen rate: the share of the window's outcomes (<see cref="Count"/> of them) that were reopened, in percent.</summary>
    public double? ReopenRatePercent { get; internal init; }
}
