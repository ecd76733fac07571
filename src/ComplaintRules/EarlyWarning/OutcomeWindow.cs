using System.Globalization;

namespace ComplaintRules.EarlyWarning;

/// <summary>
/// The window of one outcome rule (satisfaction drop, reopen rate): per category, tallies of outcomes in a ring of
/// time buckets — one window, or two when the rule compares with the previous window. Unlike a complaint rule's
/// alert, which fires once per window, an outcome alert is a state: raised when the condition starts to hold,
/// active while it holds, cleared when it stops (including when too few outcomes remain to judge).
/// Not thread-safe: <see cref="ComplaintMonitor"/> holds its lock.
/// </summary>
internal sealed class OutcomeWindow
{
    private const string All = "all";
    private const string None = "none";
    private const string Other = "other";

    private readonly long _bucketTicks;
    private readonly int _perWindow;
    private readonly int _maxCategories;
    private readonly long[] _epochs;
    private readonly Dictionary<string, Tally>[] _tallies;
    private readonly Dictionary<string, ComplaintAlert> _active = new(StringComparer.Ordinal);

    public OutcomeWindow(AlertRule rule, int buckets, int maxCategories)
    {
        Rule = rule;
        _perWindow = buckets;
        _bucketTicks = Math.Max(1, rule.Window.Ticks / buckets);
        _maxCategories = maxCategories;
        var ring = rule.DropBy is null ? buckets : 2 * buckets;
        _epochs = new long[ring];
        Array.Fill(_epochs, long.MinValue);
        _tallies = new Dictionary<string, Tally>[ring];
        for (var i = 0; i < ring; i++)
        {
            _tallies[i] = new Dictionary<string, Tally>(StringComparer.Ordinal);
        }
    }

    public AlertRule Rule { get; }

    public IEnumerable<ComplaintAlert> Active => _active.Values;

    public void Record(ComplaintOutcome outcome, ComplaintAssessment? assessment, DateTimeOffset now, ref List<ComplaintAlert>? raised, ref List<ComplaintAlert>? cleared)
    {
        var epoch = now.UtcTicks / _bucketTicks;
        var slot = (int)(epoch % _epochs.Length);
        if (_epochs[slot] != epoch)
        {
            _epochs[slot] = epoch;
            _tallies[slot].Clear();
        }

        var bucket = _tallies[slot];
        foreach (var category in KeysOf(outcome, assessment))
        {
            var key = !bucket.ContainsKey(category) && bucket.Count >= _maxCategories ? Other : category;
            bucket[key] = bucket.GetValueOrDefault(key).Add(outcome);
            var holds = Holds(key, epoch, out var current, out var previous);
            if (holds && !_active.ContainsKey(key))
            {
                var alert = Alert(key, current, previous, now, outcome.ComplaintId);
                _active[key] = alert;
                (raised ??= []).Add(alert);
            }
            else if (!holds && _active.Remove(key, out var ended))
            {
                (cleared ??= []).Add(ended);
            }
        }
    }

    /// <summary>Clears the alerts whose condition no longer holds as the window slides.</summary>
    public void Sweep(DateTimeOffset now, ref List<ComplaintAlert>? cleared)
    {
        if (_active.Count == 0)
        {
            return;
        }

        var epoch = now.UtcTicks / _bucketTicks;
        foreach (var key in _active.Keys.ToArray())
        {
            if (!Holds(key, epoch, out _, out _) && _active.Remove(key, out var ended))
            {
                (cleared ??= []).Add(ended);
            }
        }
    }

    private List<string> KeysOf(ComplaintOutcome outcome, ComplaintAssessment? assessment)
    {
        List<string> keys = Rule.Dimension switch
        {
            null => [All],
            AlertDimension.Remedy => outcome.RemediesGiven.Count == 0 ? [None] : [.. outcome.RemediesGiven.Distinct(StringComparer.Ordinal)],
            AlertDimension.Cause when assessment is not null => [assessment.PrimaryCause.Name()],
            AlertDimension.ConflictType when assessment is not null => [assessment.ConflictType.Name()],
            AlertDimension.Severity when assessment is not null => [assessment.Severity.Name()],
            _ => [], // counted by what the assessment found, and the host passed none
        };
        if (Rule.Value is { } only)
        {
            keys.RemoveAll(k => !string.Equals(k, only, StringComparison.Ordinal));
        }

        return keys;
    }

