using ComplaintRules.EarlyWarning;

namespace ComplaintRules;

// Outcomes and the alerts in force: what happened after the assessment feeds the satisfaction and reopen rules, and a
// host (a dashboard, the web sample's /alerts) can ask which alerts stand now.
public sealed partial class ComplaintMonitor
{
    // Complaint alerts fire once per window and are then forgotten by their rules; the monitor keeps the latest to list them.
    private const int RecentAlertsKept = 256;

    private readonly Queue<ComplaintAlert> _recent = new();

    /// <summary>Raised when an outcome alert (satisfaction drop, reopen rate) stops holding, with the alert that was raised; outside the monitor's lock.</summary>
    public event EventHandler<ComplaintAlert>? AlertCleared;

    /// <summary>
    /// Records what happened after a complaint was handled, and raises the outcome alerts (<c>satisfaction_drop</c>,
    /// <c>reopen_rate</c>) whose condition starts to hold; those whose condition stopped holding are cleared
    /// (<see cref="AlertCleared"/>). Counted on the <c>complaintrules.outcomes</c> and
    /// <c>complaintrules.outcome.satisfaction</c> metrics whether or not any rule watches outcomes.
    /// </summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="assessment">
    /// The complaint's assessment, when the host still has it: rules that count outcomes by cause, conflict type or
    /// severity need it; without it they skip this outcome.
    /// </param>
    /// <returns>The alerts raised, usually none.</returns>
    /// <exception cref="ArgumentException">The outcome has no complaint id, a satisfaction outside 1–5, a negative time to resolve, or an assessment of another complaint.</exception>
    public IReadOnlyList<ComplaintAlert> RecordOutcome(ComplaintOutcome outcome, ComplaintAssessment? assessment = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        outcome.Validate();
        if (assessment is not null && !string.Equals(assessment.Id, outcome.ComplaintId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The assessment is of complaint '{assessment.Id}', the outcome of '{outcome.ComplaintId}'.", nameof(assessment));
        }

        ComplaintRulesTelemetry.RecordOutcome(outcome);
        var rules = _ruleSet.Current.AlertRules;
        var now = _time.GetUtcNow();
        List<ComplaintAlert>? raised = null;
        List<ComplaintAlert>? cleared = null;
        lock (_lock)
        {
            if (!ReferenceEquals(rules, _activeRules))
            {
                Activate(rules);
            }

            foreach (var state in _outcomeStates)
            {
                state.Record(outcome, assessment, now, ref raised, ref cleared);
                state.Sweep(now, ref cleared);
            }
        }

        Publish(raised, cleared);
        return raised is null ? [] : raised.AsReadOnly();
    }

    /// <summary>
    /// The alerts in force now: every outcome alert whose condition still holds, and the complaint alerts raised within
    /// their rule's window (the latest 256). Outcome alerts that stopped holding are cleared first (<see cref="AlertCleared"/>).
    /// </summary>
    /// <returns>The alerts, oldest first; a snapshot the caller may keep.</returns>
    public IReadOnlyList<ComplaintAlert> GetActiveAlerts()
    {
        var rules = _ruleSet.Current.AlertRules;
        var now = _time.GetUtcNow();
        List<ComplaintAlert>? cleared = null;
        var active = new List<ComplaintAlert>();
        lock (_lock)
        {
            if (!ReferenceEquals(rules, _activeRules))
            {
                Activate(rules);
            }

            foreach (var state in _outcomeStates)
            {
                state.Sweep(now, ref cleared);
                active.AddRange(state.Active);
            }

            active.AddRange(_recent.Where(a => a.RaisedAt + a.Window > now && rules.Any(r => r.Id == a.RuleId)));
        }

        Publish(null, cleared);
        active.Sort((a, b) => a.RaisedAt.CompareTo(b.RaisedAt));
        return active.AsReadOnly();
    }

    private void Remember(List<ComplaintAlert> alerts, DateTimeOffset now)
    {
        foreach (var alert in alerts)
        {
            _recent.Enqueue(alert);
        }

        while (_recent.Count > RecentAlertsKept || (_recent.Count > 0 && _recent.Peek().RaisedAt + _recent.Peek().Window <= now))
        {
            _recent.Dequeue();
        }
    }

    private void Publish(List<ComplaintAlert>? raised, List<ComplaintAlert>? cleared)
    {
        foreach (var alert in raised ?? [])
        {
            ComplaintRulesTelemetry.CountAlert(alert, Name(alert.Type), ComplaintRulesTelemetry.Alerts);
            AlertRaised?.Invoke(this, alert);
        }

        foreach (var alert in cleared ?? [])
        {
            ComplaintRulesTelemetry.CountAlert(alert, Name(alert.Type), ComplaintRulesTelemetry.AlertsCleared);
            AlertCleared?.Invoke(this, alert);
        }
    }
}
