using ComplaintRules.Evaluation;

namespace ComplaintRules.Rules;

// The tieBreak section: weight, scale, presence, detect and leads from the last layer that gives them; a layer's grams of a
// language replace the grams of that language before it (a table is trained whole, so it is replaced whole).
internal sealed partial class RuleSetLoader
{
    private const double MaxGramWeight = 50;

    private double _tieWeight = TieBreak.DefaultWeight;
    private double _tieScale = TieBreak.DefaultScale;
    private double _tiePresence;
    private double? _tieDetect;
    private Dictionary<RootCause, double>? _tieLeads;
    private readonly Dictionary<string, List<GramWeights>> _tieGrams = new(StringComparer.Ordinal);
    private byte[]? _deferredTieBreak; // the embedded default's, when it is loaded alone

    private void AddTieBreak(SourceDocument source, TieBreakDocument? section)
    {
        if (section is null)
        {
            return;
        }

        if (section.Weight is { } weight)
        {
            if (weight is >= 0 and <= TieBreak.MaxWeight)
            {
                _tieWeight = weight;
            }
            else
            {
                Error(DiagnosticCodes.InvalidTieBreak, source, "$.tieBreak.weight", null, $"weight must be from 0 to {TieBreak.MaxWeight}, not {weight}");
            }
        }

        if (section.Scale is { } scale)
        {
            if (scale is > 0 and <= 1000)
            {
                _tieScale = scale;
            }
            else
            {
                Error(DiagnosticCodes.InvalidTieBreak, source, "$.tieBreak.scale", null, $"scale must be above 0 and at most 1000, not {scale}");
            }
        }

        if (section.Presence is { } presence)
        {
            if (presence is >= 0 and <= TieBreak.MaxWeight)
            {
                _tiePresence = presence;
            }
            else
            {
                Error(DiagnosticCodes.InvalidTieBreak, source, "$.tieBreak.presence", null, $"presence must be from 0 to {TieBreak.MaxWeight}, not {presence}");
            }
        }

        if (section.Detect is { } detect)
        {
            if (Math.Abs(detect) <= TieBreak.MaxDetect)
            {
                _tieDetect = detect;
            }
            else
            {
                Error(DiagnosticCodes.InvalidTieBreak, source, "$.tieBreak.detect", null, $"detect must be from -{TieBreak.MaxDetect} to {TieBreak.MaxDetect}, not {detect}");
            }
        }

        if (section.Leads is { } leads)
        {
            _tieLeads = [];
            foreach (var (name, lead) in leads)
            {
                if (!TieBreak.TryParseLeadCause(name, out var cause))
                {
                    Error(DiagnosticCodes.InvalidTieBreak, source, $"$.tieBreak.leads.{name}", null, $"'{name}' is no cause: expectation, rights_claim or venting");
                }
                else if (TieBreak.IsLeadLevel(lead))
                {
                    _tieLeads[cause] = lead;
                }
                else
                {
                    Error(DiagnosticCodes.InvalidTieBreak, source, $"$.tieBreak.leads.{name}", null, $"a lead must be from 0 to {TieBreak.MaxLead}, not {lead}");
                }
            }
        }

        AddGrams(source, "en", section.En, section.Detect is not null);
        AddGrams(source, "zh", section.Zh, section.Detect is not null);
    }

    // detects: the section gives detect, so every gram needs its fourth weight, towards a complaint.
    private void AddGrams(SourceDocument source, string language, Dictionary<string, List<double>>? grams, bool detects)
    {
        if (grams is null)
        {
            return;
        }

        var path = $"$.tieBreak.{language}";
        if (grams.Count > TieBreak.MaxGrams)
        {
            Error(DiagnosticCodes.InvalidTieBreak, source, path, null, $"{grams.Count} grams; the limit is {TieBreak.MaxGrams} per language");
            return;
        }

        var chinese = language == "zh";
        var table = new List<GramWeights>(grams.Count);
        foreach (var (gram, weights) in grams)
        {
            if (!TieBreakGrams.IsWellFormed(gram, chinese))
            {
                Error(DiagnosticCodes.InvalidTieBreak, source, $"{path}.{gram}", null, chinese
                    ? $"'{gram}' is no Chinese gram: two or three characters, one of them Han, folded (simplified, lower case, half width), no whitespace"
                    : $"'{gram}' is no English gram: one or two tokens one space apart, each a run of a-z and apostrophes or of '!' and '?', in lower case");
                continue;
            }

            if (weights is null || weights.Count != (detects ? 4 : 3) || !weights.All(w => Math.Abs(w) <= MaxGramWeight))
            {
                Error(DiagnosticCodes.InvalidTieBreak, source, $"{path}.{gram}", null, detects
                    ? $"'{gram}' needs four weights (expectation, rights claim, venting, a complaint: the section gives detect), each from -{MaxGramWeight} to {MaxGramWeight}"
                    : $"'{gram}' needs three weights (expectation, rights claim, venting), each from -{MaxGramWeight} to {MaxGramWeight}");
                continue;
            }

            table.Add(new GramWeights(TieBreakGrams.Hash(gram), (float)weights[0], (float)weights[1], (float)weights[2], detects ? (float)weights[3] : 0));
        }

        _tieGrams[language] = table;
    }

    // The embedded default's tie-break, read and built on first use straight off its bytes (TieBreakReader): its
    // thirteen thousand grams would be most of a load. The table never changes, so every load of the default in a
    // process shares one. Its tests load it eagerly too, and compare the two tables.
    private static Lazy<TieBreak?>? s_defaultTieBreak;

    private static Lazy<TieBreak?> DefaultTieBreak(byte[] bytes) => LazyInitializer.EnsureInitialized(ref s_defaultTieBreak,
        () => new Lazy<TieBreak?>(() => TieBreakReader.Read(bytes)
            ?? throw new InvalidOperationException("The tie-break of the embedded default rule set does not read as a tieBreak section.")));

    // Null when no layer gives grams, or its weights are 0 and it neither detects nor has leads (then it never changes an
    // order, drops or adds a cause, and costs nothing).
    private TieBreak? BuildTieBreak() =>
        _tieGrams.Count == 0 || (_tieWeight == 0 && _tiePresence == 0 && _tieDetect is null && _tieLeads is not { Count: > 0 })
            ? null
            : new TieBreak(_tieWeight, _tieScale, _tiePresence, [.. _tieGrams.Values.SelectMany(g => g)], _tieDetect, _tieLeads);
}
