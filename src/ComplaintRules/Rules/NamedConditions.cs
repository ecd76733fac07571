using System.Text;

namespace ComplaintRules.Rules;

/// <summary>
/// The <c>conditions</c> section: named conditions a rule reads as <c>Is("name")</c>, so a guard written once serves
/// many rules. A call is replaced by the named condition in parentheses before the rule's condition is compiled;
/// the <see cref="ConditionExpansion"/> maps positions in the result back to the rule's own text for diagnostics.
/// </summary>
internal sealed class NamedConditions
{
    // A named condition may call others: deeper than this is a design problem, not a rule set.
    private const int MaxDepth = 8;

    private readonly Dictionary<string, string> _bodies = new(StringComparer.Ordinal);

    public int Count => _bodies.Count;

    public IEnumerable<string> Names => _bodies.Keys;

    /// <summary>Defines or, from a later layer, redefines a named condition.</summary>
    public void Set(string name, string when) => _bodies[name] = when;

    public bool Contains(string name) => _bodies.ContainsKey(name);

    public string Body(string name) => _bodies[name];

    /// <summary>
    /// Replaces every <c>Is("name")</c> in <paramref name="when"/>, inner calls too. Text inside string literals is
    /// left alone, and so is an <c>Is</c> not written as <c>Is("name")</c> (the compiler then reports it).
    /// </summary>
    /// <param name="when">A rule's condition, or a named condition's own (then <paramref name="self"/> is its name).</param>
    /// <param name="self">The named condition being expanded, so that it cannot call itself.</param>
    public ConditionExpansion Expand(string when, string? self = null)
    {
        if (!when.Contains("Is", StringComparison.Ordinal))
        {
            return new ConditionExpansion(when, [], null, null, null, 0);
        }

        var splices = new List<Splice>();
        var active = self is null ? new List<string>() : [self];
        var text = Expand(when, active, splices, out var error, out var code, out var errorIn, out var errorAt);
        return new ConditionExpansion(text ?? when, splices, error, code, errorIn, errorAt);
    }

    private string? Expand(string text, List<string> active, List<Splice>? splices, out string? error, out string? code, out string? errorIn, out int errorAt)
    {
        error = null;
        code = null;
        errorIn = null;
        errorAt = 0;
        if (active.Count > MaxDepth)
        {
            error = $"named conditions call each other more than {MaxDepth} deep ({string.Join(" → ", active)})";
            code = DiagnosticCodes.ConditionTooComplex;
            return null;
        }

        var result = new StringBuilder(text.Length + 64);
        var copied = 0;
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c == '"')
            {
                i = SkipString(text, i);
                continue;
            }

            if (!IsIdentifierStart(c) || (i > 0 && (IsIdentifierPart(text[i - 1]) || text[i - 1] == '.')))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && IsIdentifierPart(text[end]))
            {
                end++;
            }

            if (end - i != 2 || text[i] != 'I' || text[i + 1] != 's' || !TryReadCall(text, end, out var name, out var callEnd))
            {
                i = end;
                continue;
            }

            if (!_bodies.TryGetValue(name, out var body))
            {
                var suggestion = NameSuggestions.Closest(name, _bodies.Keys);
                error = $"unknown condition '{name}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") +
                    (_bodies.Count == 0 ? " (no \"conditions\" are defined)" : "");
                code = DiagnosticCodes.UnknownName;
                errorAt = i;
                return null;
            }

            if (active.Contains(name))
            {
                error = $"named conditions call each other in a cycle: {string.Join(" → ", [.. active, name])}";
                code = DiagnosticCodes.ConditionCycle;
                errorAt = i;
                return null;
            }

            active.Add(name);
            var inner = Expand(body, active, null, out error, out code, out _, out _);
            active.RemoveAt(active.Count - 1);
            if (inner is null)
            {
                error = $"in condition '{name}': {error}";
                errorIn = name;
                errorAt = i;
                return null;
            }

            result.Append(text, copied, i - copied);
            var start = result.Length;
            result.Append('(').Append(inner).Append(')');
            splices?.Add(new Splice(start, result.Length, i, callEnd, name));
            copied = i = callEnd;
        }

        result.Append(text, copied, text.Length - copied);
        return result.ToString();
    }

    // Is ( "name" ) with any spaces between; the name as written, without escapes.
    private static bool TryReadCall(string text, int from, out string name, out int end)
    {
        name = "";
        end = SkipSpaces(text, from);
        if (end >= text.Length || text[end] != '(')
        {
            return false;
        }

        var open = SkipSpaces(text, end + 1);
        if (open >= text.Length || text[open] != '"')
        {
            return false;
        }

        var close = text.IndexOf('"', open + 1);
        if (close < 0 || text.AsSpan(open + 1, close - open - 1).Contains('\\'))
        {
            return false;
        }

        var paren = SkipSpaces(text, close + 1);
        if (paren >= text.Length || text[paren] != ')')
        {
            return false;
        }

        name = text[(open + 1)..close];
        end = paren + 1;
        return true;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipString(string text, int quote)
    {
        var i = quote + 1;
        while (i < text.Length && text[i] != '"')
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i + 1, text.Length);
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

/// <summary>One <c>Is("name")</c> call: where its expansion stands in the result and where the call stood in the rule.</summary>
internal readonly record struct Splice(int ExpandedStart, int ExpandedEnd, int OriginalStart, int OriginalEnd, string Name);

/// <summary>
/// A rule's condition with its named conditions written out, or the reason it could not be: the error, its code, the
/// named condition it lies in (null when it lies in the text itself) and the position of the call or name at fault.
/// </summary>
internal sealed record ConditionExpansion(string Text, IReadOnlyList<Splice> Splices, string? Error, string? ErrorCode, string? ErrorIn, int ErrorAt)
{
    /// <summary>
    /// Where a position of <see cref="Text"/> stands in the rule's own condition, and the named condition it falls
    /// in (then the position is that call's).
    /// </summary>
    public (int Position, string? Condition) ToOriginal(int expanded)
    {
        var shift = 0;
        foreach (var s in Splices)
        {
            if (expanded < s.ExpandedStart)
            {
                break;
            }

            if (expanded < s.ExpandedEnd)
            {
                return (s.OriginalStart, s.Name);
            }

            shift += (s.ExpandedEnd - s.ExpandedStart) - (s.OriginalEnd - s.OriginalStart);
        }

        return (Math.Max(0, expanded - shift), null);
    }

    /// <summary>
    /// A compile error of <see cref="Text"/>, placed in the condition as written: at the call when it lies in a named
    /// condition, and the message says which.
    /// </summary>
    public (int Position, string Message) Place(CompiledCondition compiled)
    {
        var (position, inner) = ToOriginal(compiled.ErrorPosition);
        return (position, inner is null ? compiled.Error! : $"in condition '{inner}': {compiled.Error}");
    }
}
