namespace ComplaintRules.Rules;

/// <summary>
/// The shapes of names in rule files (lexicons, remedies, roles, regime keys, calendars, currencies), checked by hand:
/// the first regular expression a process runs costs some 6 ms to set up, a good part of a cold load. Each check
/// accepts exactly what its pattern did with <c>Regex.IsMatch</c>, its <c>$</c> included, which also matches before
/// one <c>\n</c> at the very end; a test holds each equal to its pattern.
/// </summary>
internal static class NamePatterns
{
    /// <summary><c>^[a-z][a-z0-9_]*$</c>: lexicon, remedy and role names.</summary>
    public static bool IsLowerSnake(string text)
    {
        var name = Body(text);
        if (name.IsEmpty || !char.IsAsciiLetterLower(name[0]))
        {
            return false;
        }

        foreach (var c in name[1..])
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$</c>: regime keys (<c>CN-NFRA</c>, <c>UK-FCA</c>).</summary>
    public static bool IsRegimeKey(string text)
    {
        var key = Body(text);
        if (key.IsEmpty || !char.IsAsciiLetterUpper(key[0]) || key[^1] == '-')
        {
            return false;
        }

        for (var i = 1; i < key.Length; i++)
        {
            var c = key[i];
            if (c == '-' ? key[i - 1] == '-' : !(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>^[A-Za-z][A-Za-z0-9_-]*$</c>: calendar ids.</summary>
    public static bool IsCalendarId(string text)
    {
        var id = Body(text);
        if (id.IsEmpty || !char.IsAsciiLetter(id[0]))
        {
            return false;
        }

        foreach (var c in id[1..])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>^[A-Z]{3}$</c>: currency codes.</summary>
    public static bool IsCurrencyCode(string text)
    {
        var code = Body(text);
        return code.Length == 3 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) && char.IsAsciiLetterUpper(code[2]);
    }

    // What '^…$' must match in full: the text, less one '\n' at its very end.
    private static ReadOnlySpan<char> Body(string text) => text.EndsWith('\n') ? text.AsSpan(0, text.Length - 1) : text;
}
