using System.Collections.ObjectModel;
using ComplaintRules.Features;

namespace ComplaintRules.Deadlines;

/// <summary>Lists the deadlines of a complaint's regime, after the rules have run (a deadline's condition may read their outcomes).</summary>
internal static class DeadlineEvaluator
{
    private static readonly DateTimeOffset s_earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<ComplaintDeadline> Evaluate(ComplaintRuleSet rules, Complaint complaint, string regimeKey, ComplaintFacts facts,
        DeadlineSettings settings, List<AssessmentWarning> warnings)
    {
        if (!rules.Regimes.TryGetValue(regimeKey, out var regime))
        {
            warnings.Add(WarningCodes.Format(WarningCodes.RegimeUnknown, rules.Regimes.Count == 0
                ? $"regime '{regimeKey}' is not in the rule set, which has no regimes; no deadlines computed"
                : $"regime '{regimeKey}' is not in the rule set ({string.Join(", ", rules.Regimes.Keys.Order(StringComparer.Ordinal))}); no deadlines computed"));
            return ReadOnlyCollection<ComplaintDeadline>.Empty;
        }

        var receivedAt = complaint.ReceivedAt ?? settings.TimeProvider.GetUtcNow();
        if (complaint.ReceivedAt is null)
        {
            warnings.Add(WarningCodes.Format(WarningCodes.ReceivedAtMissing, "the complaint has no receivedAt; deadlines are counted from the time of analysis"));
        }

        if (!InRange(receivedAt, "receivedAt", "no deadlines computed", warnings))
        {
            return ReadOnlyCollection<ComplaintDeadline>.Empty;
        }

        var received = LocalDate(receivedAt, regime);
        if (received < regime.ValidFrom)
        {
            warnings.Add(WarningCodes.Format(WarningCodes.RegimeNotInForce,
                $"regime '{regime.Key}' applies from {regime.ValidFrom:yyyy-MM-dd}; the complaint was received on {received:yyyy-MM-dd}, so no deadlines computed"));
            return ReadOnlyCollection<ComplaintDeadline>.Empty;
        }

        // Regulations change: data not checked against its sources for over a year may be out of date.
        if (regime.LastChecked is { } lastChecked && received > lastChecked.AddYears(1))
        {
            warnings.Add(WarningCodes.Format(WarningCodes.RegimeDataStale,
                $"regime '{regime.Key}' was last checked against its sources on {lastChecked:yyyy-MM-dd}, more than a year before the complaint was received ({received:yyyy-MM-dd}); check its deadlines against the current rules"));
        }

        var calendar = settings.Calendars.GetValueOrDefault(regime.Calendar.Id) ?? regime.Calendar;
        var decisionReceivedAt = complaint.DecisionReceivedAt is { } decided
            && InRange(decided, "decisionReceivedAt", "deadlines from the decision are left open", warnings) ? decided : (DateTimeOffset?)null;
        var language = facts.Language;
        var deadlines = new List<ComplaintDeadline>(regime.Deadlines.Count + 1);
        var acknowledged = false;
        var uncovered = false;
        foreach (var definition in regime.Deadlines)
        {
            if (definition.Applies is { } applies && !Applies(applies, regime, definition, facts, rules, warnings))
            {
                continue;
            }

            var period = definition.Period;
            var basis = definition.Basis;
            if (definition.Kind == DeadlineKind.Acknowledge)
            {
                acknowledged = true;
                if (period is null && settings.AcknowledgementTargets.TryGetValue(regime.Key, out var target))
                {
                    period = target;
                    basis += "; target set by the host";
                }
            }

            // A deadline from the decision runs from the customer's receipt of it, which only the host can know.
            var start = definition.From == DeadlineStart.Receipt ? receivedAt : decisionReceivedAt;
            DateTimeOffset? due = null;
            if (period is { } p && start is { } from)
            {
                due = DeadlineCalculator.Due(from, p, regime.TimeZone, calendar, definition.RollForward);
                uncovered |= (p.Unit == DeadlineUnit.BusinessDays || definition.RollForward)
                    && (!calendar.Covers(LocalDate(from, regime)) || !calendar.Covers(DateOnly.FromDateTime(due.Value.DateTime)));
            }

            deadlines.Add(new ComplaintDeadline(regime.Key, definition.Kind, due, period, definition.From, basis,
                Text(definition.ConditionText, language), Text(definition.NoteText, language), definition.MentionIn, Text(definition.NoticeText, language))
            {
                Source = definition.Source,
            });
        }

        if (!acknowledged && settings.AcknowledgementTargets.TryGetValue(regime.Key, out var hostTarget))
        {
            var due = DeadlineCalculator.Due(receivedAt, hostTarget, regime.TimeZone, calendar);
            deadlines.Insert(0, new ComplaintDeadline(regime.Key, DeadlineKind.Acknowledge, due, hostTarget, DeadlineStart.Receipt,
                "target set by the host", null, null, [HandlingStep.Listen], null));
        }

        if (uncovered)
        {
            warnings.Add(WarningCodes.Format(WarningCodes.CalendarNotCovered,
                $"calendar '{calendar.Id}' has no holiday data for part of the period ({Years(calendar)}); only weekends were taken as rest days there"));
        }

        return ReadOnlyLists.Of(deadlines);
    }

    // A deadline's condition that throws is a rule fault like any other: the deadline is left out, with a warning.
    private static bool Applies(Func<ComplaintFacts, bool> applies, RegulatoryRegime regime, RegimeDeadline definition, ComplaintFacts facts,
        ComplaintRuleSet rules, List<AssessmentWarning> warnings)
    {
        try
        {
            return applies(facts);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Evaluation.RuleFaults.Record($"{regime.Key}/{definition.Kind}", "deadlines", ex, rules.Faults, warnings);
            return false;
        }
    }

    // Deadlines add days and years to their start; near the ends of the calendar that overflows.
    private static bool InRange(DateTimeOffset start, string field, string consequence, List<AssessmentWarning> warnings)
    {
        if (start >= s_earliest && start < s_latest)
        {
            return true;
        }

        warnings.Add(WarningCodes.Format(WarningCodes.ReceivedAtOutOfRange,
            $"{field} {start:yyyy-MM-dd} is outside the dates deadlines can be computed for ({s_earliest:yyyy-MM-dd} to {s_latest.AddDays(-1):yyyy-MM-dd}); {consequence}"));
        return false;
    }

    private static DateOnly LocalDate(DateTimeOffset instant, RegulatoryRegime regime) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, regime.TimeZone).DateTime);

    private static string Years(IBusinessCalendar calendar) =>
        calendar is HolidayCalendar { Years.Count: > 0 } holidays ? $"it covers {string.Join(", ", holidays.Years)}" : "a calendar of the host";

    private static string? Text(Rules.LocalizedText? text, string language) => text is null ? null : text.For(language) is { Length: > 0 } s ? s : null;
}
