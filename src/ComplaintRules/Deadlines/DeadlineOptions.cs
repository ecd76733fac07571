namespace ComplaintRules;

/// <summary>How <see cref="ComplaintAnalyzer"/> computes regulatory deadlines (<see cref="ComplaintAssessment.Deadlines"/>).</summary>
/// <remarks>
/// Deadlines are computed only for a complaint whose <see cref="Complaint.Regime"/> is set, or when
/// <see cref="DefaultRegime"/> is; otherwise the analysis pays nothing for them.
/// </remarks>
public sealed class DeadlineOptions
{
    /// <summary>The regime assumed when a complaint names none (e.g. <c>CN-NFRA</c>), or <see langword="null"/> (the default) for no deadlines.</summary>
    public string? DefaultRegime { get; set; }

    /// <summary>
    /// Acknowledgement targets by regime key, for what the regulation leaves open (e.g. UK-FCA's "prompt"
    /// acknowledgement): <c>["UK-FCA"] = new(1, DeadlineUnit.BusinessDays)</c>. A regime without an acknowledge
    /// deadline gets one from its target. Empty by default: open targets are listed without a due date.
    /// </summary>
    public IDictionary<string, DeadlinePeriod> AcknowledgementTargets { get; } = new Dictionary<string, DeadlinePeriod>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Calendars that replace the rule set's calendar of the same id (e.g. your own <c>CN</c> with next year's holidays). Empty by default.</summary>
    public IDictionary<string, IBusinessCalendar> Calendars { get; } = new Dictionary<string, IBusinessCalendar>(StringComparer.Ordinal);

    /// <summary>The clock for complaints without <see cref="Complaint.ReceivedAt"/>: they are taken as received now. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal DeadlineSettings Snapshot()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        foreach (var (regime, target) in AcknowledgementTargets)
        {
            if (target.Amount is < 0 or > Deadlines.RegimeSectionLoader.MaxAmount || !Enum.IsDefined(target.Unit))
            {
                throw new ArgumentException($"AcknowledgementTargets[\"{regime}\"] must have an amount from 0 to {Deadlines.RegimeSectionLoader.MaxAmount} and a known unit, not {target}.", nameof(AcknowledgementTargets));
            }
        }

        return new DeadlineSettings(
            string.IsNullOrWhiteSpace(DefaultRegime) ? null : DefaultRegime.Trim(),
            new Dictionary<string, DeadlinePeriod>(AcknowledgementTargets, StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, IBusinessCalendar>(Calendars, StringComparer.Ordinal),
            TimeProvider);
    }
}

/// <summary>An immutable snapshot of <see cref="DeadlineOptions"/>, taken when the analyzer is created.</summary>
internal sealed record DeadlineSettings(
    string? DefaultRegime,
    Dictionary<string, DeadlinePeriod> AcknowledgementTargets,
    Dictionary<string, IBusinessCalendar> Calendars,
    TimeProvider TimeProvider);
