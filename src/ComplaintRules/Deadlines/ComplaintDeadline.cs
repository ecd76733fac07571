using System.Text.Json.Serialization;

namespace ComplaintRules;

/// <summary>What a regulatory deadline is for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))]
public enum DeadlineKind
{
    /// <summary>Acknowledge receipt of the complaint.</summary>
    [JsonStringEnumMemberName("acknowledge")]
    Acknowledge,
    /// <summary>A first substantive response (e.g. the company response the CFPB expects).</summary>
    [JsonStringEnumMemberName("response")]
    Response,
    /// <summary>A summary resolution communication, for a complaint resolved quickly.</summary>
    [JsonStringEnumMemberName("summary_resolution")]
    SummaryResolution,
    /// <summary>Decide the complaint and tell the customer.</summary>
    [JsonStringEnumMemberName("resolve")]
    Resolve,
    /// <summary>The final response.</summary>
    [JsonStringEnumMemberName("final_response")]
    FinalResponse,
    /// <summary>The longest extension of a deadline, where the regime allows one.</summary>
    [JsonStringEnumMemberName("extension")]
    Extension,
    /// <summary>How long the customer has to ask for a review of the decision.</summary>
    [JsonStringEnumMemberName("review_request")]
    ReviewRequest,
}

/// <summary>The unit a deadline is counted in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineUnit>))]
public enum DeadlineUnit
{
    /// <summary>Calendar days, counted from the day after the start; due at the end of the last day, local time.</summary>
    [JsonStringEnumMemberName("calendar_days")]
    CalendarDays,
    /// <summary>Business days of the regime's calendar, counted from the day after the start; due at the end of the last one.</summary>
    [JsonStringEnumMemberName("business_days")]
    BusinessDays,
    /// <summary>Weeks of seven calendar days; due at the end of the same weekday, local time.</summary>
    [JsonStringEnumMemberName("weeks")]
    Weeks,
    /// <summary>Elapsed hours from the start instant.</summary>
    [JsonStringEnumMemberName("hours")]
    Hours,
}

/// <summary>What a deadline is counted from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineStart>))]
public enum DeadlineStart
{
    /// <summary>The receipt of the complaint (<see cref="Complaint.ReceivedAt"/>).</summary>
    [JsonStringEnumMemberName("receipt")]
    Receipt,
    /// <summary>
    /// The customer's receipt of the firm's decision, which triage cannot know: the due date is left open until the
    /// host sets <see cref="Complaint.DecisionReceivedAt"/>.
    /// </summary>
    [JsonStringEnumMemberName("decision")]
    Decision,
}

/// <summary>A length of time in a deadline unit, e.g. 15 business days.</summary>
/// <remarks>A value: two periods are equal when their amount and unit are (the runtime's field-wise equality).</remarks>
public readonly struct DeadlinePeriod
{
    /// <summary>Creates a period.</summary>
    /// <param name="amount">How many units; zero or more.</param>
    /// <param name="unit">The unit.</param>
    public DeadlinePeriod(int amount, DeadlineUnit unit)
    {
        Amount = amount;
        Unit = unit;
    }

    /// <summary>How many units; zero or more.</summary>
    public int Amount { get; }

    /// <summary>The unit.</summary>
    public DeadlineUnit Unit { get; }
}

/// <summary>One regulatory deadline that applies to a complaint.</summary>
public sealed class ComplaintDeadline
{
    internal ComplaintDeadline(string regime, DeadlineKind kind, DateTimeOffset? due, DeadlinePeriod? period, DeadlineStart from, string basis,
        string? condition, string? note, IReadOnlyList<HandlingStep> mentionIn, string? notice)
    {
        Regime = regime;
        Kind = kind;
        Due = due;
        Period = period;
        From = from;
        Basis = basis;
        Condition = condition;
        Note = note;
        MentionIn = mentionIn;
        Notice = notice;
    }

    /// <summary>The regime's key (e.g. <c>CN-NFRA</c>).</summary>
    public string Regime { get; }

    /// <summary>What the deadline is for.</summary>
    public DeadlineKind Kind { get; }

    /// <summary>The last moment, in the regime's local time with its UTC offset; <see langword="null"/> when it cannot be known at triage (counted from a decision without <see cref="Complaint.DecisionReceivedAt"/>, or a target the regulation leaves open and the host has not set).</summary>
    public DateTimeOffset? Due { get; }

    /// <summary>The period, or <see langword="null"/> for an open target (e.g. "promptly").</summary>
    public DeadlinePeriod? Period { get; }

    /// <summary>What the period is counted from.</summary>
    public DeadlineStart From { get; }

    /// <summary>The legal basis, as the rule set cites it.</summary>
    public string Basis { get; }

    /// <summary>When the deadline applies only under a condition the firm judges (e.g. an extension for a complex case), that condition; otherwise <see langword="null"/>.</summary>
    public string? Condition { get; }

    /// <summary>How the period is counted, when that matters (e.g. time that does not count); may be <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <summary>The handling steps that must mention this deadline to the customer.</summary>
    public IReadOnlyList<HandlingStep> MentionIn { get; }

    /// <summary>What to tell the customer, in the complaint's language; may be <see langword="null"/>.</summary>
    public string? Notice { get; }

    /// <summary>The provision the deadline comes from and when the rule set last checked it, or <see langword="null"/> when the rule set names none.</summary>
    public RegulatorySource? Source { get; internal init; }
}
