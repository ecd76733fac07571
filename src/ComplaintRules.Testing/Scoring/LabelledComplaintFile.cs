using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintRules.Rules;

namespace ComplaintRules.Testing;

/// <summary>A line of a labelled file that could not be read.</summary>
public sealed class LabelledLineError
{
    internal LabelledLineError(int line, string message)
    {
        Line = line;
        Message = message;
    }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }

    /// <summary>What is wrong with it.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Line}: {Message}";
}

/// <summary>The complaints of a labelled file and the lines that could not be read.</summary>
public sealed class LabelledFileContent
{
    internal LabelledFileContent(IReadOnlyList<LabelledComplaint> complaints, IReadOnlyList<LabelledLineError> errors)
    {
        Complaints = complaints;
        Errors = errors;
    }

    /// <summary>The complaints, in file order.</summary>
    public IReadOnlyList<LabelledComplaint> Complaints { get; }

    /// <summary>The bad lines, in file order.</summary>
    public IReadOnlyList<LabelledLineError> Errors { get; }
}

/// <summary>
/// Reads labelled complaints: one JSON object per line with the fields of <see cref="Complaint"/> and an <c>expect</c>
/// object, optionally through a <see cref="LabelMap"/> that builds both from the line's own columns.
/// </summary>
public static class LabelledComplaintFile
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 16, AllowDuplicateProperties = false }; // a field twice is the line's error, not a crash

    /// <summary>Reads every line; a bad line is recorded with its number and skipped, blank lines are ignored.</summary>
    /// <param name="reader">The JSONL text.</param>
    /// <param name="map">The map, or <see langword="null"/> for lines that already carry <c>expect</c>.</param>
    /// <returns>The complaints and the bad lines.</returns>
    public static LabelledFileContent Read(TextReader reader, LabelMap? map = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var complaints = new List<LabelledComplaint>();
        var errors = new List<LabelledLineError>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                complaints.Add(Parse(line, map) with { Line = number });
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                errors.Add(new LabelledLineError(number, ex is JsonException json && JsonErrors.IsDuplicate(json) ? JsonErrors.Explain(json) : ex.Message));
            }
        }

        return new LabelledFileContent(complaints, errors);
    }

    /// <summary>Reads one line.</summary>
    /// <param name="json">A JSON object.</param>
    /// <param name="map">The map, or <see langword="null"/>.</param>
    /// <returns>The labelled complaint.</returns>
    /// <exception cref="JsonException">The line is not a valid complaint.</exception>
    /// <exception cref="FormatException">A label has a value outside its vocabulary.</exception>
    public static LabelledComplaint Parse(string json, LabelMap? map = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var row = JsonNode.Parse(json, documentOptions: s_options) as JsonObject ?? throw new JsonException("Expected a JSON object.");
        if (map is not null)
        {
            row = map.Apply(row);
        }

        var expect = row["expect"];
        row.Remove("expect");
        var complaint = row.Deserialize(ComplaintJsonContext.Default.Complaint) ?? throw new JsonException("Expected a JSON object.");
        return new LabelledComplaint { Complaint = complaint, Expect = ParseExpect(expect) };
    }

    /// <summary>Writes a labelled complaint as one line of the labelled format (what a map produces, ready for <c>score</c> without it).</summary>
    /// <param name="complaint">The labelled complaint.</param>
    /// <returns>Compact JSON: the complaint's fields that are set, and <c>expect</c>.</returns>
    public static string Format(LabelledComplaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var row = JsonSerializer.SerializeToNode(complaint.Complaint, ComplaintJsonContext.Default.Complaint)!.AsObject();
        foreach (var name in row.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            row.Remove(name);
        }

        var e = complaint.Expect;
        var expect = new JsonObject();
        if (e.PrimaryCause is { } primary)
        {
            expect["primaryCause"] = primary.Name();
        }

        if (e.Causes.Count > 0)
        {
            expect["causes"] = new JsonObject(e.Causes.OrderBy(c => c.Key).Select(c => KeyValuePair.Create(c.Key.Name(), (JsonNode?)c.Value)));
        }

        if (e.ConflictType is { } conflict)
        {
            expect["conflictType"] = conflict.Name();
        }

        if (e.Severity is { } severity)
        {
            expect["severity"] = severity.Name();
        }

        if (e.Intensity is { } intensity)
        {
            expect["intensity"] = intensity;
        }

        if (e.RemedyClass is { } remedy)
        {
            expect["remedyClass"] = remedy.Name();
        }

        if (e.IsComplaint is { } isComplaint)
        {
            expect["isComplaint"] = isComplaint;
        }

        row["expect"] = expect;
        return row.ToJsonString(s_writeOptions);
    }

    private static readonly JsonSerializerOptions s_writeOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static ScoreExpectations ParseExpect(JsonNode? node)
    {
        if (node is null)
        {
            return new ScoreExpectations();
        }

        if (node is not JsonObject expect)
        {
            throw new FormatException("expect must be an object");
        }

        var result = new ScoreExpectations();
        foreach (var (field, value) in expect)
        {
            if (value is null)
            {
                continue;
            }

            result = field switch
            {
                "primaryCause" => result with { PrimaryCause = Name<RootCause>(value, field, Vocabulary.TryParseCause, Vocabulary.Causes) },
                "causes" => result with { Causes = Causes(value) },
                "conflictType" => result with { ConflictType = Name<ConflictType>(value, field, Vocabulary.TryParseConflict, Vocabulary.Conflicts) },
                "severity" => result with { Severity = SeverityOf(value) },
                "intensity" => result with { Intensity = Integer(value, field, 0, 4) },
                "remedyClass" => result with { RemedyClass = Name<OutcomeClass>(value, field, Vocabulary.TryParseOutcome, Vocabulary.OutcomeClasses) },
                "isComplaint" => result with { IsComplaint = Boolean(value, field) },
                _ => throw new FormatException($"expect.{field} is unknown (expected one of primaryCause, causes, conflictType, severity, intensity, remedyClass, isComplaint)"),
            };
        }

        return result;
    }

    private delegate bool TryParse<T>(string? name, out T value);

    private static T Name<T>(JsonNode value, string field, TryParse<T> parse, IReadOnlyList<string> known)
    {
        var text = LabelMap.Key(value);
        return parse(text, out var parsed) ? parsed : throw new FormatException($"expect.{field} '{text}' is not one of {string.Join(", ", known)}");
    }

    // A list names every cause present (the others are absent); an object judges only the causes it names.
    private static Dictionary<RootCause, bool> Causes(JsonNode value)
    {
        var causes = new Dictionary<RootCause, bool>();
        if (value is JsonArray list)
        {
            foreach (var cause in new[] { RootCause.Expectation, RootCause.RightsClaim, RootCause.Venting })
            {
                causes[cause] = false;
            }

            foreach (var item in list)
            {
                var cause = Name<RootCause>(item ?? throw new FormatException("expect.causes holds a null"), "causes", Vocabulary.TryParseCause, Vocabulary.Causes);
                if (cause != RootCause.None)
                {
                    causes[cause] = true;
                }
            }

            return causes;
        }

        if (value is not JsonObject judged)
        {
            throw new FormatException("expect.causes must be a list of causes or an object of cause: true|false");
        }

        foreach (var (name, present) in judged)
        {
            if (!Vocabulary.TryParseCause(name, out var cause) || cause == RootCause.None)
            {
                throw new FormatException($"expect.causes.{name} is not a cause (expected expectation, rights_claim, venting)");
            }

            if (present is not null)
            {
                causes[cause] = Boolean(present, $"causes.{name}");
            }
        }

        return causes;
    }

    private static Severity SeverityOf(JsonNode value)
    {
        var text = LabelMap.Key(value);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 4)
        {
            return (Severity)level;
        }

        return Name<Severity>(value, "severity", Vocabulary.TryParseSeverity, Vocabulary.Severities);
    }

    private static int Integer(JsonNode value, string field, int min, int max)
    {
        var text = LabelMap.Key(value);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new FormatException($"expect.{field} '{text}' is not a whole number from {min} to {max}");
    }

    private static bool Boolean(JsonNode value, string field) => LabelMap.Key(value) switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        var other => throw new FormatException($"expect.{field} '{other}' is not true or false"),
    };
}
