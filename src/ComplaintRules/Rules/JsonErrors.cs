using System.Text.Json;
using System.Text.RegularExpressions;

namespace ComplaintRules.Rules;

/// <summary>Rewrites System.Text.Json's messages for rule authors: what is wrong, in their words, with a suggestion.</summary>
internal static partial class JsonErrors
{
    public static string Explain(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        var unknown = UnknownMember().Match(message);
        if (unknown.Success)
        {
            var member = unknown.Groups[1].Value;
            var known = KnownMembers(unknown.Groups[2].Value);
            var suggestion = NameSuggestions.Closest(member, known);
            return $"unknown member '{member}'" + (suggestion is null ? $"; expected one of: {string.Join(", ", known)}" : $"; did you mean '{suggestion}'?");
        }

        var duplicate = DuplicateMember().Match(message);
        if (duplicate.Success)
        {
            return WrittenTwice(duplicate.Groups[1].Value);
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"wrong type of value at {ex.Path}: {message.TrimEnd('.')}";
        }

        return message.TrimEnd('.');
    }

    /// <summary>Whether <paramref name="ex"/> is System.Text.Json refusing a member written twice.</summary>
    public static bool IsDuplicate(JsonException ex) => ex.Message.StartsWith("Duplicate propert", StringComparison.Ordinal);

    private static string WrittenTwice(string member) =>
        $"'{member}' is written twice in one object; the second would replace the first unseen: write it once";

    /// <summary>
    /// Where a document's error is and what to say: a member written twice at its second name (System.Text.Json gives
    /// no position for it, or names no member for a map), anything else where the reader stopped, with <paramref name="message"/>.
    /// </summary>
    public static (int Line, int Column, string Message) Locate(JsonException ex, JsonLocator locator, string message)
    {
        if (IsDuplicate(ex) && locator.FirstRepeatedMember() is { } repeat)
        {
            return (repeat.Line, repeat.Column, WrittenTwice(repeat.Name));
        }

        var (line, column) = locator.FromReaderPosition(ex.LineNumber, ex.BytePositionInLine);
        return (line, column, message);
    }

    private static string[] KnownMembers(string typeName)
    {
        var type = typeof(JsonErrors).Assembly.GetType(typeName);
        var info = type is null ? null : RuleSetJsonContext.Default.GetTypeInfo(type);
        return info?.Properties.Select(p => p.Name).ToArray() ?? [];
    }

    [GeneratedRegex("Duplicate property '(.+?)' encountered")]
    private static partial Regex DuplicateMember();

    [GeneratedRegex("The JSON property '(.+?)' could not be mapped to any \\.NET member contained in type '(.+?)'")]
    private static partial Regex UnknownMember();
}
