namespace ComplaintRules;

/// <summary>The snake_case names of the fixed vocabulary, as rule files and JSON output spell them.</summary>
internal static class Vocabulary
{
    private static readonly string[] s_causes = ["none", "expectation", "rights_claim", "venting"];
    private static readonly string[] s_conflicts = ["service_quality", "price", "communication", "policy", "collections", "other"];
    private static readonly string[] s_severities = ["", "minor", "standard", "serious", "critical"];
    private static readonly string[] s_steps = ["listen", "soothe", "apologize", "gather_info", "propose", "agree", "follow_up"];
    private static readonly string[] s_outcomes = ["explanation", "non_monetary", "monetary", "relational", "internal"];

    public static IReadOnlyList<string> Causes => s_causes;
    public static IReadOnlyList<string> Conflicts => s_conflicts;
    public static IReadOnlyList<string> Severities => s_severities[1..];
    public static IReadOnlyList<string> Steps => s_steps;
    public static IReadOnlyList<string> OutcomeClasses => s_outcomes;

    public static string Name(this RootCause value) => s_causes[(int)value];
    public static string Name(this ConflictType value) => s_conflicts[(int)value];
    public static string Name(this Severity value) => s_severities[(int)value];
    public static string Name(this HandlingStep value) => s_steps[(int)value];
    public static string Name(this OutcomeClass value) => s_outcomes[(int)value];

    public static bool TryParseCause(string? name, out RootCause value) => TryParse(s_causes, name, out value);
    public static bool TryParseConflict(string? name, out ConflictType value) => TryParse(s_conflicts, name, out value);
    public static bool TryParseSeverity(string? name, out Severity value) => TryParse(s_severities, name, out value) && value != 0;
    public static bool TryParseStep(string? name, out HandlingStep value) => TryParse(s_steps, name, out value);
    public static bool TryParseOutcome(string? name, out OutcomeClass value) => TryParse(s_outcomes, name, out value);

    public static RootCause ParseCause(string name) =>
        TryParseCause(name, out var value) ? value : throw Unknown("cause", name, s_causes);

    public static ConflictType ParseConflict(string name) =>
        TryParseConflict(name, out var value) ? value : throw Unknown("conflict type", name, s_conflicts);

    private static ArgumentException Unknown(string what, string name, string[] known) =>
        new($"Unknown {what} '{name}'. Expected one of: {string.Join(", ", known.Where(k => k.Length > 0))}.", nameof(name));

    // At most seven names: a search by hand is as quick as a lookup, with nothing to build at start (frozen
    // dictionaries cost a cold start several milliseconds, their generic code compiled by the JIT).
    private static bool TryParse<T>(string[] names, string? name, out T value)
        where T : struct, Enum
    {
        for (var i = 0; name is { Length: > 0 } && i < names.Length; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                value = System.Runtime.CompilerServices.Unsafe.As<int, T>(ref i); // every vocabulary enum is int-backed; no boxing
                return true;
            }
        }

        value = default;
        return false;
    }
}
