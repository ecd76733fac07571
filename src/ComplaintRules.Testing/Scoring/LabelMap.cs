using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComplaintRules.Testing;

/// <summary>
/// Turns the columns and values of a user's export into a complaint and its <c>expect</c> labels, so a file derived
/// from a spreadsheet can be scored without rewriting it. The format is described in docs/measure-and-improve.md:
/// <code>
/// {
///   "complaint": { "id": "ticket_no", "text": "body", "language": "lang" },
///   "expect": {
///     "conflictType": { "column": "category", "values": { "费用争议": "price", "服务态度": "service_quality" } },
///     "intensity": "anger_level",
///     "causes.venting": { "column": "emotion", "values": { "anger": true }, "otherwise": false }
///   }
/// }
/// </code>
/// </summary>
public sealed class LabelMap
{
    /// <summary>The <c>expect</c> fields a map may fill.</summary>
    public static IReadOnlyList<string> ExpectFields { get; } =
    [
        "primaryCause", "causes", "causes.expectation", "causes.rights_claim", "causes.venting", "conflictType", "severity", "intensity",
        "remedyClass", "isComplaint",
    ];

    // The members of Complaint as the JSON input spells them.
    private static readonly HashSet<string> s_complaintFields = new(StringComparer.Ordinal)
    {
        "id", "text", "language", "channel", "receivedAt", "product", "amount", "currency", "customerTags", "priorComplaints",
        "customerDemand", "regime", "customerId", "attributes",
    };

    private readonly IReadOnlyList<(string Field, string Column)>? _complaint;
    private readonly IReadOnlyList<ExpectRule> _expect;

    private LabelMap(IReadOnlyList<(string, string)>? complaint, IReadOnlyList<ExpectRule> expect)
    {
        _complaint = complaint;
        _expect = expect;
    }

    /// <summary>Reads a map file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The map.</returns>
    /// <exception cref="FormatException">The map is malformed; the message says where.</exception>
    public static LabelMap Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a map from its JSON text.</summary>
    /// <param name="json">The map.</param>
    /// <param name="name">The name error messages use for it.</param>
    /// <returns>The map.</returns>
    /// <exception cref="FormatException">The map is malformed; the message says where.</exception>
    public static LabelMap Parse(string json, string name = "map")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false }) as JsonObject
                ?? throw new FormatException($"{name}: a map is a JSON object");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{name}: {ex.Message}", ex);
        }

        foreach (var member in root)
        {
            if (member.Key is not ("complaint" or "expect" or "$schema" or "description"))
            {
                throw new FormatException($"{name}: unknown member '{member.Key}' (expected complaint, expect)");
            }
        }

        List<(string, string)>? complaint = null;
        if (root["complaint"] is { } complaintNode)
        {
            complaint = [];
            foreach (var (field, column) in Object(complaintNode, name, "complaint"))
            {
                if (!s_complaintFields.Contains(field))
                {
                    throw new FormatException($"{name}: complaint.{field} is not a complaint field (expected one of {string.Join(", ", s_complaintFields)})");
                }

                complaint.Add((field, ColumnName(column, name, $"complaint.{field}")));
            }

            // Every complaint needs an id and a text; say so once here rather than on every line.
            foreach (var required in new[] { "id", "text" })
            {
                if (!complaint.Exists(c => c.Item1 == required))
                {
                    throw new FormatException($"{name}: complaint.{required} is missing (the column that holds the complaint's {required})");
                }
            }
        }

        var expect = new List<ExpectRule>();
        if (root["expect"] is { } expectNode)
        {
            foreach (var (field, rule) in Object(expectNode, name, "expect"))
            {
                if (!ExpectFields.Contains(field))
                {
                    throw new FormatException($"{name}: expect.{field} is not a label (expected one of {string.Join(", ", ExpectFields)})");
                }

                expect.Add(ParseRule(field, rule, name));
            }
        }

        return new LabelMap(complaint, expect);
    }

    /// <summary>Maps one input line (a JSON object) to a complaint with an <c>expect</c> object.</summary>
    internal JsonObject Apply(JsonObject row)
    {
        var result = new JsonObject();
        if (_complaint is null)
        {
            foreach (var member in row)
            {
                result[member.Key] = member.Value?.DeepClone();
            }
        }
        else
        {
            foreach (var (field, column) in _complaint)
            {
                if (row[column] is { } value)
                {
                    result[field] = value.DeepClone();
                }
            }
        }

        var expect = row["expect"] is JsonObject own ? (JsonObject)own.DeepClone() : [];
        foreach (var rule in _expect)
        {
            if (rule.Map(row[rule.Column]) is not { } value)
            {
                continue;
            }

            if (rule.Field.StartsWith("causes.", StringComparison.Ordinal))
            {
                if (expect["causes"] is not JsonObject causes)
                {
                    expect["causes"] = causes = [];
                }

                causes[rule.Field["causes.".Length..]] = value;
            }
            else
            {
                expect[rule.Field] = value;
            }
        }

        result["expect"] = expect;
        return result;
    }

    /// <summary>The key a column's value is looked up by: strings as they are, numbers and booleans as JSON writes them.</summary>
    internal static string? Key(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => value.ToJsonString(),
    };

    private static ExpectRule ParseRule(string field, JsonNode? rule, string name)
    {
        if (rule is JsonValue)
        {
            return new ExpectRule(field, ColumnName(rule, name, $"expect.{field}"), null, null, false);
        }

        Dictionary<string, JsonNode?>? values = null;
        JsonNode? otherwise = null;
        var hasOtherwise = false;
        string? column = null;
        foreach (var (key, node) in Object(rule, name, $"expect.{field}"))
        {
            switch (key)
            {
                case "column":
                    column = ColumnName(node, name, $"expect.{field}.column");
                    break;
                case "values":
                    values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                    foreach (var (from, to) in Object(node, name, $"expect.{field}.values"))
                    {
                        values[from] = to?.DeepClone();
                    }

                    break;
                case "otherwise":
                    otherwise = node?.DeepClone();
                    hasOtherwise = true;
                    break;
                default:
                    throw new FormatException($"{name}: expect.{field}.{key} is unknown (expected column, values, otherwise)");
            }
        }

        return new ExpectRule(field, column ?? throw new FormatException($"{name}: expect.{field} needs a column"), values, otherwise, hasOtherwise);
    }

    private static JsonObject Object(JsonNode? node, string name, string path) =>
        node as JsonObject ?? throw new FormatException($"{name}: {path} must be an object");

    private static string ColumnName(JsonNode? node, string name, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } column
            ? column
            : throw new FormatException($"{name}: {path} must be a column name");

    // One expect field: the column it is read from, and how the column's values become label values.
    private sealed record ExpectRule(string Field, string Column, Dictionary<string, JsonNode?>? Values, JsonNode? Otherwise, bool HasOtherwise)
    {
        // A missing or null cell gives no label; a value outside the table gives `otherwise`, or no label without it.
        public JsonNode? Map(JsonNode? cell)
        {
            if (Key(cell) is not { } key)
            {
                return null;
            }

            if (Values is null)
            {
                return cell!.DeepClone();
            }

            if (Values.TryGetValue(key, out var mapped))
            {
                return mapped?.DeepClone();
            }

            return HasOtherwise ? Otherwise?.DeepClone() : null;
        }
    }
}
