using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintRules.Rules;

namespace ComplaintRules.EarlyWarning;

/// <summary>
/// Layers and validates the <c>alerts</c> section of rule-set documents: a later document replaces an alert rule of
/// the same id whole. Reports problems into the loader's diagnostics.
/// </summary>
internal sealed partial class AlertSectionLoader(List<RuleDiagnostic> diagnostics)
{
    /// <summary>The longest window accepted.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    private static readonly string[] s_types = ["rise", "volume", "repeat_customer", "satisfaction_drop", "reopen_rate"];
    private static readonly string[] s_dimensions = ["conflict_type", "cause", "product", "severity"];

    private readonly List<AlertRule> _rules = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public void Add(string file, JsonLocator locator, Dictionary<string, AlertRuleDocument>? alerts)
    {
        foreach (var (id, doc) in alerts ?? [])
        {
            if (Build(file, locator, $"$.alerts.{id}", id, doc) is not { } rule)
            {
                continue;
            }

            if (_index.TryGetValue(id, out var existing))
            {
                _rules[existing] = rule;
            }
            else
            {
                _index[id] = _rules.Count;
                _rules.Add(rule);
            }
        }
    }

    public IReadOnlyList<AlertRule> Build() => _rules.Count == 0 ? [] : _rules.ToArray();

    private AlertRule? Build(string file, JsonLocator locator, string path, string id, AlertRuleDocument? doc)
    {
        if (!IdRegex().IsMatch(id))
        {
            Error(file, locator, path, id, $"alert id '{id}' must be letters, digits, '.', '-' or '_', starting with a letter");
            return null;
        }

        if (doc is null)
        {
            Error(file, locator, path, id, "an alert rule must be an object with \"type\", \"window\" and \"threshold\"");
            return null;
        }

        var before = diagnostics.Count;
        var type = (AlertRuleType)Math.Max(0, Array.IndexOf(s_types, doc.Type));
        if (Array.IndexOf(s_types, doc.Type) < 0)
        {
            Error(file, locator, doc.Type is null ? path : $"{path}.type", id, $"type '{doc.Type}' is not one of: {string.Join(", ", s_types)}" + Suggestion(doc.Type, s_types));
        }

        if (type is AlertRuleType.SatisfactionDrop or AlertRuleType.ReopenRate)
        {
            return BuildOutcomeRule(file, locator, path, id, type, doc, before);
        }

        if (doc.MinCount is not null || doc.Below is not null || doc.DropBy is not null || doc.RatePercent is not null)
        {
            Error(file, locator, $"{path}.minCount", id, "minCount, below, dropBy and ratePercent belong to satisfaction_drop and reopen_rate rules only");
        }

        AlertDimension? dimension = null;
        if (type == AlertRuleType.RepeatCustomer)
        {
            if (doc.Dimension is not null || doc.Value is not null)
            {
                Error(file, locator, $"{path}.dimension", id, "a repeat_customer rule counts per customer; leave out \"dimension\" and \"value\"");
            }
        }
        else if (Array.IndexOf(s_dimensions, doc.Dimension) is var d and >= 0)
        {
            dimension = (AlertDimension)d;
            if (doc.Value is not null && !IsKnownValue(dimension.Value, doc.Value))
            {
                Error(file, locator, $"{path}.value", id, $"value '{doc.Value}' is not a {doc.Dimension}: one of {string.Join(", ", KnownValues(dimension.Value))}");
            }
        }
        else
        {
            Error(file, locator, doc.Dimension is null ? path : $"{path}.dimension", id,
                $"dimension '{doc.Dimension}' is not one of: {string.Join(", ", s_dimensions)}" + Suggestion(doc.Dimension, s_dimensions));
        }

        var window = TimeSpan.Zero;
        if (!TryWindow(doc.Window, out window))
        {
            Error(file, locator, doc.Window is null ? path : $"{path}.window", id,
                $"window '{doc.Window}' must be a whole number of minutes, hours or days, e.g. \"30m\", \"1h\", \"7d\", at most 366 days");
        }

        var threshold = doc.Threshold ?? (type == AlertRuleType.Rise ? 1 : 0);
        if (threshold < 1)
        {
            Error(file, locator, doc.Threshold is null ? path : $"{path}.threshold", id, "threshold must be a whole number of at least 1 (the count that raises the alert)");
        }

        if (type == AlertRuleType.Rise)
        {
            if (doc.RisePercent is not (> 0 and <= 100_000))
            {
                Error(file, locator, doc.RisePercent is null ? path : $"{path}.risePercent", id, "a rise rule needs \"risePercent\" above 0 (e.g. 50 for a rise of at least 50 % over the previous window)");
            }

            if (doc.MinBaseline is < 1)
            {
                Error(file, locator, $"{path}.minBaseline", id, "minBaseline must be at least 1");
            }
        }
        else if (doc.RisePercent is not null || doc.MinBaseline is not null)
        {
            Error(file, locator, $"{path}.risePercent", id, "risePercent and minBaseline belong to rise rules only");
        }

        return diagnostics.Count > before
            ? null
            : new AlertRule(id, type, dimension, doc.Value, window, threshold, doc.RisePercent, doc.MinBaseline ?? 1, doc.Description);
    }

    internal static bool TryWindow(string? text, out TimeSpan window)
    {
        window = TimeSpan.Zero;
        var match = text is null ? Match.Empty : WindowRegex().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        window = match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
        return window > TimeSpan.Zero && window <= MaxWindow;
    }

    private static bool IsKnownValue(AlertDimension dimension, string value) =>
        dimension is AlertDimension.Product or AlertDimension.Remedy ? value.Length > 0 : KnownValues(dimension).Contains(value);

    private static IReadOnlyList<string> KnownValues(AlertDimension dimension) => dimension switch
    {
        AlertDimension.ConflictType => Vocabulary.Conflicts,
        AlertDimension.Cause => Vocabulary.Causes,
        AlertDimension.Severity => Vocabulary.Severities,
        AlertDimension.Remedy => ["any remedy id"],
        _ => ["any product id"],
    };

    private static string Suggestion(string? value, string[] names) =>
        value is not null && NameSuggestions.Closest(value, names) is { } s ? $"; did you mean '{s}'?" : "";

    private void Error(string file, JsonLocator locator, string path, string id, string message)
    {
        var (line, column) = locator.Locate(path);
        diagnostics.Add(new RuleDiagnostic(file, line, column, id, path, message) { Code = DiagnosticCodes.InvalidAlert });
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*$")]
    private static partial Regex IdRegex();

    [GeneratedRegex("^([1-9][0-9]{0,5})([mhd])$")]
    private static partial Regex WindowRegex();
}
