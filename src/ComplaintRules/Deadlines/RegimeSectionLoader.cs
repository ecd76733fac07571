using System.Globalization;
using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules.Deadlines;

/// <summary>
/// Layers, validates and builds the <c>calendars</c> and <c>regimes</c> sections of rule-set documents: a later
/// document replaces a calendar or regime of the same key whole. Reports problems into the loader's diagnostics.
/// </summary>
internal sealed partial class RegimeSectionLoader(List<RuleDiagnostic> diagnostics)
{
    /// <summary>The longest period accepted, in any unit; far beyond any complaint deadline.</summary>
    public const int MaxAmount = 3660;

    private static readonly string[] s_kinds = ["acknowledge", "response", "summary_resolution", "resolve", "final_response", "extension", "review_request"];
    private static readonly string[] s_units = ["calendar_days", "business_days", "weeks", "hours"];
    private static readonly string[] s_starts = ["receipt", "decision"];
    private static readonly string[] s_days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private readonly Dictionary<string, Entry<CalendarDocument>> _calendars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry<RegimeDocument>> _regimes = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string file, JsonLocator locator, Dictionary<string, CalendarDocument>? calendars, Dictionary<string, RegimeDocument>? regimes)
    {
        foreach (var (id, doc) in calendars ?? [])
        {
            var path = $"$.calendars.{id}";
            if (!NamePatterns.IsCalendarId(id) || id == HolidayCalendar.WeekendsOnlyId)
            {
                Error(file, locator, path, $"calendar id '{id}' must be letters, digits, '-' or '_', starting with a letter, and not '{HolidayCalendar.WeekendsOnlyId}' (built in)");
            }
            else
            {
                _calendars[id] = new Entry<CalendarDocument>(file, locator, path, doc);
            }
        }

        foreach (var (key, doc) in regimes ?? [])
        {
            var path = $"$.regimes.{key}";
            if (!NamePatterns.IsRegimeKey(key))
            {
                Error(file, locator, path, $"regime key '{key}' must be upper-case letters and digits in parts joined by '-' (e.g. CN-NFRA, UK-FCA)");
            }
            else
            {
                _regimes.Remove(key); // a later document replaces the regime whole, whatever the case of its key
                _regimes[key] = new Entry<RegimeDocument>(file, locator, path, doc);
            }
        }
    }

    public IReadOnlyDictionary<string, RegulatoryRegime> Build(SignalTable signals, RuleExpressionCompiler compiler)
    {
        if (_regimes.Count == 0 && _calendars.Count == 0)
        {
            return RegimeTable.Empty;
        }

        var calendars = new Dictionary<string, IBusinessCalendar>(StringComparer.Ordinal) { [HolidayCalendar.WeekendsOnly.Id] = HolidayCalendar.WeekendsOnly };
        foreach (var (id, entry) in _calendars)
        {
            if (BuildCalendar(id, entry) is { } calendar)
            {
                calendars[id] = calendar;
            }
        }

        var regimes = new Dictionary<string, RegulatoryRegime>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, entry) in _regimes)
        {
            if (BuildRegime(key, entry, calendars, signals, compiler) is { } regime)
            {
                regimes[key] = regime;
            }
        }

        return regimes;
    }

    /// <summary>
    /// The regimes built on first use instead of now, for documents known to load without a problem (the embedded
    /// default, whose tests build them eagerly). Should they fail all the same, every use throws rather than running
    /// without them.
    /// </summary>
    public Lazy<IReadOnlyDictionary<string, RegulatoryRegime>> Deferred(SignalTable signals, RuleExpressionCompiler compiler) =>
        new(() =>
        {
            var regimes = Build(signals, compiler);
            return diagnostics.Count == 0
                ? regimes
                : throw new InvalidOperationException($"The regimes of the embedded default rule set do not load: {diagnostics[0]}");
        });

    private HolidayCalendar? BuildCalendar(string id, Entry<CalendarDocument> entry)
    {
        var (file, locator, path, doc) = entry;
        if (doc is null)
        {
            Error(file, locator, path, "a calendar must be an object with \"weekend\", \"years\", \"holidays\" and \"workdays\"");
            return null;
        }

        var before = diagnostics.Count;
        var weekend = new List<DayOfWeek>();
        var weekendNames = doc.Weekend ?? ["saturday", "sunday"];
        for (var i = 0; i < weekendNames.Count; i++)
        {
            var day = Array.IndexOf(s_days, weekendNames[i]);
            if (day < 0)
            {
                Error(file, locator, $"{path}.weekend[{i}]", $"'{weekendNames[i]}' is not a day of the week ({string.Join(", ", s_days)})");
            }
            else
            {
                weekend.Add((DayOfWeek)day);
            }
        }

        if (weekend.Count == 7)
        {
            Error(file, locator, $"{path}.weekend", "a calendar needs at least one working day in the week");
        }

        var years = doc.Years ?? [];
        for (var i = 0; i < years.Count; i++)
        {
            if (years[i] is < 1900 or > 2200)
            {
                Error(file, locator, $"{path}.years[{i}]", $"year {years[i]} is out of range (1900–2200)");
            }
        }

        var holidays = Dates(file, locator, $"{path}.holidays", doc.Holidays, years);
        var workdays = Dates(file, locator, $"{path}.workdays", doc.Workdays, years);
        var sources = Sources(file, locator, $"{path}.sources", doc.Sources);
        return diagnostics.Count > before ? null : new HolidayCalendar(id, weekend, holidays, workdays, years) { Sources = ReadOnlyLists.Of(sources) };
    }

    // Each entry is a date (2025-10-01) or an inclusive range (2025-10-01/2025-10-08), in a year listed under "years".
    private List<DateOnly> Dates(string file, JsonLocator locator, string path, List<string>? entries, List<int> years)
    {
        var dates = new List<DateOnly>();
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            var text = entries![i] ?? "";
            var parts = text.Split('/');
            if (parts.Length > 2 || !TryDate(parts[0], out var first) || !TryDate(parts[^1], out var last) || last < first || last.DayNumber - first.DayNumber > 366)
            {
                Error(file, locator, $"{path}[{i}]", $"'{text}' is not a date (yyyy-MM-dd) or a range of dates (yyyy-MM-dd/yyyy-MM-dd) of at most a year");
                continue;
            }

            if (!years.Contains(first.Year) || !years.Contains(last.Year))
            {
                Error(file, locator, $"{path}[{i}]", $"'{text}' is outside the calendar's \"years\" ({string.Join(", ", years)}); add its year there once that year's data is complete");
                continue;
            }

            for (var d = first; d <= last; d = d.AddDays(1))
            {
                dates.Add(d);
            }
        }

        return dates;
    }

    private RegulatoryRegime? BuildRegime(string key, Entry<RegimeDocument> entry, Dictionary<string, IBusinessCalendar> calendars,
        SignalTable signals, RuleExpressionCompiler compiler)
    {
        var (file, locator, path, doc) = entry;
        if (doc is null)
        {
            Error(file, locator, path, "a regime must be an object with \"name\", \"timeZone\", \"basis\", \"validFrom\" and \"deadlines\"");
            return null;
        }

        var before = diagnostics.Count;
        if (string.IsNullOrWhiteSpace(doc.Name))
        {
            Error(file, locator, path, "the regime has no \"name\"");
        }

        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(doc.TimeZone))
        {
            Error(file, locator, path, "the regime has no \"timeZone\"; give an IANA time zone id such as Asia/Shanghai, America/New_York or Europe/London");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(doc.TimeZone, out zone))
        {
            Error(file, locator, $"{path}.timeZone", $"unknown time zone '{doc.TimeZone}'; give an IANA time zone id such as Asia/Shanghai, America/New_York or Europe/London");
        }

        var calendarId = doc.Calendar ?? HolidayCalendar.WeekendsOnlyId;
        if (!calendars.TryGetValue(calendarId, out var calendar) && !_calendars.ContainsKey(calendarId))
        {
            var known = calendars.Keys.Union(_calendars.Keys).Order(StringComparer.Ordinal).ToArray();
            var suggestion = NameSuggestions.Closest(calendarId, known);
            Error(file, locator, $"{path}.calendar", $"calendar '{calendarId}' is not defined under \"calendars\""
                + (suggestion is null ? $"; known: {string.Join(", ", known)}" : $"; did you mean '{suggestion}'?"));
        }

        var basis = doc.Basis?.Where(b => !string.IsNullOrWhiteSpace(b)).ToArray() ?? [];
        if (basis.Length == 0)
        {
            Error(file, locator, path, "the regime has no \"basis\"; cite the regulation(s) it rests on");
        }

        var validFrom = DateOnly.MinValue;
        if (doc.ValidFrom is null)
        {
            Error(file, locator, path, "the regime has no \"validFrom\" (yyyy-MM-dd): the first day it applies");
        }
        else if (!TryDate(doc.ValidFrom, out validFrom))
        {
            Error(file, locator, $"{path}.validFrom", $"validFrom '{doc.ValidFrom}' is not a date (yyyy-MM-dd)");
        }

        var sources = Sources(file, locator, $"{path}.sources", doc.Sources);
        var deadlines = new List<RegimeDeadline>();
        if (doc.Deadlines is not { Count: > 0 })
        {
            Error(file, locator, path, "the regime has no \"deadlines\"");
        }
        else
        {
            for (var i = 0; i < doc.Deadlines.Count; i++)
            {
                if (BuildDeadline(file, locator, $"{path}.deadlines[{i}]", doc.Deadlines[i], signals, compiler) is { } deadline)
                {
                    deadlines.Add(deadline);
                }
            }
        }

        return diagnostics.Count > before || zone is null || calendar is null
            ? null
            : new RegulatoryRegime(key, doc.Name!, zone, calendar, basis, validFrom, deadlines) { Sources = ReadOnlyLists.Of(sources) };
    }

    private RegimeDeadline? BuildDeadline(string file, JsonLocator locator, string path, DeadlineDocument? doc, SignalTable signals, RuleExpressionCompiler compiler)
    {
        if (doc is null)
        {
            Error(file, locator, path, "a deadline must be an object with \"kind\", \"amount\", \"unit\" and \"basis\"");
            return null;
        }

        var before = diagnostics.Count;
        var kind = Parse<DeadlineKind>(file, locator, $"{path}.kind", "kind", doc.Kind, s_kinds, required: true);
        var unit = Parse<DeadlineUnit>(file, locator, $"{path}.unit", "unit", doc.Unit, s_units, required: doc.Amount is not null);
        var from = Parse<DeadlineStart>(file, locator, $"{path}.from", "from", doc.From ?? "receipt", s_starts, required: true);
        DeadlinePeriod? period = null;
        if (doc.Amount is { } amount)
        {
            if (amount is < 0 or > MaxAmount)
            {
                Error(file, locator, $"{path}.amount", $"amount must be a whole number from 0 to {MaxAmount}, not {amount}");
            }

            period = new DeadlinePeriod(amount, unit);
        }
        else if (doc.Unit is not null)
        {
            Error(file, locator, $"{path}.amount", "a deadline with a \"unit\" needs an \"amount\"; leave both out for a target the regulation leaves open (the host sets it)");
        }
        else if (kind != DeadlineKind.Acknowledge)
        {
            Error(file, locator, path, "the deadline has no \"amount\"; only an acknowledge deadline may leave its target open");
        }

        if (string.IsNullOrWhiteSpace(doc.Basis))
        {
            Error(file, locator, path, "the deadline has no \"basis\"; cite the provision it comes from");
        }

        var mention = new List<HandlingStep>();
        for (var i = 0; i < (doc.Mention?.Count ?? 0); i++)
        {
            if (Vocabulary.TryParseStep(doc.Mention![i], out var step))
            {
                mention.Add(step);
            }
            else
            {
                Error(file, locator, $"{path}.mention[{i}]", $"step '{doc.Mention[i]}' is not one of: {string.Join(", ", Vocabulary.Steps)}");
            }
        }

        var source = doc.Source is null ? null : Source(file, locator, $"{path}.source", doc.Source);
        Func<ComplaintFacts, bool>? applies = null;
        if (doc.When is not null)
        {
            var condition = compiler.Compile(doc.When, Decision.Remedies, signals);
            if (condition.Error is not null)
            {
                var (line, column) = locator.LocateInString($"{path}.when", condition.ErrorPosition);
                diagnostics.Add(new RuleDiagnostic(file, line, column, null, $"{path}.when", condition.Error) { Code = condition.ErrorCode });
            }
            else
            {
                applies = condition.Evaluate;
            }
        }

        return diagnostics.Count > before
            ? null
            : new RegimeDeadline(kind, period, from, doc.RollForward ?? false, doc.Basis!, doc.Condition, doc.Note, doc.Notice, mention, doc.When, applies) { Source = source };
    }

    private T Parse<T>(string file, JsonLocator locator, string path, string member, string? value, string[] names, bool required)
        where T : struct, Enum
    {
        var index = value is null ? -1 : Array.IndexOf(names, value);
        if (index < 0 && (required || value is not null))
        {
            var suggestion = value is null ? null : NameSuggestions.Closest(value, names);
            Error(file, locator, path, value is null
                ? $"the deadline has no \"{member}\"; one of: {string.Join(", ", names)}"
                : $"{member} '{value}' is not one of: {string.Join(", ", names)}" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
        }

        return (T)(object)Math.Max(index, 0);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private void Error(string file, JsonLocator locator, string path, string message)
    {
        var (line, column) = locator.Locate(path);
        diagnostics.Add(new RuleDiagnostic(file, line, column, null, path, message) { Code = CodeFor(path) });
    }

    // The section the path points into tells the kind: a calendar, a deadline of a regime, or the regime itself.
    private static string CodeFor(string path) =>
        path.StartsWith("$.calendars", StringComparison.Ordinal) ? DiagnosticCodes.InvalidCalendar
        : path.Contains(".deadlines", StringComparison.Ordinal) ? DiagnosticCodes.InvalidDeadline
        : DiagnosticCodes.InvalidRegime;


    // A class, not a struct: dictionaries of it then run the framework's precompiled shared code (no JIT at start).
    private sealed record Entry<T>(string File, JsonLocator Locator, string Path, T? Document)
        where T : class;
}

internal static class RegimeTable
{
    public static readonly IReadOnlyDictionary<string, RegulatoryRegime> Empty =
        new Dictionary<string, RegulatoryRegime>(StringComparer.OrdinalIgnoreCase);
}
