namespace ComplaintRules;

/// <summary>
/// The stable codes of <see cref="RuleDiagnostic.Code"/>: one per kind of problem a rule-set (or rule test-case) file
/// can have, so CI and editors can filter on them. Each is explained, with its fix, in <c>docs/diagnostics.md</c>.
/// </summary>
/// <remarks>
/// Internal: the codes are a documented contract as strings (<c>CR0105</c>), read by people and tools from the
/// printed diagnostic; thirty constants would be public surface that only the loader needs.
/// </remarks>
internal static class DiagnosticCodes
{
    /// <summary>The file could not be read.</summary>
    public const string FileUnreadable = "CR0001";

    /// <summary>The document is larger than the size limit.</summary>
    public const string DocumentTooLarge = "CR0002";

    /// <summary>The file is not UTF-8 (UTF-16 was found).</summary>
    public const string WrongEncoding = "CR0003";

    /// <summary>The document is not valid JSON.</summary>
    public const string JsonSyntax = "CR0004";

    /// <summary>The document is empty or <c>null</c>.</summary>
    public const string EmptyDocument = "CR0005";

    /// <summary>A member name the format does not have (a typo, or a member in the wrong place).</summary>
    public const string UnknownMember = "CR0010";

    /// <summary>A value of the wrong JSON type (a string where a number is expected, …).</summary>
    public const string WrongType = "CR0011";

    /// <summary>A value under <c>settings</c> is out of range.</summary>
    public const string InvalidSetting = "CR0020";

    /// <summary>A lexicon has an invalid name or contents.</summary>
    public const string InvalidLexicon = "CR0030";

    /// <summary>A near pattern of a lexicon is malformed.</summary>
    public const string InvalidNearPattern = "CR0031";

    /// <summary>A near pattern names a lexicon that is not defined.</summary>
    public const string UnknownNearLexicon = "CR0032";

    /// <summary>Near patterns refer to each other in a cycle.</summary>
    public const string NearPatternCycle = "CR0033";

    /// <summary>A remedy has an invalid name or outcome class.</summary>
    public const string InvalidRemedy = "CR0040";

    /// <summary>A <c>disable</c> entry names no earlier rule.</summary>
    public const string UnknownDisabledRule = "CR0050";

    /// <summary>A named condition under <c>conditions</c> has an invalid name or no <c>when</c>.</summary>
    public const string InvalidCondition = "CR0060";

    /// <summary>Named conditions call each other (<c>Is("name")</c>) in a cycle.</summary>
    public const string ConditionCycle = "CR0061";

    /// <summary>A rule is not an object or has no id.</summary>
    public const string InvalidRule = "CR0100";

    /// <summary>Two rules have the same id without <c>"override": true</c>.</summary>
    public const string DuplicateId = "CR0101";

    /// <summary>An override replaces nothing, or replaces a rule of another decision.</summary>
    public const string InvalidOverride = "CR0102";

    /// <summary>A rule has no <c>when</c> condition.</summary>
    public const string MissingCondition = "CR0103";

    /// <summary>A condition does not parse, or does not give true or false.</summary>
    public const string BadCondition = "CR0104";

    /// <summary>A condition names a fact, function, signal, lexicon, cause or conflict type that does not exist.</summary>
    public const string UnknownName = "CR0105";

    /// <summary>A condition uses a member, method, type or operator outside the rule language.</summary>
    public const string DisallowedMember = "CR0106";

    /// <summary>A condition is longer or more deeply nested than the limits.</summary>
    public const string ConditionTooComplex = "CR0107";

    /// <summary>A condition reads the outcome of a decision that is not made yet when the rule runs.</summary>
    public const string OutcomeNotYetDecided = "CR0108";

    /// <summary>An outcome field of a rule (cause, points, type, level, step, emphasis, guidance) is missing or invalid.</summary>
    public const string InvalidRuleField = "CR0110";

    /// <summary>Warning: the condition can throw at run time (division, a conversion that can overflow…).</summary>
    public const string ConditionMayFail = "CR0150";

    /// <summary>A holiday calendar under <c>calendars</c> is invalid.</summary>
    public const string InvalidCalendar = "CR0201";

    /// <summary>A regulatory regime under <c>regimes</c> is invalid.</summary>
    public const string InvalidRegime = "CR0202";

    /// <summary>A deadline of a regime is invalid.</summary>
    public const string InvalidDeadline = "CR0203";

    /// <summary>An early-warning alert rule under <c>alerts</c> is invalid.</summary>
    public const string InvalidAlert = "CR0301";

    /// <summary>The <c>authority</c> section is invalid: no roles, a malformed role, a remedy not in the catalogue, a bad currency or cap.</summary>
    public const string InvalidAuthority = "CR0501";

    /// <summary>An <c>authority</c> entry names a role the <c>roles</c> list does not declare.</summary>
    public const string UnknownRole = "CR0502";

    /// <summary>A remedy's caps in one currency do not grow with the roles' order (a higher role may grant no more than a lower one).</summary>
    public const string CapsOutOfOrder = "CR0503";

    /// <summary>A test case in a rule test-case file is invalid (the file itself is reported with the codes above).</summary>
    public const string InvalidTestCase = "CR0401";

    /// <summary>The <c>tieBreak</c> section is invalid: a weight or scale out of range, a gram written as no text could hold it, or a gram without exactly three finite weights.</summary>
    public const string InvalidTieBreak = "CR0601";
}
