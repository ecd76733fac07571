using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ComplaintRules.Cli.Workbench;

/// <summary>The API's JSON: camelCase names and snake_case values, as the library's assessments use.</summary>
internal static class WorkbenchJson
{
    /// <summary>Reflection-based: the API's shapes are small and many; the assessment itself goes through <see cref="ComplaintJson"/>.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Unknown members in a request are a mistake in the page; say so rather than ignore them.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // Read with fetch() as JSON, never written into HTML: Chinese stays readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 32,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}
