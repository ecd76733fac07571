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
public static partial class ComplaintJson
{
    // Readable Chinese comes from the writer's encoder (JSON Lines never lands in HTML unescaped).
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>Parses one complaint: <c>{"id": "…", "text": "…", …}</c> with the optional fields of <see cref="Complaint"/> in camelCase.</summary>
    /// <param name="json">The JSON object.</param>
    /// <returns>
    /// The complaint. A lone surrogate in a <c>\u</c> escape is read as U+FFFD, and <see cref="Complaint.IntakeWarnings"/>
    /// says so (warning <see cref="WarningCodes.CharactersReplaced"/>).
    /// </returns>
    /// <exception cref="JsonException">
    /// The JSON is malformed, lacks <c>id</c> or <c>text</c>, gives a field twice, or has a value of the wrong type; the
    /// message names the field and what it must be.
    /// </exception>
    public static Complaint ParseComplaint(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ComplaintFastReading.TryParse(json, out var plain) ? plain! : ParseWithSerializer(json);
    }

    /// <summary>
    /// <see cref="ParseComplaint(string)"/> over a line's bytes, which must be valid UTF-8: a plain line is read as it
    /// is, anything else is decoded and read as its string, so results and errors are the string's.
    /// </summary>
    internal static Complaint ParseComplaintUtf8(ReadOnlySpan<byte> utf8) =>
        ComplaintFastReading.TryParse(utf8, out var plain) ? plain! : ParseWithSerializer(Encoding.UTF8.GetString(utf8));

    /// <summary>The general path: every field, every error explained; <see cref="ParseComplaint"/> takes it for all but plain lines.</summary>
    internal static Complaint ParseWithSerializer(string json)
    {
        LenientStringConverter.TakeReplacedCount();
        Complaint? complaint;
        try
        {
            complaint = JsonSerializer.Deserialize(json, ComplaintJsonContext.Default.Complaint);
        }
        catch (JsonException ex)
        {
            throw new JsonException(ComplaintJsonErrors.Explain(ex, json), ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);
        }

        if (complaint is null)
        {
            throw new JsonException("a complaint must be a JSON object, not null");
        }

        var replaced = LenientStringConverter.TakeReplacedCount();
        return replaced == 0
            ? complaint
            : complaint.WithIntakeWarning(WarningCodes.Format(WarningCodes.CharactersReplaced,
                $"{replaced} lone surrogate(s) in \\u escapes replaced with U+FFFD"));
    }

    /// <summary>Writes an assessment as one line of JSON.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>Compact JSON, no line breaks.</returns>
    public static string Serialize(ComplaintAssessment assessment) => Encoding.UTF8.GetString(WriteToBuffer(assessment, AssessmentJsonProfile.Full));

    /// <summary>Writes an assessment as one line of JSON in the given profile.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="profile">Every field, or the compact decisions only.</param>
    /// <returns>Compact JSON, no line breaks.</returns>
    public static string Serialize(ComplaintAssessment assessment, AssessmentJsonProfile profile) => Encoding.UTF8.GetString(WriteToBuffer(assessment, profile));

    /// <summary>Writes an assessment as one line of JSON in UTF-8, ready to copy to a stream.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>Compact UTF-8 JSON, no line breaks.</returns>
    public static byte[] SerializeToUtf8Bytes(ComplaintAssessment assessment) => WriteToBuffer(assessment, AssessmentJsonProfile.Full).ToArray();

    /// <summary>Writes an assessment as one line of JSON in UTF-8 in the given profile.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="profile">Every field, or the compact decisions only.</param>
    /// <returns>Compact UTF-8 JSON, no line breaks.</returns>
    public static byte[] SerializeToUtf8Bytes(ComplaintAssessment assessment, AssessmentJsonProfile profile) => WriteToBuffer(assessment, profile).ToArray();

    /// <summary>The writer options <see cref="Serialize(ComplaintAssessment)"/> uses: readable Chinese, no indentation.</summary>
    internal static JsonWriterOptions WriterOptions => s_writerOptions;

    // One reused buffer per thread: the only allocation left is the caller's string or array.
    private static ReadOnlySpan<byte> WriteToBuffer(ComplaintAssessment assessment, AssessmentJsonProfile profile)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            Write(writer, assessment, profile);
        }

        return buffer.WrittenSpan;
    }

    /// <summary>Writes an assessment to a UTF-8 writer as compact JSON (the writer's options decide the escaping).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="assessment">The assessment.</param>
    public static void Write(Utf8JsonWriter writer, ComplaintAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(assessment);
        WriteFull(writer, assessment);
    }

    /// <summary>Writes an assessment to a UTF-8 writer in the given profile (the writer's options decide the escaping).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="assessment">The assessment.</param>
    /// <param name="profile">Every field, or the compact decisions only.</param>
    public static void Write(Utf8JsonWriter writer, ComplaintAssessment assessment, AssessmentJsonProfile profile)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(assessment);
        switch (profile)
        {
            case AssessmentJsonProfile.Full:
                WriteFull(writer, assessment);
                break;
            case AssessmentJsonProfile.Compact:
                CompactAssessmentWriter.Write(writer, assessment);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(profile), profile, "profile must be Full or Compact.");
        }
    }

    // By hand (FullAssessmentWriter), not through AssessmentJsonContext: the same bytes without building the
    // serializer's metadata at first use. Flushed as the serializer flushes, so callers see the same writer state.
    private static void WriteFull(Utf8JsonWriter writer, ComplaintAssessment assessment)
    {
        FullAssessmentWriter.Write(writer, assessment);
        writer.Flush();
    }

    /// <summary>The full profile through the source-generated serializer: the reference the hand-written writer is tested against.</summary>
    internal static byte[] SerializeWithSerializer(ComplaintAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            JsonSerializer.Serialize(writer, assessment, AssessmentJsonContext.Default.ComplaintAssessment);
        }

        return buffer.WrittenSpan.ToArray();
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false, // "text" twice: which one the sender meant cannot be told
    Converters = [typeof(LenientStringConverter)],
    MaxDepth = 16)]
[JsonSerializable(typeof(Complaint))]
internal sealed partial class ComplaintJsonContext : JsonSerializerContext;

[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ComplaintAssessment))]
[JsonSerializable(typeof(IReadOnlyList<ComplaintDeadline>))]
internal sealed partial class AssessmentJsonContext : JsonSerializerContext;
