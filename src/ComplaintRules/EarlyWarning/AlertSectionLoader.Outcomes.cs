using ComplaintRules.Rules;

namespace ComplaintRules.EarlyWarning;

// Outcome rules (satisfaction_drop, reopen_rate): they count outcomes, not complaints, so their members differ.
internal sealed partial class AlertSectionLoader
{
    // What an outcome can be counted by: the remedies given, or what its assessment found (when the host passes it).
    private static readonly string[] s_outcomeDimensions = ["conflict_type", "cause", "severity", "remedy"];

    private AlertRule? BuildOutcomeRule(string file, JsonLocator locator, string path, string id, AlertRuleType type, AlertRuleDocument doc, int before)
    {
        AlertDimension? dimension = null;
        if (doc.Dimension is not null)
        {
            if (Array.IndexOf(s_outcomeDimensions, doc.Dimension) < 0)
            {
                Error(file, locator, $"{path}.dimension", id,
                    $"dimension '{doc.Dimension}' is not one of: {string.Join(", ", s_outcomeDimensions)} (or leave it out to watch all outcomes together)" + Suggestion(doc.Dimension, s_outcomeDimensions));
            }
            else
            {
                dimension = doc.Dimension == "remedy" ? AlertDimension.Remedy : (AlertDimension)Array.IndexOf(s_dimensions, doc.Dimension);
                if (doc.Value is not null && !IsKnownValue(dimension.Value, doc.Value))
                {
                    Error(file, locator, $"{path}.value", id, $"value '{doc.Value}' is not a {doc.Dimension}: one of {string.Join(", ", KnownValues(dimension.Value))}");
                }
            }
        }
        else if (doc.Value is not null)
        {
            Error(file, locator, $"{path}.value", id, "\"value\" needs a \"dimension\"");
        }

        if (!TryWindow(doc.Window, out var window))
        {
            Error(file, locator, doc.Window is null ? path : $"{path}.window", id,
                $"window '{doc.Window}' must be a whole number of minutes, hours or days, e.g. \"30m\", \"1h\", \"7d\", at most 366 days");
        }

        if (doc.MinCount is not >= 1)
        {
            Error(file, locator, doc.MinCount is null ? path : $"{path}.minCount", id,
                "an outcome rule needs \"minCount\" of at least 1: the fewest outcomes in the window for a mean or a rate to mean anything");
        }

        if (doc.Threshold is not null || doc.RisePercent is not null || doc.MinBaseline is not null)
        {
            Error(file, locator, $"{path}.threshold", id, "threshold, risePercent and minBaseline belong to complaint rules; an outcome rule uses minCount");
        }

        if (type == AlertRuleType.SatisfactionDrop)
        {
            if (doc.RatePercent is not null)
            {
                Error(file, locator, $"{path}.ratePercent", id, "ratePercent belongs to reopen_rate rules");
            }

            if (doc.Below is null && doc.DropBy is null)
            {
                Error(file, locator, path, id, "a satisfaction_drop rule needs \"below\" (a mean from 1 to 5), \"dropBy\" (a fall from the previous window), or both");
            }

            if (doc.Below is not null and not (> ComplaintOutcome.MinSatisfaction and <= ComplaintOutcome.MaxSatisfaction))
            {
                Error(file, locator, $"{path}.below", id, $"below must be above {ComplaintOutcome.MinSatisfaction} and at most {ComplaintOutcome.MaxSatisfaction} (the satisfaction scale)");
            }

            if (doc.DropBy is not null and not (> 0 and < ComplaintOutcome.MaxSatisfaction - ComplaintOutcome.MinSatisfaction))
            {
                Error(file, locator, $"{path}.dropBy", id, "dropBy must be above 0 and below 4 (points of mean satisfaction)");
            }
        }
        else
        {
            if (doc.Below is not null || doc.DropBy is not null)
            {
                Error(file, locator, $"{path}.below", id, "below and dropBy belong to satisfaction_drop rules");
            }

            if (doc.RatePercent is not (> 0 and <= 100))
            {
                Error(file, locator, doc.RatePercent is null ? path : $"{path}.ratePercent", id, "a reopen_rate rule needs \"ratePercent\" above 0 and at most 100");
            }
        }

        return diagnostics.Count > before
            ? null
            : new AlertRule(id, type, dimension, doc.Value, window, 0, null, 1, doc.Description)
            {
                MinCount = doc.MinCount!.Value,
                Below = doc.Below,
                DropBy = doc.DropBy,
                RatePercent = doc.RatePercent,
            };
    }
}
