namespace ComplaintRules.Rules;

// The JSON shape of the "calendars" and "regimes" sections, as rule authors write them. Every member is nullable so
// that the validator reports what is missing, with its position.

internal sealed class CalendarDocument
{
    public string? Description { get; set; }

    public List<string>? Weekend { get; set; }

    public List<int>? Years { get; set; }

    public List<string>? Holidays { get; set; }

    public List<string>? Workdays { get; set; }

    public List<SourceDocument>? Sources { get; set; }
}

internal sealed class RegimeDocument
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? TimeZone { get; set; }

    public string? Calendar { get; set; }

    public List<string>? Basis { get; set; }

    public string? ValidFrom { get; set; }

    public List<SourceDocument>? Sources { get; set; }

    public List<DeadlineDocument>? Deadlines { get; set; }
}

internal sealed class DeadlineDocument
{
    public string? Kind { get; set; }

    public int? Amount { get; set; }

    public string? Unit { get; set; }

    public string? From { get; set; }

    public bool? RollForward { get; set; }

    public string? Basis { get; set; }

    public string? When { get; set; }

    public LocalizedText? Condition { get; set; }

    public LocalizedText? Note { get; set; }

    public List<string>? Mention { get; set; }

    public LocalizedText? Notice { get; set; }

    public SourceDocument? Source { get; set; }
}

internal sealed class SourceDocument
{
    public string? Title { get; set; }

    public string? Provision { get; set; }

    public string? Url { get; set; }

    public string? Checked { get; set; }
}
