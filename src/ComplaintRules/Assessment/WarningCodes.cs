namespace ComplaintRules;

/// <summary>
/// The stable codes of <see cref="AssessmentWarning.Code"/> on <see cref="ComplaintAssessment.Warnings"/>, so a host can
/// count, filter or alert on a warning without parsing its message. Each is listed in the documentation with its fix.
/// </summary>
public static class WarningCodes
{
    /// <summary>A rule's condition threw for this complaint (division by zero, overflow, a null argument…); the rule counted as not fired.</summary>
    public const string RuleFault = "CR1001";

    /// <summary>A field was longer than its limit in <see cref="ComplaintAnalyzerOptions"/> and was analysed up to the limit.</summary>
    public const string FieldTruncated = "CR1002";

    /// <summary>A list field (customer tags, attributes) had more entries than its limit; the rest were ignored.</summary>
    public const string EntriesDropped = "CR1003";

    /// <summary>The input held characters that are not valid Unicode (a lone surrogate, invalid UTF-8); each was replaced with U+FFFD.</summary>
    public const string CharactersReplaced = "CR1004";

    /// <summary>
    /// <see cref="Complaint.ReceivedAt"/> is outside the range deadlines can be computed for, and none were computed;
    /// or <see cref="Complaint.DecisionReceivedAt"/> is, and the deadlines from the decision were left open.
    /// </summary>
    public const string ReceivedAtOutOfRange = "CR1005";

    /// <summary>Part of a deadline's period falls in a year the regime's calendar has no holiday data for; only weekends were taken as rest days there.</summary>
    public const string CalendarNotCovered = "CR1006";

    /// <summary>The regime's data was last checked against its sources more than a year before the complaint was received; the rules may have changed since.</summary>
    public const string RegimeDataStale = "CR1007";

    /// <summary>The complaint names a regime the rule set does not have; no deadlines were computed.</summary>
    public const string RegimeUnknown = "CR1008";

    /// <summary>The complaint was received before the regime's <c>validFrom</c>; no deadlines were computed.</summary>
    public const string RegimeNotInForce = "CR1009";

    /// <summary>The complaint has no <see cref="Complaint.ReceivedAt"/>; its deadlines were counted from the time of analysis.</summary>
    public const string ReceivedAtMissing = "CR1010";

    /// <summary>The complaint's <see cref="Complaint.Language"/> is not one the rules are written for; the language was detected from the text.</summary>
    public const string LanguageUnsupported = "CR1011";

    /// <summary>The text held more signal occurrences than the analysis counts; the rest were not counted.</summary>
    public const string SignalsCapped = "CR1012";

    /// <summary>
    /// <see cref="Complaint.HandlerRole"/> is not a role of the rule set's <c>authority</c> section; the remedies were
    /// split for the lowest role instead.
    /// </summary>
    public const string HandlerRoleUnknown = "CR1013";

    // Kept under the name the warning sites already call.
    internal static AssessmentWarning Format(string code, string message) => new(code, message);
}
