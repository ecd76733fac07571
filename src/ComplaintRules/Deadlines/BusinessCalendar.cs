using System.Collections.Frozen;

namespace ComplaintRules;

/// <summary>Tells working days from rest days, for deadlines counted in business days or rolled forward off a rest day.</summary>
/// <remarks>Implementations must be thread-safe; the built-in ones are immutable.</remarks>
public interface IBusinessCalendar
{
    /// <summary>The calendar's id (e.g. <c>CN</c>, <c>weekends</c>).</summary>
    string Id { get; }

    /// <summary>Whether <paramref name="day"/> is a working day.</summary>
    /// <param name="day">A local date.</param>
    /// <returns><see langword="true"/> for a working day.</returns>
    bool IsBusinessDay(DateOnly day);

    /// <summary>Whether the calendar knows the holidays of <paramref name="day"/>'s year; outside it, only weekends count as rest days.</summary>
    /// <param name="day">A local date.</param>
    /// <returns><see langword="true"/> when the calendar has data for the date.</returns>
    bool Covers(DateOnly day);
}

/// <summary>
/// A calendar from data: weekend days, public holidays, and working days that fall on a weekend (China's adjusted
/// working weekends, 调休上班). Immutable and thread-safe.
/// </summary>
public sealed class HolidayCalendar : IBusinessCalendar
{
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenSet<DateOnly> _workdays;
    private readonly bool[] _weekend = new bool[7];
    private readonly FrozenSet<int> _years;

    /// <summary>Creates a calendar.</summary>
    /// <param name="id">The calendar's id.</param>
    /// <param name="weekend">The weekly rest days.</param>
    /// <param name="holidays">Rest days that are not weekend days (or are, harmlessly).</param>
    /// <param name="workdays">Working days that fall on a weekend day; they win over <paramref name="weekend"/>.</param>
    /// <param name="years">The years whose holidays are complete in the data; empty for a weekends-only calendar, which covers every year.</param>
    public HolidayCalendar(string id, IEnumerable<DayOfWeek> weekend, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays, IEnumerable<int> years)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(weekend);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(workdays);
        ArgumentNullException.ThrowIfNull(years);
        Id = id;
        foreach (var day in weekend)
        {
            _weekend[(int)day] = true;
        }

        if (_weekend.All(static w => w))
        {
            throw new ArgumentException("A calendar needs at least one working day in the week.", nameof(weekend));
        }

        _holidays = holidays.ToFrozenSet();
        _workdays = workdays.ToFrozenSet();
        _years = years.ToFrozenSet();
    }

    /// <summary>Saturday and Sunday off, no holidays: the calendar a regime uses when it names none.</summary>
    public static HolidayCalendar WeekendsOnly { get; } = new(WeekendsOnlyId, [DayOfWeek.Saturday, DayOfWeek.Sunday], [], [], []);

    // The id alone, for checks that should not build the calendar (its sets are made when the class is first used).
    internal const string WeekendsOnlyId = "weekends";

    /// <inheritdoc/>
    public string Id { get; }

    /// <summary>The official notices the holidays come from, with the day each was last checked; empty when none are named.</summary>
    public IReadOnlyList<RegulatorySource> Sources { get; internal init; } = [];

    /// <summary>The years whose holidays the data covers, ascending; empty for a weekends-only calendar.</summary>
    public IReadOnlyList<int> Years => _years.Order().ToArray();

    /// <inheritdoc/>
    public bool IsBusinessDay(DateOnly day) =>
        _workdays.Contains(day) || (!_weekend[(int)day.DayOfWeek] && !_holidays.Contains(day));

    /// <inheritdoc/>
    public bool Covers(DateOnly day) => _years.Count == 0 || _years.Contains(day.Year);

    /// <inheritdoc/>
    public override string ToString() => _years.Count == 0 ? Id : $"{Id} ({string.Join(", ", Years)})";
}
