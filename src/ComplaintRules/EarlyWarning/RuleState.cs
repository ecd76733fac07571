namespace ComplaintRules.EarlyWarning;

/// <summary>The counting state of one alert rule. Not thread-safe: <see cref="ComplaintMonitor"/> holds its lock.</summary>
internal abstract class RuleState(AlertRule rule)
{
    public AlertRule Rule { get; } = rule;

    public abstract ComplaintAlert? Record(Complaint complaint, ComplaintAssessment assessment, DateTimeOffset now);

    /// <summary>The key this rule counts the complaint under, or null when the rule does not count it.</summary>
    public abstract string? KeyOf(Complaint complaint, ComplaintAssessment assessment);

    /// <summary>The alert for a count a shared <see cref="AlertWindowStore"/> decided to raise.</summary>
    public abstract ComplaintAlert Alert(AlertWindowCount count, DateTimeOffset now, string complaintId);
}

/// <summary>
/// Counts per category in a ring of time buckets: one window for a volume rule, two (current and previous) for a
/// rise rule. A window is the last <c>buckets</c> buckets, the current one included, so it slides in steps of
/// window / buckets. An alert for a category is raised at most once per window.
/// </summary>
internal sealed class CategoryWindow : RuleState
{
    private const string Other = "other";

    private readonly long _bucketTicks;
    private readonly int _perWindow;
    private readonly int _maxCategories;
    private readonly long[] _epochs;
    private readonly Dictionary<string, int>[] _counts;
    private readonly Dictionary<string, long> _lastAlert = new(StringComparer.Ordinal);

    public CategoryWindow(AlertRule rule, int buckets, int maxCategories)
        : base(rule)
    {
        _perWindow = buckets;
        _bucketTicks = Math.Max(1, rule.Window.Ticks / buckets);
        _maxCategories = maxCategories;
        var ring = rule.Type == AlertRuleType.Rise ? 2 * buckets : buckets;
        _epochs = new long[ring];
        Array.Fill(_epochs, long.MinValue);
        _counts = new Dictionary<string, int>[ring];
        for (var i = 0; i < ring; i++)
        {
            _counts[i] = new Dictionary<string, int>(StringComparer.Ordinal);
        }
    }

    public override string? KeyOf(Complaint complaint, ComplaintAssessment assessment)
    {
        var key = Rule.Dimension switch
        {
            AlertDimension.ConflictType => assessment.ConflictType.Name(),
            AlertDimension.Cause => assessment.PrimaryCause.Name(),
            AlertDimension.Severity => assessment.Severity.Name(),
            _ => string.IsNullOrWhiteSpace(complaint.Product) ? "unknown" : complaint.Product.Trim(),
        };
        return Rule.Value is not null && !string.Equals(Rule.Value, key, StringComparison.Ordinal) ? null : key;
    }

    public override ComplaintAlert Alert(AlertWindowCount count, DateTimeOffset now, string complaintId) =>
        Alert(Rule, count.Key, count.Count, count.Baseline, now, complaintId);

    public override ComplaintAlert? Record(Complaint complaint, ComplaintAssessment assessment, DateTimeOffset now)
    {
        if (KeyOf(complaint, assessment) is not { } key)
        {
            return null;
        }

        var epoch = now.UtcTicks / _bucketTicks;
        var slot = (int)(epoch % _epochs.Length);
        if (_epochs[slot] != epoch)
        {
            _epochs[slot] = epoch;
            _counts[slot].Clear();
        }

        var bucket = _counts[slot];
        if (!bucket.ContainsKey(key) && bucket.Count >= _maxCategories)
        {
            key = Other;
        }

        bucket[key] = bucket.GetValueOrDefault(key) + 1;
        var current = Sum(key, epoch - _perWindow + 1, epoch);
        int? baseline = null;
        bool crossed;
        if (Rule.Type == AlertRuleType.Volume)
        {
            crossed = current >= Rule.Threshold;
        }
        else
        {
            var previous = Sum(key, epoch - (2 * _perWindow) + 1, epoch - _perWindow);
            baseline = previous;
            crossed = current >= Rule.Threshold && previous >= Rule.MinBaseline && (current - previous) * 100.0 >= Rule.RisePercent!.Value * previous;
        }

        if (!crossed || (_lastAlert.TryGetValue(key, out var last) && epoch - last < _perWindow))
        {
            return null;
        }

        if (_lastAlert.Count >= _maxCategories + 1)
        {
            _lastAlert.Clear(); // bounded; at worst a category alerts again one window early
        }

        _lastAlert[key] = epoch;
        return Alert(Rule, key, current, baseline, now, assessment.Id);
    }

