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

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"wrong type of value at {ex.Path}: {message.TrimEnd('.')}";
        }

        return message.TrimEnd('.');
    }

    private static string[] KnownMembers(string typeName)
    {
        var type = typeof(JsonErrors).Assembly.GetType(typeName);
        var info = type is null ? null : RuleSetJsonContext.Default.GetTypeInfo(type);
        return info?.Properties.Select(p => p.Name).ToArray() ?? [];
    }

    [GeneratedRegex("The JSON property '(.+?)' could not be mapped to any \\.NET member contained in type '(.+?)'")]
    private static partial Regex UnknownMember();
}
