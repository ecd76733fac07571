namespace ComplaintRules;

/// <summary>
/// What happened after a complaint was assessed (step 7, follow-up): which remedies were given, whether it was
/// resolved, how satisfied the customer was, whether it came back. Hosts report it through
/// <see cref="ComplaintMonitor.RecordOutcome"/>; the command-line tool reads it as JSON lines
/// (<see cref="ComplaintJson.ParseOutcome"/>) for the remedy-effectiveness report.
/// </summary>
/// <remarks>Immutable once made; give <see cref="RemediesGiven"/> a list nobody changes afterwards.</remarks>
public sealed class ComplaintOutcome
{
    /// <summary>The lowest satisfaction score.</summary>
    public const int MinSatisfaction = 1;

    /// <summary>The highest satisfaction score.</summary>
    public const int MaxSatisfaction = 5;

    /// <summary>The <see cref="Complaint.Id"/> of the complaint this outcome belongs to.</summary>
    public required string ComplaintId { get; init; }

    /// <summary>The remedies given, as ids of the rule set's remedy catalogue (e.g. <c>refund</c>); empty when none was.</summary>
    public IReadOnlyList<string> RemediesGiven { get; init; } = [];

    /// <summary>Whether the complaint was resolved.</summary>
    public required bool Resolved { get; init; }

    /// <summary>The customer's satisfaction from 1 (very unhappy) to 5 (very happy), when known.</summary>
    public int? Satisfaction { get; init; }

    /// <summary>Whether the customer came back about the same matter after it was closed.</summary>
    public bool Reopened { get; init; }

    /// <summary>From receipt to resolution, when resolved.</summary>
    public TimeSpan? TimeToResolve { get; init; }

    /// <summary>Throws when a field is out of range; the message names the field.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ComplaintId))
        {
            throw new ArgumentException("The outcome has no ComplaintId.", nameof(ComplaintId));
        }

        if (Satisfaction is < MinSatisfaction or > MaxSatisfaction)
        {
            throw new ArgumentOutOfRangeException(nameof(Satisfaction), Satisfaction, $"Satisfaction must be from {MinSatisfaction} to {MaxSatisfaction}.");
        }

        if (TimeToResolve < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeToResolve), TimeToResolve, "TimeToResolve must not be negative.");
        }

        ArgumentNullException.ThrowIfNull(RemediesGiven, nameof(RemediesGiven));
    }
}