    private static ComplaintAlert Alert(AlertRule rule, string key, int current, int? baseline, DateTimeOffset now, string complaintId)
    {
        var window = ComplaintMonitor.Describe(rule.Window);
        var what = rule.Dimension switch
        {
            AlertDimension.ConflictType => "conflict type",
            AlertDimension.Cause => "cause",
            AlertDimension.Product => "product",
            _ => "severity",
        };
        var message = rule.Type == AlertRuleType.Volume
            ? $"{current} complaints with {what} '{key}' within {window} (threshold {rule.Threshold})"
            : $"complaints with {what} '{key}' rose {Math.Round((current - baseline!.Value) * 100.0 / baseline.Value)}% ({baseline} → {current}) over the previous {window} (threshold {rule.RisePercent}%)";
        return new ComplaintAlert(rule.Id, rule.Type, rule.Dimension, key, current, baseline, rule.Window, now, complaintId, message);
    }

    private int Sum(string key, long fromEpoch, long toEpoch)
    {
        var sum = 0;
        for (var i = 0; i < _epochs.Length; i++)
        {
            if (_epochs[i] >= fromEpoch && _epochs[i] <= toEpoch && _counts[i].TryGetValue(key, out var n))
            {
                sum += n;
            }
        }

        return sum;
    }
}

/// <summary>
/// Per customer, the times of their last <c>threshold</c> complaints: an alert when all of them fall within the
/// window, at most once per window per customer. Customers whose last complaint left the window are dropped.
/// </summary>
internal sealed class CustomerWindow(AlertRule rule, int maxCustomers, int buckets, ComplaintMonitor owner) : RuleState(rule)
{
    private readonly Dictionary<string, Track> _tracks = new(StringComparer.Ordinal);
    private long _nextSweep = long.MinValue;

    public override string? KeyOf(Complaint complaint, ComplaintAssessment assessment) =>
        string.IsNullOrWhiteSpace(complaint.CustomerId) ? null : complaint.CustomerId;

    public override ComplaintAlert Alert(AlertWindowCount count, DateTimeOffset now, string complaintId) =>
        Alert(count.Key, count.Count, now, complaintId);

    public override ComplaintAlert? Record(Complaint complaint, ComplaintAssessment assessment, DateTimeOffset now)
    {
        if (KeyOf(complaint, assessment) is not { } customer)
        {
            return null;
        }

        var ticks = now.UtcTicks;
        if (!_tracks.TryGetValue(customer, out var track))
        {
            if (_tracks.Count >= maxCustomers && ticks >= _nextSweep)
            {
                Sweep(ticks);
            }

            if (_tracks.Count >= maxCustomers)
            {
                owner.CountUntracked();
                return null;
            }

            track = new Track(Rule.Threshold);
            _tracks[customer] = track;
        }

        track.Add(ticks);
        var inWindow = track.CountSince(ticks - Rule.Window.Ticks);
        if (inWindow < Rule.Threshold || ticks - track.LastAlert < Rule.Window.Ticks)
        {
            return null;
        }

        track.LastAlert = ticks;
        return Alert(customer, inWindow, now, assessment.Id);
    }

    private ComplaintAlert Alert(string customer, int inWindow, DateTimeOffset now, string complaintId)
    {
        var message = $"customer '{customer}' complained {inWindow} times within {ComplaintMonitor.Describe(Rule.Window)} (threshold {Rule.Threshold})";
        return new ComplaintAlert(Rule.Id, Rule.Type, null, customer, inWindow, null, Rule.Window, now, complaintId, message);
    }

    private void Sweep(long now)
    {
        var horizon = now - Rule.Window.Ticks;
        foreach (var (customer, track) in _tracks)
        {
            if (track.Newest <= horizon)
            {
                _tracks.Remove(customer);
            }
        }

        _nextSweep = now + Math.Max(1, Rule.Window.Ticks / buckets); // a full table of active customers is not rescanned on every complaint
    }

    private sealed class Track(int capacity)
    {
        private readonly long[] _times = new long[capacity];
        private int _count;
        private int _next;

        public long LastAlert { get; set; } = long.MinValue / 2;

        public long Newest => _times[(_next + _times.Length - 1) % _times.Length];

        public void Add(long ticks)
        {
            _times[_next] = ticks;
            _next = (_next + 1) % _times.Length;
            _count = Math.Min(_count + 1, _times.Length);
        }

        public int CountSince(long horizon)
        {
            var n = 0;
            for (var i = 0; i < _count; i++)
            {
                if (_times[i] > horizon)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