    private bool Holds(string key, long epoch, out Tally current, out Tally previous)
    {
        current = Sum(key, epoch - _perWindow + 1, epoch);
        previous = Rule.DropBy is null ? default : Sum(key, epoch - (2 * _perWindow) + 1, epoch - _perWindow);
        if (Rule.Type == AlertRuleType.ReopenRate)
        {
            return current.Outcomes >= Rule.MinCount && current.Reopened * 100.0 >= Rule.RatePercent!.Value * current.Outcomes;
        }

        if (current.Rated < Rule.MinCount)
        {
            return false;
        }

        var mean = current.Mean;
        return (Rule.Below is { } below && mean < below)
            || (Rule.DropBy is { } drop && previous.Rated >= Rule.MinCount && previous.Mean - mean >= drop);
    }

    private ComplaintAlert Alert(string key, Tally current, Tally previous, DateTimeOffset now, string complaintId)
    {
        var window = ComplaintMonitor.Describe(Rule.Window);
        var of = key == All ? "" : $" with {Describe(Rule.Dimension)} '{key}'";
        var inv = CultureInfo.InvariantCulture;
        if (Rule.Type == AlertRuleType.ReopenRate)
        {
            var rate = current.Reopened * 100.0 / current.Outcomes;
            return new ComplaintAlert(Rule.Id, Rule.Type, Rule.Dimension, key, current.Outcomes, null, Rule.Window, now, complaintId,
                string.Create(inv, $"{rate:0.#}% of {current.Outcomes} complaints{of} were reopened within {window} (threshold {Rule.RatePercent}%)"))
            {
                ReopenRatePercent = rate,
            };
        }

        double? before = Rule.DropBy is not null && previous.Rated >= Rule.MinCount ? previous.Mean : null;
        var message = Rule.Below is { } below && current.Mean < below
            ? string.Create(inv, $"mean satisfaction{of} is {current.Mean:0.00} over {current.Rated} rated outcomes within {window}, below {below}")
            : string.Create(inv, $"mean satisfaction{of} fell from {before:0.00} to {current.Mean:0.00} ({previous.Rated} → {current.Rated} rated outcomes) over the previous {window} (drop of at least {Rule.DropBy})");
        return new ComplaintAlert(Rule.Id, Rule.Type, Rule.Dimension, key, current.Rated, Rule.DropBy is null ? null : previous.Rated, Rule.Window, now, complaintId, message)
        {
            MeanSatisfaction = current.Mean,
            PreviousMeanSatisfaction = before,
        };
    }

    private static string Describe(AlertDimension? dimension) => dimension switch
    {
        AlertDimension.Remedy => "remedy",
        AlertDimension.Cause => "cause",
        AlertDimension.ConflictType => "conflict type",
        _ => "severity",
    };

    private Tally Sum(string key, long fromEpoch, long toEpoch)
    {
        var sum = default(Tally);
        for (var i = 0; i < _epochs.Length; i++)
        {
            if (_epochs[i] >= fromEpoch && _epochs[i] <= toEpoch && _tallies[i].TryGetValue(key, out var tally))
            {
                sum = sum.Plus(tally);
            }
        }

        return sum;
    }

    private readonly record struct Tally(int Outcomes, int Rated, long SatisfactionSum, int Reopened)
    {
        public double Mean => Rated == 0 ? 0 : (double)SatisfactionSum / Rated;

        public Tally Add(ComplaintOutcome outcome) => new(
            Outcomes + 1, Rated + (outcome.Satisfaction is null ? 0 : 1), SatisfactionSum + (outcome.Satisfaction ?? 0), Reopened + (outcome.Reopened ? 1 : 0));

        public Tally Plus(Tally other) =>
            new(Outcomes + other.Outcomes, Rated + other.Rated, SatisfactionSum + other.SatisfactionSum, Reopened + other.Reopened);
    }
}
