using System.Text.Json;

namespace ComplaintRules.Rules;

/// <summary>
/// Reads a well-formed rule-set document straight off <see cref="Utf8JsonReader"/>, without the serializer's
/// metadata: in a fresh process the generated serializer costs some 40 ms of type loading and JIT before it reads a
/// byte, this reader a few. It accepts only what the serializer reads the same way — the members of each section by
/// their exact names, each at most once, values of the right JSON type — and returns <see langword="null"/> for
/// anything else (an unknown or repeated member, a wrong type, the <c>alerts</c> section, a syntax error), which the
/// serializer then reads as before, with the same diagnostics. A test holds both readers' documents equal over every
/// shipped rule file.
/// </summary>
internal static partial class RuleSetDocumentReader
{
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 };

    /// <summary>The document, or <see langword="null"/> when the serializer must read it.</summary>
    public static RuleSetDocument? TryRead(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, s_options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var document = Document(ref reader);
            return reader.Read() ? null : document; // anything after the root object is the serializer's to report
        }
        catch (Exception ex) when (ex is JsonException or RefusedException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static RuleSetDocument Document(ref Utf8JsonReader r)
    {
        var d = new RuleSetDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "$schema"u8, 0, ref seen)) { d.Schema = Str(ref r); }
            else if (Is(ref r, "name"u8, 1, ref seen)) { d.Name = Str(ref r); }
            else if (Is(ref r, "version"u8, 2, ref seen)) { d.Version = Str(ref r); }
            else if (Is(ref r, "description"u8, 3, ref seen)) { d.Description = Str(ref r); }
            else if (Is(ref r, "settings"u8, 4, ref seen)) { d.Settings = Null(ref r) ? null : Settings(ref r); }
            else if (Is(ref r, "lexicons"u8, 5, ref seen)) { d.Lexicons = Map(ref r, Lexicon); }
            else if (Is(ref r, "remedyCatalog"u8, 6, ref seen)) { d.RemedyCatalog = Map(ref r, Remedy); }
            else if (Is(ref r, "rules"u8, 7, ref seen)) { d.Rules = Null(ref r) ? null : Rules(ref r); }
            else if (Is(ref r, "disable"u8, 8, ref seen)) { d.Disable = Strings(ref r); }
            else if (Is(ref r, "calendars"u8, 9, ref seen)) { d.Calendars = Map(ref r, Calendar); }
            else if (Is(ref r, "regimes"u8, 10, ref seen)) { d.Regimes = Map(ref r, Regime); }
            else if (Is(ref r, "authority"u8, 11, ref seen)) { d.Authority = Null(ref r) ? null : Authority(ref r); }
            else if (Is(ref r, "conditions"u8, 12, ref seen)) { d.Conditions = Map(ref r, NamedCondition); }
            else if (Is(ref r, "tieBreak"u8, 13, ref seen)) { d.TieBreak = Null(ref r) ? null : TieBreak(ref r); }
            else { throw new RefusedException(); } // "alerts" and anything unknown
        }

        return d;
    }

    private static RuleSetSettings Settings(ref Utf8JsonReader r)
    {
        var s = new RuleSetSettings();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "causeThreshold"u8, 0, ref seen)) { s.CauseThreshold = Double(ref r); }
            else if (Is(ref r, "conflictNeedsCause"u8, 1, ref seen)) { s.ConflictNeedsCause = Bool(ref r); }
            else { throw new RefusedException(); }
        }

        return s;
    }

    private static LexiconDocument Lexicon(ref Utf8JsonReader r)
    {
        var l = new LexiconDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "description"u8, 0, ref seen)) { l.Description = Str(ref r); }
            else if (Is(ref r, "negatable"u8, 1, ref seen)) { l.Negatable = Bool(ref r); }
            else if (Is(ref r, "zh"u8, 2, ref seen)) { l.Zh = Strings(ref r); }
            else if (Is(ref r, "en"u8, 3, ref seen)) { l.En = Strings(ref r); }
            else if (Is(ref r, "near"u8, 4, ref seen)) { l.Near = List(ref r, Near); }
            else if (Is(ref r, "hides"u8, 5, ref seen)) { l.Hides = Bool(ref r); }
            else if (Is(ref r, "evidence"u8, 6, ref seen)) { l.Evidence = Bool(ref r); }
            else { throw new RefusedException(); }
        }

        return l;
    }

    private static NamedConditionDocument NamedCondition(ref Utf8JsonReader r)
    {
        var c = new NamedConditionDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "description"u8, 0, ref seen)) { c.Description = Str(ref r); }
            else if (Is(ref r, "when"u8, 1, ref seen)) { c.When = Str(ref r); }
            else { throw new RefusedException(); }
        }

        return c;
    }

    private static NearPatternDocument Near(ref Utf8JsonReader r)
    {
        var n = new NearPatternDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "first"u8, 0, ref seen)) { n.First = Str(ref r); }
            else if (Is(ref r, "then"u8, 1, ref seen)) { n.Then = Str(ref r); }
            else if (Is(ref r, "within"u8, 2, ref seen)) { n.Within = Int(ref r); }
            else if (Is(ref r, "language"u8, 3, ref seen)) { n.Language = Str(ref r); }
            else if (Is(ref r, "order"u8, 4, ref seen)) { n.Order = Str(ref r); }
            else if (Is(ref r, "scope"u8, 5, ref seen)) { n.Scope = Str(ref r); }
            else { throw new RefusedException(); }
        }

        return n;
    }

    private static RemedyDefinition Remedy(ref Utf8JsonReader r)
    {
        var d = new RemedyDefinition();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "outcomeClass"u8, 0, ref seen)) { d.OutcomeClass = Str(ref r); }
            else if (Is(ref r, "label"u8, 1, ref seen)) { d.Label = Text(ref r); }
            else { throw new RefusedException(); }
        }

        return d;
    }

    private static LocalizedText? Text(ref Utf8JsonReader r)
    {
        if (Null(ref r))
        {
            return null;
        }

        var t = new LocalizedText();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "zh"u8, 0, ref seen)) { t.Zh = Str(ref r); }
            else if (Is(ref r, "en"u8, 1, ref seen)) { t.En = Str(ref r); }
            else { throw new RefusedException(); }
        }

        return t;
    }

    private static DecisionRules Rules(ref Utf8JsonReader r)
    {
        var d = new DecisionRules();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "causes"u8, 0, ref seen)) { d.Causes = List(ref r, Rule<CauseRuleDocument>); }
            else if (Is(ref r, "intensity"u8, 1, ref seen)) { d.Intensity = List(ref r, Rule<IntensityRuleDocument>); }
            else if (Is(ref r, "conflicts"u8, 2, ref seen)) { d.Conflicts = List(ref r, Rule<ConflictRuleDocument>); }
            else if (Is(ref r, "severity"u8, 3, ref seen)) { d.Severity = List(ref r, Rule<SeverityRuleDocument>); }
            else if (Is(ref r, "steps"u8, 4, ref seen)) { d.Steps = List(ref r, Rule<StepRuleDocument>); }
            else if (Is(ref r, "remedies"u8, 5, ref seen)) { d.Remedies = List(ref r, Rule<RemedyRuleDocument>); }
            else { throw new RefusedException(); }
        }

        return d;
    }

    // The members every rule has (bits 0–3), then its decision's own (bits 8 and up).
    private static T Rule<T>(ref Utf8JsonReader r)
        where T : RuleDocument, new()
    {
        var rule = new T();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) { rule.Id = Str(ref r); }
            else if (Is(ref r, "when"u8, 1, ref seen)) { rule.When = Str(ref r); }
            else if (Is(ref r, "description"u8, 2, ref seen)) { rule.Description = Str(ref r); }
            else if (Is(ref r, "override"u8, 3, ref seen)) { rule.Override = Bool(ref r); }
            else if (!RuleMember(ref r, rule, ref seen)) { throw new RefusedException(); }
        }

        return rule;
    }

    private static bool RuleMember(ref Utf8JsonReader r, RuleDocument rule, ref ulong seen)
    {
        switch (rule)
        {
            case CauseRuleDocument c when Is(ref r, "cause"u8, 8, ref seen): c.Cause = Str(ref r); return true;
            case CauseRuleDocument c when Is(ref r, "weight"u8, 9, ref seen): c.Weight = Double(ref r); return true;
            case CauseRuleDocument c when Is(ref r, "primaryOnly"u8, 10, ref seen): c.PrimaryOnly = Bool(ref r); return true;
            case IntensityRuleDocument i when Is(ref r, "points"u8, 8, ref seen): i.Points = Int(ref r); return true;
            case ConflictRuleDocument c when Is(ref r, "type"u8, 8, ref seen): c.Type = Str(ref r); return true;
            case ConflictRuleDocument c when Is(ref r, "subtype"u8, 9, ref seen): c.Subtype = Str(ref r); return true;
            case ConflictRuleDocument c when Is(ref r, "weight"u8, 10, ref seen): c.Weight = Double(ref r); return true;
            case SeverityRuleDocument s when Is(ref r, "level"u8, 8, ref seen): s.Level = Str(ref r); return true;
            case SeverityRuleDocument s when Is(ref r, "reason"u8, 9, ref seen): s.Reason = Text(ref r); return true;
            case StepRuleDocument s when Is(ref r, "step"u8, 8, ref seen): s.Step = Str(ref r); return true;
            case StepRuleDocument s when Is(ref r, "order"u8, 9, ref seen): s.Order = Int(ref r); return true;
            case StepRuleDocument s when Is(ref r, "priority"u8, 10, ref seen): s.Priority = Int(ref r); return true;
            case StepRuleDocument s when Is(ref r, "emphasis"u8, 11, ref seen): s.Emphasis = Str(ref r); return true;
            case StepRuleDocument s when Is(ref r, "guidance"u8, 12, ref seen): s.Guidance = Text(ref r); return true;
            case StepRuleDocument s when Is(ref r, "checklist"u8, 13, ref seen): s.Checklist = List(ref r, static (ref Utf8JsonReader v) => Text(ref v)!); return true;
            case RemedyRuleDocument m when Is(ref r, "remedy"u8, 8, ref seen): m.Remedy = Str(ref r); return true;
            case RemedyRuleDocument m when Is(ref r, "priority"u8, 9, ref seen): m.Priority = Int(ref r); return true;
            case RemedyRuleDocument m when Is(ref r, "reason"u8, 10, ref seen): m.Reason = Text(ref r); return true;
            default: return false;
        }
    }

    /// <summary>Thrown inside the reader for anything it leaves to the serializer; never escapes it.</summary>
    private sealed class RefusedException : Exception;
}
