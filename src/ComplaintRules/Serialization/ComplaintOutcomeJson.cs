using System.Globalization;
using System.Text.Json;

namespace ComplaintRules;

// Outcomes are read by hand rather than by a generated serialiser: each problem names its field and says what the
// field must be, which is what someone fixing a line of an export needs.
public static partial class ComplaintJson
{
    private static readonly JsonDocumentOptions s_outcomeOptions = new() { MaxDepth = 8, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// Parses one outcome: <c>{"complaintId": "…", "remediesGiven": ["refund"], "resolved": true, "satisfaction": 4,
    /// "reopened": false, "timeToResolve": "2.04:00:00"}</c>. <c>complaintId</c> and <c>resolved</c> are required;
    /// <c>timeToResolve</c> is <c>d.hh:mm:ss</c> or <c>hh:mm:ss</c>.
    /// </summary>
    /// <param name="json">The JSON object.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="JsonException">The JSON is malformed, or a field is missing, unknown, of the wrong type or out of range; the message names the field.</exception>
    public static ComplaintOutcome ParseOutcome(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, s_outcomeOptions);
        }
        catch (JsonException ex)
        {
            throw new JsonException($"not valid JSON: {ex.Message}", ex);
        }

        using var _ = document;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("an outcome must be a JSON object");
        }

        string? id = null;
        bool? resolved = null;
        var reopened = false;
        int? satisfaction = null;
        IReadOnlyList<string> remedies = [];
        TimeSpan? timeToResolve = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in root.EnumerateObject())
        {
            if (!seen.Add(field.Name))
            {
                throw new JsonException($"field '{field.Name}' is given twice");
            }

            var value = field.Value;
            switch (field.Name)
            {
                case "complaintId":
                    id = value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : throw Field("complaintId", "a non-empty string");
                    break;
                case "resolved":
                    resolved = value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Field("resolved", "true or false");
                    break;
                case "reopened":
                    reopened = value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Field("reopened", "true or false");
                    break;
                case "satisfaction":
                    satisfaction = Satisfaction(value);
                    break;
                case "remediesGiven":
                    remedies = Remedies(value);
                    break;
                case "timeToResolve":
                    timeToResolve = Duration(value);
                    break;
                default:
                    throw new JsonException($"unknown field '{field.Name}'; an outcome has complaintId, remediesGiven, resolved, satisfaction, reopened and timeToResolve");
            }
        }

        return new ComplaintOutcome
        {
            ComplaintId = id ?? throw Field("complaintId", "given: the id of the complaint"),
            Resolved = resolved ?? throw Field("resolved", "given: true or false"),
            Reopened = reopened,
            Satisfaction = satisfaction,
            RemediesGiven = remedies,
            TimeToResolve = timeToResolve,
        };
    }

    private static int? Satisfaction(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var score) && score is >= ComplaintOutcome.MinSatisfaction and <= ComplaintOutcome.MaxSatisfaction
            ? score
            : throw Field("satisfaction", $"a whole number from {ComplaintOutcome.MinSatisfaction} to {ComplaintOutcome.MaxSatisfaction}, or null");
    }

    private static IReadOnlyList<string> Remedies(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > 64)
        {
            throw Field("remediesGiven", "a list of at most 64 remedy ids");
        }

        var remedies = new string[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            remedies[i] = item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 and <= 256 } remedy ? remedy : throw Field($"remediesGiven[{i}]", "a remedy id (a non-empty string)");
            i++;
        }

        return ReadOnlyLists.Of(remedies);
    }

    private static TimeSpan? Duration(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && TimeSpan.TryParseExact(value.GetString(), "c", CultureInfo.InvariantCulture, out var time) && time >= TimeSpan.Zero
            ? time
            : throw Field("timeToResolve", "a duration as \"d.hh:mm:ss\" or \"hh:mm:ss\" (e.g. \"2.04:00:00\"), or null");
    }

    private static JsonException Field(string name, string must) => new($"field '{name}' must be {must}");
}
