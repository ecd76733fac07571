using ComplaintRules.Features;

namespace ComplaintRules;

/// <summary>
/// A regulatory regime from the rule set's <c>regimes</c> section: its legal basis, local time zone, calendar and
/// deadlines. Immutable and thread-safe.
/// </summary>
internal sealed class RegulatoryRegime
{
    internal RegulatoryRegime(string key, string name, TimeZoneInfo timeZone, IBusinessCalendar calendar, IReadOnlyList<string> basis,
        DateOnly validFrom, IReadOnlyList<RegimeDeadline> deadlines)
    {
        Key = key;
        Name = name;
        TimeZone = timeZone;
        Calendar = calendar;
        Basis = ReadOnlyLists.Of(basis.ToArray());
        ValidFrom = validFrom;
        Deadlines = ReadOnlyLists.Of(deadlines.ToArray()); // shared: no caller may change the rule set

        // Computed on first use: Sources is set after construction, and every analysis of the regime reads it.
        _lastChecked = new(() => Sources.Concat(Deadlines.Select(d => d.Source).OfType<RegulatorySource>()).Select(s => (DateOnly?)s.Checked).Min());
    }

    private readonly Lazy<DateOnly?> _lastChecked;

    /// <summary>The key complaints name in <see cref="Complaint.Regime"/> (e.g. <c>CN-NFRA</c>).</summary>
    public string Key { get; }

    /// <summary>The regime's name.</summary>
    public string Name { get; }

    /// <summary>The local time zone deadlines are counted in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The calendar of working days.</summary>
    public IBusinessCalendar Calendar { get; }

    /// <summary>The legal instruments the regime rests on.</summary>
    public IReadOnlyList<string> Basis { get; }

    /// <summary>The first local date the regime applies to; complaints received earlier get no deadlines from it.</summary>
    public DateOnly ValidFrom { get; }

    /// <summary>The deadline definitions, in file order.</summary>
    public IReadOnlyList<RegimeDeadline> Deadlines { get; }

    /// <summary>Where the regime's facts come from, with the day each was last checked; empty when the rule set names none.</summary>
    public IReadOnlyList<RegulatorySource> Sources { get; internal init; } = [];

    /// <summary>
    /// The oldest day any part of the regime (its own sources and its deadlines') was last checked, or
    /// <see langword="null"/> when it names no source. A complaint received more than a year later gets a warning
    /// (<see cref="WarningCodes.RegimeDataStale"/>).
    /// </summary>
    public DateOnly? LastChecked => _lastChecked.Value;

    /// <summary>
    /// When <paramref name="deadline"/> falls due if counted from <paramref name="start"/>: for a deadline counted
    /// from the decision (<see cref="DeadlineStart.Decision"/>), the moment the customer received the decision.
    /// </summary>
    /// <param name="deadline">One of <see cref="Deadlines"/>.</param>
    /// <param name="start">The start: the receipt of the complaint, or the customer's receipt of the decision.</param>
    /// <param name="calendar">A calendar to use instead of <see cref="Calendar"/>; optional.</param>
    /// <returns>The deadline, or <see langword="null"/> for an open target (no period).</returns>
    public DateTimeOffset? Due(RegimeDeadline deadline, DateTimeOffset start, IBusinessCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Period is { } period ? DeadlineCalculator.Due(start, period, TimeZone, calendar ?? Calendar, deadline.RollForward) : null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Key} ({Name}, {TimeZone.Id}, {Deadlines.Count} deadlines)";
}

/// <summary>One deadline definition of a <see cref="RegulatoryRegime"/>.</summary>
internal sealed class RegimeDeadline
{
    internal RegimeDeadline(DeadlineKind kind, DeadlinePeriod? period, DeadlineStart from, bool rollForward, string basis,
        Rules.LocalizedText? condition, Rules.LocalizedText? note, Rules.LocalizedText? notice, IReadOnlyList<HandlingStep> mentionIn,
        string? when, Func<ComplaintFacts, bool>? applies)
    {
        Kind = kind;
        Period = period;
        From = from;
        RollForward = rollForward;
        Basis = basis;
        ConditionText = condition;
        NoteText = note;
        NoticeText = notice;
        MentionIn = ReadOnlyLists.Of(mentionIn.ToArray()); // shared by every deadline of every assessment
        When = when;
        Applies = applies;
    }

    /// <summary>What the deadline is for.</summary>
    public DeadlineKind Kind { get; }

    /// <summary>The period, or <see langword="null"/> for a target the regulation leaves open (e.g. "promptly").</summary>
    public DeadlinePeriod? Period { get; }

    /// <summary>What the period is counted from.</summary>
    public DeadlineStart From { get; }

    /// <summary>Whether a deadline that ends on a rest day moves to the next working day.</summary>
    public bool RollForward { get; }

    /// <summary>The legal basis.</summary>
    public string Basis { get; }

    /// <summary>The condition that decides whether the deadline applies to a complaint (a rule condition), or <see langword="null"/> for every complaint.</summary>
    public string? When { get; }

    /// <summary>The handling steps that must mention the deadline.</summary>
    public IReadOnlyList<HandlingStep> MentionIn { get; }

    /// <summary>The provision the deadline comes from and when it was last checked, or <see langword="null"/> when the rule set names none.</summary>
    public RegulatorySource? Source { get; internal init; }

    internal Rules.LocalizedText? ConditionText { get; }

    internal Rules.LocalizedText? NoteText { get; }

    internal Rules.LocalizedText? NoticeText { get; }

    internal Func<ComplaintFacts, bool>? Applies { get; }

    /// <inheritdoc/>
    public override string ToString() => Period is { } p ? $"{Kind.ToString()} {p.Amount} {p.Unit.ToString()} from {From.ToString()}" : $"{Kind.ToString()} (open)";
}
