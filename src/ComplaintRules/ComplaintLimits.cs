namespace ComplaintRules;

/// <summary>
/// Caps every string field of a complaint, not only its text, so that no field can make a condition slow
/// (<c>Product.Contains(Channel)</c> on megabytes is quadratic) or an assessment huge. A field over its limit is
/// analysed up to the limit, never cut inside a surrogate pair, with a warning; nothing is refused.
/// </summary>
internal static class ComplaintLimits
{
    /// <summary>The complaint within the limits: the same instance when nothing is over (the usual case, which allocates nothing).</summary>
    public static Complaint Apply(Complaint complaint, ComplaintAnalyzerOptions options, List<AssessmentWarning> warnings)
    {
        if (!IsOver(complaint, options))
        {
            return complaint;
        }

        var field = options.MaxFieldLength;
        return complaint with
        {
            Id = Cut(complaint.Id, field, "id", nameof(options.MaxFieldLength), warnings)!,
            Language = Cut(complaint.Language, field, "language", nameof(options.MaxFieldLength), warnings),
            Channel = Cut(complaint.Channel, field, "channel", nameof(options.MaxFieldLength), warnings),
            Product = Cut(complaint.Product, field, "product", nameof(options.MaxFieldLength), warnings),
            Currency = Cut(complaint.Currency, field, "currency", nameof(options.MaxFieldLength), warnings),
            Regime = Cut(complaint.Regime, field, "regime", nameof(options.MaxFieldLength), warnings),
            CustomerId = Cut(complaint.CustomerId, field, "customerId", nameof(options.MaxFieldLength), warnings),
            HandlerRole = Cut(complaint.HandlerRole, field, "handlerRole", nameof(options.MaxFieldLength), warnings),
            CustomerDemand = Cut(complaint.CustomerDemand, options.MaxDemandLength, "customerDemand", nameof(options.MaxDemandLength), warnings),
            CustomerTags = LimitTags(complaint.CustomerTags, options, warnings),
            Attributes = LimitAttributes(complaint.Attributes, options, warnings),
        };
    }

    private static bool IsOver(Complaint c, ComplaintAnalyzerOptions o)
    {
        var field = o.MaxFieldLength;
        if (c.Id.Length > field || Over(c.Language, field) || Over(c.Channel, field) || Over(c.Product, field) || Over(c.Currency, field)
            || Over(c.Regime, field) || Over(c.CustomerId, field) || Over(c.HandlerRole, field) || Over(c.CustomerDemand, o.MaxDemandLength))
        {
            return true;
        }

        if (c.CustomerTags is { } tags)
        {
            if (tags.Count > o.MaxEntries)
            {
                return true;
            }

            for (var i = 0; i < tags.Count; i++) // an index, not foreach: no enumerator to allocate on every complaint
            {
                if (Over(tags[i], field))
                {
                    return true;
                }
            }
        }

        if (c.Attributes is { } attributes)
        {
            if (attributes.Count > o.MaxEntries)
            {
                return true;
            }

            return attributes is Dictionary<string, string> dictionary ? AnyOver(dictionary, o) : AnyOver(attributes, o);
        }

        return false;
    }

    // The usual dictionary is enumerated through its struct enumerator, which allocates nothing.
    private static bool AnyOver(Dictionary<string, string> attributes, ComplaintAnalyzerOptions o)
    {
        foreach (var (name, value) in attributes)
        {
            if (name.Length > o.MaxFieldLength || Over(value, o.MaxAttributeValueLength))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyOver(IReadOnlyDictionary<string, string> attributes, ComplaintAnalyzerOptions o)
    {
        foreach (var (name, value) in attributes)
        {
            if (name.Length > o.MaxFieldLength || Over(value, o.MaxAttributeValueLength))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Over(string? value, int limit) => value is not null && value.Length > limit;

    private static string? Cut(string? value, int limit, string name, string option, List<AssessmentWarning> warnings)
    {
        if (value is null || value.Length <= limit)
        {
            return value;
        }

        var cut = Cut(value, limit);
        warnings.Add(WarningCodes.Format(WarningCodes.FieldTruncated, $"{name} truncated from {value.Length} to {cut.Length} characters ({option})"));
        return cut;
    }

    /// <summary>The first <paramref name="limit"/> characters, one fewer when the last would split a surrogate pair.</summary>
    public static string Cut(string value, int limit)
    {
        if (value.Length <= limit)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[limit - 1]) ? limit - 1 : limit;
        return value[..cut];
    }

    private static string[]? LimitTags(IReadOnlyList<string>? tags, ComplaintAnalyzerOptions options, List<AssessmentWarning> warnings)
    {
        if (tags is null)
        {
            return null;
        }

        var kept = Math.Min(tags.Count, options.MaxEntries);
        if (kept < tags.Count)
        {
            warnings.Add(WarningCodes.Format(WarningCodes.EntriesDropped, $"customerTags has {tags.Count} entries; the first {kept} were used (MaxEntries)"));
        }

        var result = new string[kept];
        var truncated = 0;
        for (var i = 0; i < kept; i++)
        {
            result[i] = tags[i] is { } tag && tag.Length > options.MaxFieldLength ? Cut(tag, options.MaxFieldLength) : tags[i];
            truncated += ReferenceEquals(result[i], tags[i]) ? 0 : 1;
        }

        if (truncated > 0)
        {
            warnings.Add(WarningCodes.Format(WarningCodes.FieldTruncated, $"{truncated} customer tag(s) truncated to {options.MaxFieldLength} characters (MaxFieldLength)"));
        }

        return result;
    }

    private static Dictionary<string, string>? LimitAttributes(IReadOnlyDictionary<string, string>? attributes, ComplaintAnalyzerOptions options,
        List<AssessmentWarning> warnings)
    {
        if (attributes is null)
        {
            return null;
        }

        if (attributes.Count > options.MaxEntries)
        {
            warnings.Add(WarningCodes.Format(WarningCodes.EntriesDropped,
                $"attributes has {attributes.Count} entries; the first {options.MaxEntries} were used (MaxEntries)"));
        }

        var result = new Dictionary<string, string>(Math.Min(attributes.Count, options.MaxEntries), StringComparer.Ordinal);
        var (names, values) = (0, 0);
        foreach (var (name, value) in attributes)
        {
            if (result.Count == options.MaxEntries)
            {
                break;
            }

            var key = Cut(name, options.MaxFieldLength);
            names += key.Length < name.Length ? 1 : 0;
            var kept = value is null ? "" : Cut(value, options.MaxAttributeValueLength); // Attr reads a missing value as "" anyway
            values += value is not null && kept.Length < value.Length ? 1 : 0;
            result.TryAdd(key, kept);
        }

        if (names > 0)
        {
            warnings.Add(WarningCodes.Format(WarningCodes.FieldTruncated, $"{names} attribute name(s) truncated to {options.MaxFieldLength} characters (MaxFieldLength)"));
        }

        if (values > 0)
        {
            warnings.Add(WarningCodes.Format(WarningCodes.FieldTruncated,
                $"{values} attribute value(s) truncated to {options.MaxAttributeValueLength} characters (MaxAttributeValueLength)"));
        }

        return result;
    }
}
