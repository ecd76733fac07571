using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ComplaintRules;

/// <summary>
/// Long texts of the rule set that go out with many complaints (a regime's basis, conditions, notes and sources, often
/// Chinese): encoded once per string for the relaxed encoder the library and the command line write with, and then
/// written as those bytes instead of being transcoded and checked for escapes every time. Other writers write the
/// string as usual.
/// </summary>
internal static class RuleSetTexts
{
    // Shorter strings cost about as much to look up as to write.
    private const int MinLength = 4;

    // By reference: the rule set's own strings are the keys, and an entry goes when its string does.
    private static readonly ConditionalWeakTable<string, StrongBox<JsonEncodedText>> s_relaxed = [];

    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText property, string? value)
    {
        if (value is null || value.Length < MinLength || !ReferenceEquals(writer.Options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))
        {
            writer.WriteString(property, value);
            return;
        }

        if (!s_relaxed.TryGetValue(value, out var encoded))
        {
            try
            {
                encoded = new StrongBox<JsonEncodedText>(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
            }
            catch (ArgumentException)
            {
                writer.WriteString(property, value); // invalid UTF-16: the writer's own error, as before
                return;
            }

            s_relaxed.AddOrUpdate(value, encoded);
        }

        writer.WriteString(property, encoded.Value);
    }
}
