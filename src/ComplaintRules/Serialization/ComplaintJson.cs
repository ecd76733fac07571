using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplaintRules;

/// <summary>
/// Reads complaints and writes assessments in the JSON shape other tools consume: camelCase names,
/// snake_case values (<c>"primaryCause": "rights_claim"</c>). Source-generated, so it needs no reflection.
/// </summary>
public static class ComplaintJson
{
    // Chinese stays readable in the output; JSON Lines never lands in HTML unescaped.
    private static readonly ComplaintJsonContext s_context = new(new JsonSerializerOptions(ComplaintJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    // Writing uses the generated fast path (straight Utf8JsonWriter calls, no metadata walk), which needs the
    // context's own options; readable Chinese comes from the writer's encoder instead.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>Parses one complaint: <c>{"id": "…", "text": "…", …}</c> with the optional fields of <see cref="Complaint"/> in camelCase.</summary>
    /// <param name="json">The JSON object.</param>
    /// <returns>The complaint.</returns>
    /// <exception cref="JsonException">The JSON is malformed, lacks <c>id</c> or <c>text</c>, or has a value of the wrong type.</exception>
    public static Complaint ParseComplaint(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, s_context.Complaint)
            ?? throw new JsonException("Expected a JSON object, found null.");
    }

    /// <summary>Writes an assessment as one line of JSON.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>Compact JSON, no line breaks.</returns>
    public static string Serialize(ComplaintAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            JsonSerializer.Serialize(writer, assessment, AssessmentJsonContext.Default.ComplaintAssessment);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes an assessment to a UTF-8 writer as compact JSON (the writer's options decide the escaping).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="assessment">The assessment.</param>
    public static void Write(Utf8JsonWriter writer, ComplaintAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(assessment);
        JsonSerializer.Serialize(writer, assessment, AssessmentJsonContext.Default.ComplaintAssessment);
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(Complaint))]
[JsonSerializable(typeof(ComplaintAssessment))]
internal sealed partial class ComplaintJsonContext : JsonSerializerContext;

[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ComplaintAssessment))]
internal sealed partial class AssessmentJsonContext : JsonSerializerContext;
