using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace ComplaintRules.Rules;

/// <summary>
/// The tolerant pass over a rule-set document that the strict deserialiser rejected. System.Text.Json stops at the
/// first unknown member or wrongly typed value; this walks the whole tree against the document's own JSON metadata
/// (so it follows <see cref="RuleSetDocument"/> as it grows), reports every such problem, and removes the offending
/// values, so that the rest of the document can still be validated and compiled in the same run.
/// </summary>
internal static class RuleSetShape
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false, // a member written twice is the deserialiser's error to report
        MaxDepth = 16,
    };

    /// <summary>
    /// Checks and repairs a document. Returns <see langword="null"/> when the text is not well-formed JSON or no
    /// problem of shape was found (the caller then reports the deserialiser's own error).
    /// </summary>
    public static (RuleSetDocument? Document, IReadOnlyList<ShapeProblem> Problems)? Repair(byte[] utf8)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8, documentOptions: s_options);
        }
        catch (JsonException)
        {
            return null;
        }

        var problems = new List<ShapeProblem>();
        var info = RuleSetJsonContext.Default.RuleSetDocument;
        if (!Check(root, info, "$", null, problems))
        {
            return (null, problems);
        }

        if (problems.Count == 0)
        {
            return null;
        }

        try
        {
            return (root.Deserialize(info), problems);
        }
        catch (JsonException)
        {
            return null; // a problem this pass does not model; the deserialiser's message will do
        }
    }

    /// <summary>
    /// Checks <paramref name="node"/> against the JSON metadata of the type it is read as, reporting every unknown
    /// member and wrongly typed value and removing them from the tree (array items become null, keeping indices).
    /// </summary>
    /// <returns><see langword="false"/> when <paramref name="node"/> itself has the wrong type; the caller removes it.</returns>
    public static bool Check(JsonNode? node, JsonTypeInfo info, string path, string? ruleId, List<ShapeProblem> problems)
    {
        if (node is null)
        {
            return true; // null reads as "missing"; the validator says what is needed
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (node is not JsonObject obj)
                {
                    return WrongType(node, path, ruleId, "an object", problems);
                }

                if (typeof(RuleDocument).IsAssignableFrom(info.Type) && obj["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var id))
                {
                    ruleId = id;
                }

                foreach (var (name, value) in obj.ToArray())
                {
                    var memberPath = $"{path}.{name}";
                    // A member the JSON never reads ([JsonIgnore], e.g. Complaint.IntakeWarnings) is unknown here too.
                    var property = info.Properties.FirstOrDefault(p => p.Name == name && (p.Get is not null || p.Set is not null));
                    if (property is null)
                    {
                        var known = info.Properties.Where(p => p.Get is not null || p.Set is not null).Select(p => p.Name).ToArray();
                        var suggestion = NameSuggestions.Closest(name, known);
                        problems.Add(new ShapeProblem(memberPath, true, ruleId,
                            $"unknown member '{name}'" + (suggestion is null ? $"; expected one of: {string.Join(", ", known)}" : $"; did you mean '{suggestion}'?"),
                            suggestion is null ? null : $"{path}.{suggestion}"));
                        obj.Remove(name);
                    }
                    else if (!Check(value, info.Options.GetTypeInfo(property.PropertyType), memberPath, ruleId, problems))
                    {
                        obj.Remove(name);
                    }
                }

                return true;

            case JsonTypeInfoKind.Dictionary:
                if (node is not JsonObject map)
                {
                    return WrongType(node, path, ruleId, "an object", problems);
                }

                var valueInfo = info.Options.GetTypeInfo(info.ElementType!);
                foreach (var (name, value) in map.ToArray())
                {
                    if (!Check(value, valueInfo, $"{path}.{name}", ruleId, problems))
                    {
                        map.Remove(name);
                    }
                }

                return true;

            case JsonTypeInfoKind.Enumerable:
                if (node is not JsonArray array)
                {
                    return WrongType(node, path, ruleId, "an array", problems);
                }

                var itemInfo = info.Options.GetTypeInfo(info.ElementType!);
                for (var i = 0; i < array.Count; i++)
                {
                    // Replaced, not removed: later items keep their index, so their positions stay right.
                    if (!Check(array[i], itemInfo, $"{path}[{i}]", ruleId, problems))
                    {
                        array[i] = null;
                    }
                }

                return true;

            default:
                var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
                var kind = node.GetValueKind();
                if (type == typeof(string))
                {
                    return kind == JsonValueKind.String || WrongType(node, path, ruleId, "a string in quotes", problems);
                }

                if (type == typeof(bool))
                {
                    return kind is JsonValueKind.True or JsonValueKind.False || WrongType(node, path, ruleId, "true or false", problems);
                }

                if (type == typeof(int))
                {
                    return (kind == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out _)) || WrongType(node, path, ruleId, "a whole number", problems);
                }

                if (type == typeof(DateTimeOffset))
                {
                    return (kind == JsonValueKind.String && node.AsValue().TryGetValue<DateTimeOffset>(out _))
                        || WrongType(node, path, ruleId, "a date and time in quotes (ISO 8601, e.g. \"2025-03-01T09:30:00+08:00\")", problems);
                }

                if (type == typeof(double) || type == typeof(decimal))
                {
                    return kind == JsonValueKind.Number || WrongType(node, path, ruleId, "a number", problems);
                }

                return true;
        }
    }

    private static bool WrongType(JsonNode node, string path, string? ruleId, string expected, List<ShapeProblem> problems)
    {
        var found = node.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string {Shorten(node.ToJsonString())}",
            JsonValueKind.Number => $"the number {node.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
            _ => node.ToJsonString(),
        };
        problems.Add(new ShapeProblem(path, false, ruleId, string.Create(CultureInfo.InvariantCulture, $"wrong type of value at {path}: expected {expected}, found {found}"), null));
        return false;
    }

    private static string Shorten(string json) => json.Length <= 40 ? json : string.Concat(json.AsSpan(0, 37), "…\"");
}

/// <summary>One unknown member or wrongly typed value found by <see cref="RuleSetShape"/>.</summary>
/// <param name="Path">The JSON path of the member or value.</param>
/// <param name="AtName">Whether the position is the member's name (an unknown member) rather than its value.</param>
/// <param name="RuleId">The id of the rule it is in, if any.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Meant">The path of the member the author probably meant, whose absence is the same mistake.</param>
internal sealed record ShapeProblem(string Path, bool AtName, string? RuleId, string Message, string? Meant);
