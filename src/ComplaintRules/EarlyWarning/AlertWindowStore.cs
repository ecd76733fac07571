namespace ComplaintRules;

/// <summary>
/// Where <see cref="ComplaintMonitor"/> keeps its windows when several instances share them (a fleet behind a load
/// balancer). Without one, each monitor counts in its own memory: the default, right for a single instance.
/// </summary>
/// <remarks>
/// <para>A store counts one complaint for one alert rule and decides, atomically for every instance that shares it,
/// whether that complaint raises the rule's alert: so each condition alerts once across the fleet, not once per
/// instance. Its windows follow the same rules as the monitor's own (see <see cref="ComplaintMonitorOptions"/>).</para>
/// <para>The monitor always keeps its local windows too. When <see cref="Count"/> returns <see langword="null"/> (the
/// store cannot be reached), that complaint's alerts come from the local windows — this instance's complaints only —
/// and the monitor counts it on <c>complaintrules.monitor.local_fallbacks</c>. Implementations must be thread-safe
/// and must not throw for an unreachable backend.</para>
/// </remarks>
public abstract class AlertWindowStore
{
    /// <summary>Whether the last call reached the store; <see langword="false"/> while the monitor uses its local windows.</summary>
    public abstract bool IsAvailable { get; }

    /// <summary>Counts one complaint of <paramref name="key"/> for <paramref name="rule"/> and decides whether it raises the alert.</summary>
    /// <param name="rule">The alert rule.</param>
    /// <param name="key">The category (conflict type, cause, product or severity name) or, for a repeat-customer rule, the customer id.</param>
    /// <param name="now">The monitor's clock.</param>
    /// <param name="limits">The window resolution and category limit of the monitor.</param>
    /// <returns>The count and the decision, or <see langword="null"/> when the store could not be reached.</returns>
    public abstract AlertWindowCount? Count(AlertRule rule, string key, DateTimeOffset now, ComplaintMonitorOptions limits);
}

/// <summary>What <see cref="AlertWindowStore.Count"/> found for one complaint.</summary>
public readonly struct AlertWindowCount
{
    /// <summary>Creates the count a store found.</summary>
    /// <param name="raise">Whether this complaint raises the rule's alert.</param>
    /// <param name="key">The key counted.</param>
    /// <param name="count">Complaints of the key in the current window.</param>
    /// <param name="baseline">For a rise rule, complaints in the previous window; otherwise <see langword="null"/>.</param>
    public AlertWindowCount(bool raise, string key, int count, int? baseline)
    {
        Raise = raise;
        Key = key;
        Count = count;
        Baseline = baseline;
    }

    /// <summary>Whether this complaint raises the rule's alert (true for one complaint only, across all instances, per condition and window).</summary>
    public bool Raise { get; }

    /// <summary>The key counted: the one asked for, or <c>other</c> when the rule's category limit was reached.</summary>
    public string Key { get; }

    /// <summary>Complaints of the key in the current window (for a repeat customer: within the window, up to the threshold).</summary>
    public int Count { get; }

    /// <summary>For a rise rule, complaints in the previous window; otherwise <see langword="null"/>.</summary>
    public int? Baseline { get; }
}
