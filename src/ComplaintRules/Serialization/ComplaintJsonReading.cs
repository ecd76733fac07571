using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplaintRules;

/// <summary>
/// Reads JSON strings the way the analyser treats text: a lone surrogate in a <c>\u</c> escape (which
/// System.Text.Json refuses) becomes U+FFFD and the complaint is still read, with a warning.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    // Deserialisation runs on the caller's thread; ComplaintJson reads the count after each complaint.
    [ThreadStatic]
    private static int t_replaced;

    public static int TakeReplacedCount()
    {
        var count = t_replaced;
        t_replaced = 0;
        return count;
    }

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"not {Describe(reader.TokenType)}");
        }

        return ReadLenient(ref reader);
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadLenient(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => "a string",
    };

    private static string ReadLenient(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Only invalid UTF-16 in an escape gets here: the reader has already checked the JSON itself.
            var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
            return Unescape(raw);
        }
    }

    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var s = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var next = raw[i..].IndexOf((byte)'\\');
            var run = next < 0 ? raw[i..] : raw.Slice(i, next);
            s.Append(Encoding.UTF8.GetString(run));
            i += run.Length;
            if (next < 0)
            {
                break;
            }

            var escape = (char)raw[i + 1];
            i += 2;
            if (escape != 'u')
            {
                s.Append(escape switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escape });
                continue;
            }

            var unit = (char)int.Parse(Encoding.ASCII.GetString(raw.Slice(i, 4)), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            i += 4;
            s.Append(unit);
        }

        // Pairs stay pairs; every lone surrogate becomes U+FFFD, as a decoder would make it.
        var chars = s.ToString().ToCharArray();
        for (var c = 0; c < chars.Length; c++)
        {
            if (char.IsHighSurrogate(chars[c]) && c + 1 < chars.Length && char.IsLowSurrogate(chars[c + 1]))
            {
                c++;
            }
            else if (char.IsSurrogate(chars[c]))
            {
                chars[c] = '\uFFFD';
                t_replaced++;
            }
        }

        return new string(chars);
    }
}

/// <summary>Turns System.Text.Json's errors into ones that name the field and say what it must be, in the input's own words.</summary>
internal static class ComplaintJsonErrors
{
    private static readonly Dictionary<string, string> s_expected = new(StringComparer.Ordinal)
    {
        ["amount"] = "a number",
        ["priorComplaints"] = "a whole number from 0 to 2147483647",
        ["receivedAt"] = "a date and time in ISO 8601, e.g. \"2025-09-16T10:00:00+08:00\"",
        ["decisionReceivedAt"] = "a date and time in ISO 8601, e.g. \"2025-10-09T15:00:00+08:00\"",
        ["customerTags"] = "an array of strings",
        ["attributes"] = "an object whose values are strings",
    };

    public static string Explain(JsonException ex, string json)
    {
        var field = FieldOf(ex.Path);
        var message = ex.Message;
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = message.Split('\'').Where((_, i) => i % 2 == 1).Where(n => n != "ComplaintRules.Complaint" && n != "Complaint").ToArray();
            return names.Length == 1 ? $"the required field '{names[0]}' is missing" : $"the required fields {string.Join(", ", names.Select(n => $"'{n}'"))} are missing";
        }

        if (message.StartsWith("Duplicate propert", StringComparison.Ordinal))
        {
            // The path ends at the repeated name: "$.text", or "$.attributes.tier" for an attribute.
            var name = ex.Path?[(ex.Path.LastIndexOf('.') + 1)..];
            return field is not null && name is not null && name != field
                ? $"the attribute '{name}' appears more than once in '{field}'; give each name once"
                : $"the field '{field}' appears more than once; give each field once (which one was meant cannot be told)";
        }

        if (ex.InnerException is JsonException reader)
        {
            // The reader's own error: the line is not well-formed JSON.
            return $"malformed JSON at {Position(json, ex)}{(field is null ? "" : $" (in '{field}')")}: {Trim(reader.Message)}";
        }

        if (field is null)
        {
            return "a complaint must be a JSON object: {\"id\": \"…\", \"text\": \"…\", …}";
        }

        var expected = s_expected.GetValueOrDefault(field, "a string");
        return message.StartsWith("not ", StringComparison.Ordinal)
            ? $"the field '{field}' must be {expected}, {Trim(message)}"
            : $"the field '{field}' must be {expected}";
    }

    // "$.text", "$.customerTags[2]", "$.attributes.segment", "$['odd key']" → the top-level field.
    private static string? FieldOf(string? path)
    {
        if (path is null || path.Length <= 2 || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var end = path.AsSpan(2).IndexOfAny('.', '[');
        return end < 0 ? path[2..] : path.Substring(2, end);
    }

    // The reader counts bytes; people count characters.
    private static string Position(string json, JsonException ex)
    {
        var line = (int)(ex.LineNumber ?? 0);
        var bytes = (int)(ex.BytePositionInLine ?? 0);
        var start = 0;
        for (var l = 0; l < line && start < json.Length; l++)
        {
            var newline = json.IndexOf('\n', start);
            start = newline < 0 ? json.Length : newline + 1;
        }

        var column = 0;
        for (var i = start; i < json.Length && bytes > 0; i++, column++)
        {
            bytes -= char.IsSurrogatePair(json, i) ? 4 : Encoding.UTF8.GetByteCount(json.AsSpan(i, 1));
            if (char.IsSurrogatePair(json, i))
            {
                i++;
            }
        }

        return line == 0 ? $"character {column + 1}" : $"line {line + 1}, character {column + 1}";
    }

    // System.Text.Json appends " Path: $ | LineNumber: 0 | BytePositionInLine: 3."; the position is given separately.
    private static string Trim(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
    }
}
