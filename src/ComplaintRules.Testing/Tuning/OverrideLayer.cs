using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComplaintRules.Testing;

/// <summary>
/// Writes tuned numbers as a rule-set layer: each changed rule copied from the last layer that defines it, with
/// <c>"override": true</c> and the new number, and the cause threshold under <c>settings</c> when it changed.
/// </summary>
internal static class OverrideLayer
{
    private static readonly string[] s_decisions = ["causes", "intensity", "conflicts", "severity", "steps", "remedies"];

    private static readonly JsonSerializerOptions s_output = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IReadOnlyList<RuleSetSource> sources, IReadOnlyList<TunedValue> changes, string description)
    {
        var definitions = RuleDefinitions(sources);
        var layer = new JsonObject { ["description"] = description };
        var threshold = changes.FirstOrDefault(c => c.Member == "causeThreshold");
        if (threshold is not null)
        {
            layer["settings"] = new JsonObject { ["causeThreshold"] = threshold.To };
        }

        var rules = new JsonObject();
        foreach (var decision in s_decisions)
        {
            var changed = changes.Where(c => c.Decision == decision).ToList();
            if (changed.Count > 0)
            {
                rules[decision] = new JsonArray([.. changed.Select(c => Overriding(definitions[c.RuleId], c))]);
            }
        }

        layer["rules"] = rules;
        return layer.ToJsonString(s_output) + Environment.NewLine;
    }

    // The rule as its source wrote it (descriptions and all), marked as an override, with the one number changed.
    private static JsonObject Overriding(JsonObject definition, TunedValue change)
    {
        var rule = new JsonObject();
        foreach (var (name, value) in definition)
        {
            if (name == "override")
            {
                continue;
            }

            rule[name] = name == change.Member ? Number(change) : value?.DeepClone();
            if (name == "id")
            {
                rule["override"] = true;
            }
        }

        if (!rule.ContainsKey(change.Member))
        {
            rule[change.Member] = Number(change); // a priority left at its default
        }

        return rule;
    }

    private static JsonValue Number(TunedValue change) =>
        change.Member is "points" or "priority" ? JsonValue.Create((int)change.To) : JsonValue.Create(change.To);

    private static Dictionary<string, JsonObject> RuleDefinitions(IReadOnlyList<RuleSetSource> sources)
    {
        var definitions = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        foreach (var source in sources)
        {
            if (JsonNode.Parse(source.Read(), documentOptions: options) is not JsonObject document || document["rules"] is not JsonObject decisions)
            {
                continue;
            }

            foreach (var (_, list) in decisions)
            {
                foreach (var rule in (list as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (rule["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String)
                    {
                        definitions[id.GetValue<string>()] = rule;
                    }
                }
            }
        }

        return definitions;
    }
}
