using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintRules.Deadlines;
using ComplaintRules.EarlyWarning;
using ComplaintRules.Features;

namespace ComplaintRules.Rules;

/// <summary>
/// Reads rule-set documents, layers them (a later document adds lexicon phrases and catalogue entries, overrides
/// rules by id with <c>"override": true</c>, or disables them), validates every value, and compiles every condition.
/// Collects every problem before failing, so a rule author sees them all at once; never yields a partial rule set.
/// </summary>
internal sealed partial class RuleSetLoader
{
    private static readonly Regex s_name = NameRegex();

    private readonly List<RuleDiagnostic> _diagnostics = [];
    private readonly List<RuleDiagnostic> _warnings = [];
    private readonly List<(string Name, LexiconState State)> _lexicons = [];
    private readonly Dictionary<string, LexiconState> _lexiconByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (OutcomeClass Class, SourceDocument Source, string Path)> _catalog = new(StringComparer.Ordinal);
    private readonly List<PendingRule?> _rules = [];
    private readonly Dictionary<string, int> _ruleById = new(StringComparer.Ordinal);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly HashSet<(string Source, string Path)> _reshaped = []; // values the tolerant pass removed, already reported
    private double _causeThreshold = 0.5;
    private bool _malformed;
    private string? _name;
    private string? _version;
    private RegimeSectionLoader? _regimes;
    private AlertSectionLoader? _alerts;

    public static ComplaintRuleSet Load(IReadOnlyList<RuleSetSource> sources)
    {
        var (ruleSet, diagnostics) = TryLoad(sources);
        return ruleSet ?? throw new RuleSetException(diagnostics);
    }

    public static (ComplaintRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics) TryLoad(IReadOnlyList<RuleSetSource> sources)
    {
        var (ruleSet, diagnostics, _) = TryLoadDetailed(sources);
        return (ruleSet, diagnostics);
    }

    /// <summary>As <see cref="TryLoad"/>; also tells whether a document was not well-formed JSON (a file half written, perhaps).</summary>
    public static (ComplaintRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics, bool Malformed) TryLoadDetailed(IReadOnlyList<RuleSetSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new ArgumentException("At least one rule-set source is needed.", nameof(sources));
        }

