namespace ComplaintRules.Redis.Tests;

/// <summary>A reproducible stream of handled complaints on a clock that moves forward a few minutes at a time.</summary>
public static class HandledComplaints
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Alert rules of every type: a rise per conflict type, a critical burst, product volume, repeat customers.</summary>
    public static readonly ComplaintRuleSet Rules = ComplaintRuleSet.Load(RuleSetSource.Default, RuleSetSource.FromJson("""
        { "alerts": {
            "conflict_rise": { "type": "rise", "dimension": "conflict_type", "window": "1d", "risePercent": 50, "threshold": 5, "minBaseline": 4 },
            "critical_burst": { "type": "volume", "dimension": "severity", "value": "critical", "window": "1h", "threshold": 3 },
            "product_volume": { "type": "volume", "dimension": "product", "window": "6h", "threshold": 12 },
            "repeat": { "type": "repeat_customer", "window": "7d", "threshold": 3 }
        } }
        """));

    private static readonly ConflictType[] s_conflicts = [ConflictType.Price, ConflictType.ServiceQuality, ConflictType.Communication, ConflictType.Policy];
    private static readonly Severity[] s_severities = [Severity.Minor, Severity.Standard, Severity.Serious, Severity.Critical];
    private static readonly string?[] s_products = ["card", "loan", "mortgage", "savings", "app", null];

    public sealed record Item(Complaint Complaint, ComplaintAssessment Assessment, TimeSpan Gap);

    public static List<Item> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var items = new List<Item>(count);
        for (var i = 0; i < count; i++)
        {
            // Busy days and quiet days, so rises happen; a few customers complain often.
            var busy = (i / 300) % 3 == 2;
            var gap = TimeSpan.FromMinutes(random.Next(0, busy ? 6 : 20));
            var id = $"c-{i:D6}";
            var customer = random.Next(4) == 0 ? null : $"cust-{random.Next(busy ? 40 : 400)}";
            items.Add(new Item(
                new Complaint { Id = id, Text = "x", CustomerId = customer, Product = s_products[random.Next(s_products.Length)] },
                Assessment(id, s_conflicts[random.Next(s_conflicts.Length)], s_severities[random.Next(s_severities.Length)]),
                gap));
        }

        return items;
    }

    /// <summary>Everything an alert says, to compare alerts of two monitors field by field.</summary>
    public static object Fields(ComplaintAlert a) =>
        (a.RuleId, a.Type, a.Dimension, a.Key, a.Count, a.Baseline, a.Window, a.RaisedAt, a.ComplaintId, a.Message);

    public static ComplaintAssessment Assessment(string id, ConflictType conflict, Severity severity) => new()
    {
        Id = id, Language = "en", PrimaryCause = RootCause.RightsClaim, RootCauses = [], ConflictType = conflict, ConflictTypes = [],
        Severity = severity, SeverityReasons = [], Intensity = 1, Steps = [], Remedies = [], Trace = [], Warnings = [],
    };
}
