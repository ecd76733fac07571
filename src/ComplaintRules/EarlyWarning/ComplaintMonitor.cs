using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ComplaintRules.EarlyWarning;

namespace ComplaintRules;

/// <summary>Limits of <see cref="ComplaintMonitor"/>'s memory.</summary>
public sealed class ComplaintMonitorOptions
{
    /// <summary>The most customers a repeat-customer rule tracks at once; customers first seen beyond it are not tracked until old ones expire. Default 100,000.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be at least 1.")]
    public int MaxTrackedCustomers { get; set; } = 100_000;

    /// <summary>The most categories (e.g. products) a rule counts per bucket; the rest count as <c>other</c>. Default 1,000.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be at least 1.")]
    public int MaxCategoriesPerRule { get; set; } = 1_000;

    /// <summary>How many buckets a window is cut into, from 1 to 1,000: the resolution of the sliding window. Default 24 (an hour for a day).</summary>
    [Range(1, 1_000, ErrorMessage = "{0} must be from 1 to 1,000.")]
    public int BucketsPerWindow { get; set; } = 24;

    internal ComplaintMonitorOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTrackedCustomers, 1, nameof(MaxTrackedCustomers));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCategoriesPerRule, 1, nameof(MaxCategoriesPerRule));
        ArgumentOutOfRangeException.ThrowIfLessThan(BucketsPerWindow, 1, nameof(BucketsPerWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BucketsPerWindow, 1_000, nameof(BucketsPerWindow));
        return new ComplaintMonitorOptions { MaxTrackedCustomers = MaxTrackedCustomers, MaxCategoriesPerRule = MaxCategoriesPerRule, BucketsPerWindow = BucketsPerWindow };
    }
}

/// <summary>
/// Early warning in-process: counts analysed complaints per conflict type, cause, product and severity over
/// sliding windows and raises the alerts the rule set's <c>alerts</c> section defines — a category rising over the
/// previous window, a burst of complaints, a customer who keeps complaining — and, from the outcomes the host reports
/// (<see cref="RecordOutcome"/>), a drop in satisfaction or a rise in reopened complaints.
/// </summary>
/// <remarks>
/// <para>The host calls <see cref="Record"/> once per complaint it handles (the analyzer does not feed the monitor,
/// so re-analysing a complaint never counts it twice, and batch jobs stay free of monitoring state).</para>
/// <para>Alerts are raised as <see cref="AlertRaised"/> events, on the recording thread and outside the monitor's
/// lock, and counted on the <c>ComplaintRules</c> meter as <c>complaintrules.alerts</c>, so a metrics backend can
/// aggregate them across instances. The clock is the <see cref="TimeProvider"/>; windows are bucketed (see
/// <see cref="ComplaintMonitorOptions.BucketsPerWindow"/>), so memory is bounded by rules × buckets × categories,
/// and by <see cref="ComplaintMonitorOptions.MaxTrackedCustomers"/>. Thread-safe. After a rule-set reload, rules
/// that did not change keep their counts; new or changed ones start empty.</para>
/// </remarks>
public sealed partial class ComplaintMonitor
{
    private readonly ComplaintRuleSetProvider _ruleSet;
    private readonly TimeProvider _time;
    private readonly ComplaintMonitorOptions _options;
    private readonly AlertWindowStore? _shared;
    private readonly Lock _lock = new();
    private IReadOnlyList<AlertRule>? _activeRules;
    private RuleState[] _states = [];
    private OutcomeWindow[] _outcomeStates = [];
    private long _untracked;

    /// <summary>Creates a monitor for the alert rules of <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose <see cref="ComplaintRuleSet.AlertRules"/> apply.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="options">Memory limits; defaults when null.</param>
    public ComplaintMonitor(ComplaintRuleSet ruleSet, TimeProvider? timeProvider = null, ComplaintMonitorOptions? options = null)
        : this(ComplaintRuleSetProvider.Fixed(ruleSet), timeProvider, options)
    {
    }

    /// <summary>Creates a monitor for the alert rules of the provider's current rule set (they follow hot reload).</summary>
    /// <param name="provider">The rule-set provider.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="options">Memory limits; defaults when null.</param>
    public ComplaintMonitor(ComplaintRuleSetProvider provider, TimeProvider? timeProvider = null, ComplaintMonitorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _ruleSet = provider;
        _time = timeProvider ?? TimeProvider.System;
        _options = (options ?? new ComplaintMonitorOptions()).Validated();
    }

    /// <summary>
    /// Creates a monitor whose windows are shared with every monitor on the same <paramref name="sharedWindows"/> (a fleet):
    /// counts span all instances and each condition alerts once. While the store cannot be reached, alerts come from
    /// this monitor's local windows, which it keeps all the time.
    /// </summary>
    /// <param name="provider">The rule-set provider.</param>
    /// <param name="sharedWindows">The shared store (for example Redis, in the <c>ComplaintRules.Redis</c> package).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="options">Memory limits and window resolution; defaults when null. Every instance must use the same.</param>
    public ComplaintMonitor(ComplaintRuleSetProvider provider, AlertWindowStore sharedWindows, TimeProvider? timeProvider, ComplaintMonitorOptions? options)
        : this(provider, timeProvider, options)
    {
        ArgumentNullException.ThrowIfNull(sharedWindows);
        _shared = sharedWindows;
    }

