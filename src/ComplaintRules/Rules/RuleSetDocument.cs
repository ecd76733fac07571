using System.Text.Json.Serialization;

namespace ComplaintRules.Rules;

// The JSON shape of a rule-set file, as rule authors write it. Deserialised strictly: unknown members are errors.
// Every member is nullable here so that the validator, not the deserialiser, reports what is missing, with its position.

internal sealed class RuleSetDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? Description { get; set; }

    public RuleSetSettings? Settings { get; set; }

    public Dictionary<string, LexiconDocument>? Lexicons { get; set; }

    public Dictionary<string, NamedConditionDocument>? Conditions { get; set; }

    public Dictionary<string, RemedyDefinition>? RemedyCatalog { get; set; }

    public DecisionRules? Rules { get; set; }

    public List<string>? Disable { get; set; }

    public Dictionary<string, CalendarDocument>? Calendars { get; set; }

    public Dictionary<string, RegimeDocument>? Regimes { get; set; }

    public Dictionary<string, AlertRuleDocument>? Alerts { get; set; }

    public AuthorityDocument? Authority { get; set; }

    public TieBreakDocument? TieBreak { get; set; }
}

/// <summary>
/// Gram weights learned from labelled complaints (<c>complaint-rules tiebreak</c>): they order causes whose rule
/// scores are close. Each gram maps to three weights: expectation, rights claim, venting; with <c>detect</c>, a fourth
/// towards a complaint, which finds complaints the rules find no cause in; with <c>leads</c>, a short complaint gets a
/// cause the rules missed when its weights lead the other causes' enough.
/// </summary>
internal sealed class TieBreakDocument
{
    public string? Description { get; set; }

    public string? TrainedOn { get; set; }

    public double? Weight { get; set; }

    public double? Scale { get; set; }

    public double? Presence { get; set; }

    public double? Detect { get; set; }

    public Dictionary<string, double>? Leads { get; set; }

    public Dictionary<string, List<double>>? En { get; set; }

    public Dictionary<string, List<double>>? Zh { get; set; }
}

internal sealed class RuleSetSettings
{
    public double? CauseThreshold { get; set; }

    public bool? ConflictNeedsCause { get; set; }
}

/// <summary>A condition written once and read by rules as <c>Is("name")</c>.</summary>
internal sealed class NamedConditionDocument
{
    public string? Description { get; set; }

    public string? When { get; set; }
}

internal sealed class LexiconDocument
{
    public string? Description { get; set; }

    public bool? Negatable { get; set; }

    public bool? Hides { get; set; }

    public bool? Evidence { get; set; }

    public List<string>? Zh { get; set; }

    public List<string>? En { get; set; }

    public List<NearPatternDocument>? Near { get; set; }
}

/// <summary>"A within N words of B": an occurrence of lexicon <c>first</c> followed closely by one of <c>then</c>.</summary>
internal sealed class NearPatternDocument
{
    public string? First { get; set; }

    public string? Then { get; set; }

    public int? Within { get; set; }

    public string? Language { get; set; }

    public string? Order { get; set; }

    public string? Scope { get; set; }
}

internal sealed class RemedyDefinition
{
    public string? OutcomeClass { get; set; }

    public LocalizedText? Label { get; set; }
}

internal sealed class LocalizedText
{
    public string? Zh { get; set; }

    public string? En { get; set; }

    public string For(string language) => (language == "zh" ? Zh ?? En : En ?? Zh) ?? "";
}

internal sealed class DecisionRules
{
    public List<CauseRuleDocument>? Causes { get; set; }

    public List<IntensityRuleDocument>? Intensity { get; set; }

    public List<ConflictRuleDocument>? Conflicts { get; set; }

    public List<SeverityRuleDocument>? Severity { get; set; }

    public List<StepRuleDocument>? Steps { get; set; }

    public List<RemedyRuleDocument>? Remedies { get; set; }
}

internal abstract class RuleDocument
{
    public string? Id { get; set; }

    public string? When { get; set; }

    public string? Description { get; set; }

    public bool? Override { get; set; }
}

internal sealed class CauseRuleDocument : RuleDocument
{
    public string? Cause { get; set; }

    public double? Weight { get; set; }

    public bool? PrimaryOnly { get; set; }
}

internal sealed class IntensityRuleDocument : RuleDocument
{
    public int? Points { get; set; }
}

internal sealed class ConflictRuleDocument : RuleDocument
{
    public string? Type { get; set; }

    public string? Subtype { get; set; }

    public double? Weight { get; set; }
}

internal sealed class SeverityRuleDocument : RuleDocument
{
    public string? Level { get; set; }

    public LocalizedText? Reason { get; set; }
}

internal sealed class StepRuleDocument : RuleDocument
{
    public string? Step { get; set; }

    public int? Order { get; set; }

    public int? Priority { get; set; }

    public string? Emphasis { get; set; }

    public LocalizedText? Guidance { get; set; }

    public List<LocalizedText>? Checklist { get; set; }
}

internal sealed class RemedyRuleDocument : RuleDocument
{
    public string? Remedy { get; set; }

    public int? Priority { get; set; }

    public LocalizedText? Reason { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false, // the last of two would win unseen: a rule author's second "near" hides the first
    MaxDepth = 16)]
[JsonSerializable(typeof(RuleSetDocument))]
internal sealed partial class RuleSetJsonContext : JsonSerializerContext;
