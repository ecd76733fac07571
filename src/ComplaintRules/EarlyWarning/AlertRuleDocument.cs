namespace ComplaintRules.Rules;

// The JSON shape of one entry of the "alerts" section.
internal sealed class AlertRuleDocument
{
    public string? Type { get; set; }

    public string? Description { get; set; }

    public string? Dimension { get; set; }

    public string? Value { get; set; }

    public string? Window { get; set; }

    public int? Threshold { get; set; }

    public double? RisePercent { get; set; }

    public int? MinBaseline { get; set; }

    public int? MinCount { get; set; }

    public double? Below { get; set; }

    public double? DropBy { get; set; }

    public double? RatePercent { get; set; }
}