    /// <summary>The shared window store, or <see langword="null"/> when the windows are this instance's own.</summary>
    public AlertWindowStore? SharedWindows => _shared;

    /// <summary>Raised for every alert, on the thread that called <see cref="Record"/>. A handler's exception propagates to that caller.</summary>
    public event EventHandler<ComplaintAlert>? AlertRaised;

    /// <summary>The alert rules in force now.</summary>
    public IReadOnlyList<AlertRule> Rules => _ruleSet.Current.AlertRules;

    /// <summary>Customers first seen while <see cref="ComplaintMonitorOptions.MaxTrackedCustomers"/> was reached, and so not tracked.</summary>
    internal long UntrackedCustomers => Interlocked.Read(ref _untracked);

    /// <summary>Counts one handled complaint and raises the alerts whose thresholds it crosses.</summary>
    /// <param name="complaint">The complaint (its <see cref="Complaint.Product"/> and <see cref="Complaint.CustomerId"/> are read).</param>
    /// <param name="assessment">Its assessment (conflict type, primary cause and severity are read).</param>
    /// <returns>The alerts raised, usually none.</returns>
    public IReadOnlyList<ComplaintAlert> Record(Complaint complaint, ComplaintAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(assessment);
        var rules = _ruleSet.Current.AlertRules;
        if (rules.Count == 0 && _states.Length == 0)
        {
            return [];
        }

        var now = _time.GetUtcNow();
        List<ComplaintAlert>? alerts = null;
        RuleState[] states;
        ComplaintAlert?[]? local;
        lock (_lock)
        {
            if (!ReferenceEquals(rules, _activeRules))
            {
                Activate(rules);
            }

            states = _states;
            local = _shared is null ? null : new ComplaintAlert?[states.Length];
            for (var i = 0; i < states.Length; i++)
            {
                var alert = states[i].Record(complaint, assessment, now);
                if (local is not null)
                {
                    local[i] = alert; // kept in case the shared store cannot be reached
                }
                else if (alert is not null)
                {
                    (alerts ??= []).Add(alert);
                }
            }
        }

        if (local is not null)
        {
            alerts = RecordShared(states, local, complaint, assessment, now);
        }

        if (alerts is null)
        {
            return [];
        }

        lock (_lock)
        {
            Remember(alerts, now);
        }

        foreach (var alert in alerts)
        {
            ComplaintRulesTelemetry.CountAlert(alert, Name(alert.Type), ComplaintRulesTelemetry.Alerts);
            AlertRaised?.Invoke(this, alert);
        }

        return alerts;
    }

    // Outside the lock: a round trip to the store must not serialise this instance's complaints.
    private List<ComplaintAlert>? RecordShared(RuleState[] states, ComplaintAlert?[] local, Complaint complaint, ComplaintAssessment assessment, DateTimeOffset now)
    {
        List<ComplaintAlert>? alerts = null;
        var fellBack = false;
        for (var i = 0; i < states.Length; i++)
        {
            if (states[i].KeyOf(complaint, assessment) is not { } key)
            {
                continue;
            }

            var alert = local[i];
            if (_shared!.Count(states[i].Rule, key, now, _options) is { } shared)
            {
                alert = shared.Raise ? states[i].Alert(shared, now, assessment.Id) : null;
            }
            else
            {
                fellBack = true;
            }

            if (alert is not null)
            {
                (alerts ??= []).Add(alert);
            }
        }

        if (fellBack)
        {
            ComplaintRulesTelemetry.LocalFallbacks.Add(1);
        }

        return alerts;
    }

    internal void CountUntracked()
    {
        Interlocked.Increment(ref _untracked);
        ComplaintRulesTelemetry.UntrackedCustomers.Add(1);
    }

    internal static string Name(AlertRuleType type) => type switch
    {
        AlertRuleType.Rise => "rise",
        AlertRuleType.Volume => "volume",
        AlertRuleType.SatisfactionDrop => "satisfaction_drop",
        AlertRuleType.ReopenRate => "reopen_rate",
        _ => "repeat_customer",
    };

    internal static string Describe(TimeSpan window) =>
        window.TotalDays >= 1 && window.TotalDays == Math.Floor(window.TotalDays) ? $"{window.TotalDays.ToString(CultureInfo.InvariantCulture)}d"
        : window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours) ? $"{window.TotalHours.ToString(CultureInfo.InvariantCulture)}h"
        : $"{window.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m";

    private void Activate(IReadOnlyList<AlertRule> rules)
    {
        var states = new List<RuleState>(rules.Count);
        var outcomeStates = new List<OutcomeWindow>();
        foreach (var rule in rules)
        {
            if (rule.WatchesOutcomes)
            {
                outcomeStates.Add(Array.Find(_outcomeStates, s => s.Rule == rule) ?? new OutcomeWindow(rule, _options.BucketsPerWindow, _options.MaxCategoriesPerRule));
                continue;
            }

            var kept = Array.Find(_states, s => s.Rule == rule);
            states.Add(kept ?? (rule.Type == AlertRuleType.RepeatCustomer
                ? new CustomerWindow(rule, _options.MaxTrackedCustomers, _options.BucketsPerWindow, this)
                : new CategoryWindow(rule, _options.BucketsPerWindow, _options.MaxCategoriesPerRule)));
        }

        _states = [.. states];
        _outcomeStates = [.. outcomeStates];
        _activeRules = rules;
    }
}