        // Compiling is the expensive step (a few hundred milliseconds for the default rule set): worth a span.
        using var activity = Diagnostics.ComplaintRulesTelemetry.ActivitySource.StartActivity("ComplaintRules.LoadRuleSet");
        activity?.SetTag("complaintrules.ruleset.sources", string.Join(", ", sources.Select(s => s?.Name)));
        var loader = new RuleSetLoader();
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(sources));
            loader.AddLayer(source);
            if (ReferenceEquals(source, RuleSetSource.Default))
            {
                // The embedded default is three documents: the rules, the tone lexicons, then the regimes.
                loader.AddLayer(DefaultTone.Source);
                loader.AddLayer(DefaultRegimes.Source);
            }
        }

        var ruleSet = loader.Build(sources);
        return (loader._diagnostics.Count == 0 ? ruleSet : null, loader.DiagnosticsInFileOrder(sources), loader._malformed);
    }

    private void AddLayer(RuleSetSource source)
    {
        byte[] bytes;
        try
        {
            bytes = source.Read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            _diagnostics.Add(new RuleDiagnostic(source.Name, 1, 1, null, "$", ex.Message));
            return;
        }

        if (bytes.Length > RuleSetSource.MaxDocumentBytes)
        {
            // Files and streams are cut off while reading; a document given as a string is checked here.
            _diagnostics.Add(new RuleDiagnostic(source.Name, 1, 1, null, "$",
                $"the document is {bytes.Length} bytes; the limit is {RuleSetSource.MaxDocumentBytes}. Split it into layered files"));
            return;
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            _diagnostics.Add(new RuleDiagnostic(source.Name, 1, 1, null, "$", "the file is UTF-16; save it as UTF-8"));
            return;
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        _hash.AppendData(bytes);
        var document = new SourceDocument(source.Name, new JsonLocator(bytes));
        RuleSetDocument? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(bytes, RuleSetJsonContext.Default.RuleSetDocument);
        }
        catch (JsonException ex)
        {
            // Not a syntax error: the tolerant pass reports every unknown member and wrong type, and the rest is validated as usual.
            if (ex.InnerException is JsonException || !TryReshape(document, bytes, out parsed))
            {
                _malformed |= ex.InnerException is JsonException; // the reader's syntax error, wrapped with a path
                var (line, column) = document.Locator.FromReaderPosition(ex.LineNumber, ex.BytePositionInLine);
                _diagnostics.Add(new RuleDiagnostic(source.Name, line, column, null, ex.Path ?? "$", JsonErrors.Explain(ex)));
                return;
            }

            if (parsed is null)
            {
                return;
            }
        }

        if (parsed is null)
        {
            _diagnostics.Add(new RuleDiagnostic(source.Name, 1, 1, null, "$", "the document is empty; it must be a JSON object"));
            return;
        }

        _name = parsed.Name ?? _name;
        _version = parsed.Version ?? _version;
        AddSettings(document, parsed.Settings);
        AddLexicons(document, parsed.Lexicons);
        AddCatalog(document, parsed.RemedyCatalog);
        AddDisabled(document, parsed.Disable);
        if (parsed.Calendars is not null || parsed.Regimes is not null)
        {
            (_regimes ??= new RegimeSectionLoader(_diagnostics)).Add(source.Name, document.Locator, parsed.Calendars, parsed.Regimes);
        }

        if (parsed.Alerts is not null)
        {
            (_alerts ??= new AlertSectionLoader(_diagnostics)).Add(source.Name, document.Locator, parsed.Alerts);
        }

        var rules = parsed.Rules;
        if (rules is not null)
        {
            AddRules(document, Decision.Causes, rules.Causes);
            AddRules(document, Decision.Intensity, rules.Intensity);
            AddRules(document, Decision.Conflicts, rules.Conflicts);
            AddRules(document, Decision.Severity, rules.Severity);
            AddRules(document, Decision.Steps, rules.Steps);
            AddRules(document, Decision.Remedies, rules.Remedies);
        }
    }

    private void AddSettings(SourceDocument source, RuleSetSettings? settings)
    {
        if (settings?.CauseThreshold is { } threshold)
        {
            if (threshold is > 0 and <= 1)
            {
                _causeThreshold = threshold;
            }
            else
            {
                Error(source, "$.settings.causeThreshold", null, $"causeThreshold must be above 0 and at most 1, not {threshold}");
            }
        }
    }

    private void AddLexicons(SourceDocument source, Dictionary<string, LexiconDocument>? lexicons)
    {
        if (lexicons is null)
        {
            return;
        }

        foreach (var (name, lexicon) in lexicons)
        {
            var path = $"$.lexicons.{name}";
            if (!s_name.IsMatch(name))
            {
                Error(source, path, null, $"lexicon name '{name}' must be lower_snake_case (a-z, 0-9, _), starting with a letter");
                continue;
            }

            if (SignalTable.BuiltIn.Contains(name))
            {
                Error(source, path, null, $"'{name}' is a built-in marker; choose another lexicon name");
                continue;
            }

            if (lexicon is null)
            {
                Error(source, path, null, "a lexicon must be an object with \"zh\" and/or \"en\" phrase lists, or \"near\" patterns");
                continue;
            }

            if (!_lexiconByName.TryGetValue(name, out var state))
            {
                state = new LexiconState();
                _lexiconByName[name] = state;
                _lexicons.Add((name, state));
            }

            state.Negatable = lexicon.Negatable ?? state.Negatable;
            AddPhrases(source, $"{path}.zh", lexicon.Zh, state);
            AddPhrases(source, $"{path}.en", lexicon.En, state);
            AddNearPatterns(source, name, $"{path}.near", lexicon.Near, state);
        }
    }

    private void AddPhrases(SourceDocument source, string path, List<string>? phrases, LexiconState state)
    {
        if (phrases is null)
        {
            return;
        }

        for (var i = 0; i < phrases.Count; i++)
        {
            var phrase = phrases[i];
            if (string.IsNullOrWhiteSpace(phrase) || phrase.Trim() == "*")
            {
                Error(source, $"{path}[{i}]", null, "a phrase must not be empty");
                continue;
            }

            if (phrase.Length > 200)
            {
                Error(source, $"{path}[{i}]", null, "a phrase is limited to 200 characters");
                continue;
            }

            state.Phrases.Add(phrase);
        }
    }

    private void AddCatalog(SourceDocument source, Dictionary<string, RemedyDefinition>? catalog)
    {
        if (catalog is null)
        {
            return;
        }

        foreach (var (name, definition) in catalog)
        {
            var path = $"$.remedyCatalog.{name}";
            if (!s_name.IsMatch(name))
            {
                Error(source, path, null, $"remedy name '{name}' must be lower_snake_case");
            }
            else if (!Vocabulary.TryParseOutcome(definition?.OutcomeClass, out var outcome))
            {
                Error(source, $"{path}.outcomeClass", null,
                    $"outcomeClass '{definition?.OutcomeClass}' is not one of: {string.Join(", ", Vocabulary.OutcomeClasses)}");
            }
            else
            {
                _catalog[name] = (outcome, source, path);
            }
        }
    }

    private void AddDisabled(SourceDocument source, List<string>? disable)
    {
        if (disable is null)
        {
            return;
        }

        for (var i = 0; i < disable.Count; i++)
        {
            var id = disable[i];
            if (id is not null && _ruleById.Remove(id, out var index))
            {
                _rules[index] = null;
            }
            else
            {
                var suggestion = id is null ? null : RuleExpressionCompiler.Suggest(id, _ruleById.Keys);
                Error(source, $"$.disable[{i}]", null,
                    $"cannot disable '{id}': no earlier rule has that id" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
            }
        }
    }

    private void AddRules<T>(SourceDocument source, Decision decision, List<T>? rules)
        where T : RuleDocument
    {
        if (rules is null)
        {
            return;
        }

        var seenHere = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var path = $"$.rules.{decision.Name()}[{i}]";
            if (rule is null)
            {
                Error(source, path, null, "a rule must be an object");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                Error(source, path, null, "the rule has no \"id\"; every rule needs a stable, unique id");
                continue;
            }

            var pending = new PendingRule(rule, decision, source, path);
            if (!seenHere.Add(rule.Id))
            {
                Error(source, $"{path}.id", rule.Id, "duplicate id in this file");
                continue;
            }

            if (_ruleById.TryGetValue(rule.Id, out var existing))
            {
                var earlier = _rules[existing]!;
                if (rule.Override != true)
                {
                    var (line, _) = earlier.Source.Locator.Locate(earlier.Path);
                    Error(source, $"{path}.id", rule.Id,
                        $"duplicate id: already defined in {earlier.Source.Name} line {line}; add \"override\": true to replace it, or list it under \"disable\"");
                }
                else if (earlier.Decision != decision)
                {
                    Error(source, $"{path}.id", rule.Id, $"overrides a {earlier.Decision.Name()} rule from a {decision.Name()} list; an override must stay in its decision");
                }
                else
                {
                    _rules[existing] = pending;
                }

                continue;
            }

            if (rule.Override == true)
            {
                Error(source, $"{path}.override", rule.Id, "\"override\": true, but no earlier rule has this id");
                continue;
            }

            _ruleById[rule.Id] = _rules.Count;
            _rules.Add(pending);
        }
    }

    private ComplaintRuleSet? Build(IReadOnlyList<RuleSetSource> sources)
    {
        var signals = new SignalTable(
            _lexicons.Select(l => l.Name).ToArray(),
            _lexicons.Select(l => l.State.Negatable && l.Name != SignalTable.Negation).ToArray());
        var compiler = new RuleExpressionCompiler();
        var compiled = new List<CompiledRule>(_rules.Count);
        foreach (var pending in _rules)
        {
            if (pending is not null && Compile(pending, signals, compiler) is { } rule)
            {
                compiled.Add(rule);
            }
        }

        var nearPatterns = ResolveNearPatterns(signals);
        var regimes = _regimes?.Build(signals, compiler) ?? RegimeTable.Empty;
        var alerts = _alerts?.Build() ?? [];
        if (_diagnostics.Count > 0)
        {
            return null;
        }

        var phrases = _lexicons.SelectMany(l => l.State.Phrases.Select(p => (p, signals.Index[l.Name])));
        var extractor = new FeatureExtractor(signals, phrases, nearPatterns);
        return new ComplaintRuleSet(
            _name ?? "rules",
            _version ?? "0",
            Convert.ToHexStringLower(_hash.GetHashAndReset())[..16],
            sources.Select(s => s.Name).ToArray(),
            extractor,
            compiled,
            _causeThreshold)
        {
            Regimes = regimes,
            AlertRules = alerts,
            Warnings = _warnings,
        };
    }

    private CompiledRule? Compile(PendingRule pending, SignalTable signals, RuleExpressionCompiler compiler)
    {
        var (doc, decision, source, path) = pending;
        var id = doc.Id!;
        var errorsBefore = _diagnostics.Count;
        var outcome = ValidateOutcome(pending);
        if (doc.When is null)
        {
            Error(source, path, id, "the rule has no \"when\" condition; write \"true\" for a rule that always fires");
            return null;
        }

        var condition = compiler.Compile(doc.When, decision, signals);
        if (condition.Error is not null)
        {
            var (line, column) = source.Locator.LocateInString($"{path}.when", condition.ErrorPosition);
            _diagnostics.Add(new RuleDiagnostic(source.Name, line, column, id, $"{path}.when", condition.Error));
            return null;
        }

        if (_diagnostics.Count > errorsBefore || outcome is null)
        {
            return null;
        }

        foreach (var warning in condition.Warnings)
        {
            var (line, column) = source.Locator.LocateInString($"{path}.when", 0);
            _warnings.Add(new RuleDiagnostic(source.Name, line, column, id, $"{path}.when", warning) { IsWarning = true });
        }

        return outcome(condition.Evaluate!, condition.SignalsRead) with { Reads = condition.Reads, Fallback = condition.ReadsOwnOutcome };
    }

    // Checks the rule's outcome fields; returns a factory for the compiled rule, or null after reporting errors.
    private Func<Func<ComplaintFacts, bool>, int[], CompiledRule>? ValidateOutcome(PendingRule pending)
    {
        var (doc, _, source, path) = pending;
        var id = doc.Id!;
        var when = doc.When ?? "";
        switch (doc)
        {
            case CauseRuleDocument r:
                var causeOk = Vocabulary.TryParseCause(r.Cause, out var cause) && cause != RootCause.None;
                if (!causeOk)
                {
                    Error(source, $"{path}.cause", id, $"cause '{r.Cause}' is not one of: expectation, rights_claim, venting");
                }

                var weight = CheckWeight(source, path, id, r.Weight);
                return causeOk && weight is { } w ? (c, s) => new CauseRule(id, when, c, s, cause, w) : null;

            case IntensityRuleDocument r:
                if (r.Points is not { } points || points is < -4 or > 4 or 0)
                {
                    Error(source, $"{path}.points", id, $"points must be a whole number from -4 to 4, not 0 ({r.Points?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"})");
                    return null;
                }

                return (c, s) => new IntensityRule(id, when, c, s, points);

            case ConflictRuleDocument r:
                var typeOk = Vocabulary.TryParseConflict(r.Type, out var type);
                if (!typeOk)
                {
                    Error(source, $"{path}.type", id, $"type '{r.Type}' is not one of: {string.Join(", ", Vocabulary.Conflicts)}");
                }

                var conflictWeight = CheckWeight(source, path, id, r.Weight);
                return typeOk && conflictWeight is { } cw ? (c, s) => new ConflictRule(id, when, c, s, type, r.Subtype, cw) : null;

            case SeverityRuleDocument r:
                if (!Vocabulary.TryParseSeverity(r.Level, out var level))
                {
                    Error(source, $"{path}.level", id, $"level '{r.Level}' is not one of: {string.Join(", ", Vocabulary.Severities)}");
                    return null;
                }

                var reason = r.Reason ?? new LocalizedText();
                return (c, s) => new SeverityRule(id, when, c, s, level, reason);

            case StepRuleDocument r:
                if (!Vocabulary.TryParseStep(r.Step, out var step))
                {
                    Error(source, $"{path}.step", id, $"step '{r.Step}' is not one of: {string.Join(", ", Vocabulary.Steps)}");
                    return null;
                }

                var emphasis = r.Emphasis ?? "normal";
                if (emphasis is not ("normal" or "extended"))
                {
                    Error(source, $"{path}.emphasis", id, $"emphasis '{emphasis}' is not one of: normal, extended");
                    return null;
                }

                if (r.Guidance is null)
                {
                    Error(source, $"{path}.guidance", id, "a step rule needs \"guidance\" ({\"zh\": \"…\", \"en\": \"…\"})");
                    return null;
                }

                var order = r.Order ?? ((int)step + 1) * 10;
                var stepPriority = r.Priority ?? 0;
                var checklist = r.Checklist?.Where(t => t is not null).ToArray() ?? [];
                return (c, s) => new StepRule(id, when, c, s, step, order, stepPriority, emphasis, r.Guidance, checklist);

            case RemedyRuleDocument r:
                if (r.Remedy is null || !_catalog.TryGetValue(r.Remedy, out var entry))
                {
                    var suggestion = r.Remedy is null ? null : RuleExpressionCompiler.Suggest(r.Remedy, _catalog.Keys);
                    Error(source, $"{path}.remedy", id, $"remedy '{r.Remedy}' is not in the remedyCatalog" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
                    return null;
                }

                var remedy = r.Remedy;
                var priority = r.Priority ?? 50;
                var remedyReason = r.Reason ?? new LocalizedText();
                return (c, s) => new RemedyRule(id, when, c, s, remedy, entry.Class, priority, remedyReason);

            default:
                throw new InvalidOperationException($"Unexpected rule document {doc.GetType().Name}.");
        }
    }

    private double? CheckWeight(SourceDocument source, string path, string id, double? weight)
    {
        if (weight is { } w && w > 0 && w <= 1)
        {
            return w;
        }

        Error(source, $"{path}.weight", id, $"weight must be above 0 and at most 1 ({weight?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"})");
        return null;
    }

    // The strict deserialiser stops at the first unknown member or wrong type: find them all, drop them, go on.
    private bool TryReshape(SourceDocument source, byte[] bytes, out RuleSetDocument? parsed)
    {
        parsed = null;
        if (RuleSetShape.Repair(bytes) is not var (document, problems))
        {
            return false;
        }

        foreach (var problem in problems)
        {
            var (line, column) = problem.AtName ? source.Locator.LocateName(problem.Path) : source.Locator.Locate(problem.Path);
            _diagnostics.Add(new RuleDiagnostic(source.Name, line, column, problem.RuleId, problem.Path, problem.Message));
            _reshaped.Add((source.Name, problem.Path));
            if (problem.Meant is not null)
            {
                _reshaped.Add((source.Name, problem.Meant));
            }
        }

        parsed = document;
        return true;
    }

    // A value the tolerant pass removed reads as missing later on: it was reported once already.
    private bool AlreadyReported(SourceDocument source, string path)
    {
        if (_reshaped.Count == 0)
        {
            return false;
        }

        if (_reshaped.Contains((source.Name, $"{path}.when")) || _reshaped.Contains((source.Name, $"{path}.id")))
        {
            return true;
        }

        for (var p = path; ;)
        {
            if (_reshaped.Contains((source.Name, p)))
            {
                return true;
            }

            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0)
            {
                return false;
            }

            p = p[..cut];
        }
    }

    // Problems of each file in the order of its lines, files in the order given.
    private List<RuleDiagnostic> DiagnosticsInFileOrder(IReadOnlyList<RuleSetSource> sources)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            order.TryAdd(source.Name, order.Count);
        }

        return [.. _diagnostics.OrderBy(d => order.GetValueOrDefault(d.File, int.MaxValue)).ThenBy(d => d.Line).ThenBy(d => d.Column)];
    }

    private void Error(SourceDocument source, string path, string? ruleId, string message)
    {
        if (AlreadyReported(source, path))
        {
            return;
        }

        var (line, column) = source.Locator.Locate(path);
        _diagnostics.Add(new RuleDiagnostic(source.Name, line, column, ruleId, path, message));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NameRegex();

    private sealed record SourceDocument(string Name, JsonLocator Locator);

    private sealed record PendingRule(RuleDocument Document, Decision Decision, SourceDocument Source, string Path);

    private sealed class LexiconState
    {
        public bool Negatable { get; set; } = true;

        public List<string> Phrases { get; } = [];

        public List<PendingNear> Near { get; } = [];
    }
}
