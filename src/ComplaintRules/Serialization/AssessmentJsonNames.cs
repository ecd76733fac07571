using System.Text.Json;

namespace ComplaintRules;

/// <summary>The property names of the assessment JSON, encoded once and shared by the hand-written writers of both profiles.</summary>
internal static class AssessmentJsonNames
{
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    public static readonly JsonEncodedText PrimaryCause = JsonEncodedText.Encode("primaryCause");
    public static readonly JsonEncodedText RootCauses = JsonEncodedText.Encode("rootCauses");
    public static readonly JsonEncodedText Cause = JsonEncodedText.Encode("cause");
    public static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
    public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
    public static readonly JsonEncodedText ConflictType = JsonEncodedText.Encode("conflictType");
    public static readonly JsonEncodedText ConflictTypes = JsonEncodedText.Encode("conflictTypes");
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText Subtype = JsonEncodedText.Encode("subtype");
    public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
    public static readonly JsonEncodedText SeverityReasons = JsonEncodedText.Encode("severityReasons");
    public static readonly JsonEncodedText Intensity = JsonEncodedText.Encode("intensity");
    public static readonly JsonEncodedText Steps = JsonEncodedText.Encode("steps");
    public static readonly JsonEncodedText Step = JsonEncodedText.Encode("step");
    public static readonly JsonEncodedText Guidance = JsonEncodedText.Encode("guidance");
    public static readonly JsonEncodedText Emphasis = JsonEncodedText.Encode("emphasis");
    public static readonly JsonEncodedText Checklist = JsonEncodedText.Encode("checklist");
    public static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("ruleId");
    public static readonly JsonEncodedText Remedies = JsonEncodedText.Encode("remedies");
    public static readonly JsonEncodedText Remedy = JsonEncodedText.Encode("remedy");
    public static readonly JsonEncodedText OutcomeClass = JsonEncodedText.Encode("outcomeClass");
    public static readonly JsonEncodedText Priority = JsonEncodedText.Encode("priority");
    public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    public static readonly JsonEncodedText GrantedBy = JsonEncodedText.Encode("grantedBy");
    public static readonly JsonEncodedText Trace = JsonEncodedText.Encode("trace");
    public static readonly JsonEncodedText Decision = JsonEncodedText.Encode("decision");
    public static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");
    public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    public static readonly JsonEncodedText Deadlines = JsonEncodedText.Encode("deadlines");
    public static readonly JsonEncodedText Authority = JsonEncodedText.Encode("authority");
    public static readonly JsonEncodedText HandlerRole = JsonEncodedText.Encode("handlerRole");
    public static readonly JsonEncodedText OfferNow = JsonEncodedText.Encode("offerNow");
    public static readonly JsonEncodedText NeedsApproval = JsonEncodedText.Encode("needsApproval");
    public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    public static readonly JsonEncodedText Length = JsonEncodedText.Encode("length");
    public static readonly JsonEncodedText Signal = JsonEncodedText.Encode("signal");
    public static readonly JsonEncodedText Field = JsonEncodedText.Encode("field");
}
