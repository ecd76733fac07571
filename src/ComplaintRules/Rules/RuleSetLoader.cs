using System.Diagnostics;
using System.Security.Cryptography;
using ComplaintRules.Deadlines;
using ComplaintRules.EarlyWarning;
using ComplaintRules.Evaluation;
using ComplaintRules.Features;

namespace ComplaintRules.Rules;

/// <summary>
/// Reads rule-set documents, layers them (a later document adds lexicon phrases and catalogue entries, overrides
/// rules by id with <c>"override": true</c>, or disables them), validates every value, and compiles every condition.
/// Collects every problem before failing, so a rule author sees them all at once; never yields a partial rule set.
/// </summary>
internal sealed partial class RuleSetLoader
{
    private readonly List<RuleDiagnostic> _diagnostics = [];
    private readonly List<RuleDiagnostic> _warnings = [];
    private readonly List<(string Name, LexiconState State)> _lexicons = [];
    private readonly Dictionary<string, LexiconState> _lexiconByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogEntry> _catalog = new(StringComparer.Ordinal);
    private readonly List<PendingRule?> _rules = [];
    private readonly Dictionary<string, int> _ruleById = new(StringComparer.Ordinal);
    private IncrementalHash? _hash;
    private bool _defaultOnly; // the embedded default alone: parts of it are built or worked out when first used
    private readonly HashSet<(string Source, string Path)> _reshaped = []; // values the tolerant pass removed, already reported
    private double _causeThreshold = 0.5;
    private bool _conflictNeedsCause;
    private bool _malformed;
    private string? _name;
    private string? _version;
    private RegimeSectionLoader? _regimes;
    private AlertSectionLoader? _alerts;
    private Authority.AuthoritySectionLoader? _authority;
    private readonly Dictionary<string, LocalizedText?> _remedyLabels = new(StringComparer.Ordinal);

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
    public static (ComplaintRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics, bool Malformed) TryLoadDetailed(IReadOnlyList<RuleSetSource> sources) =>
        TryLoadDetailed(sources, deferDefaultParts: true);

    private static (ComplaintRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics, bool Malformed) TryLoadDetailed(
        IReadOnlyList<RuleSetSource> sources, bool deferDefaultParts)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new ArgumentException("At least one rule-set source is needed.", nameof(sources));
        }

        // Loading is worth a span. It is started once the load is done, with the time it began: the telemetry types'
        // first use is then made on another core while this one parses (LoadWarmUp), not before the load can start.
        LoadWarmUp.Start();
        var started = DateTimeOffset.UtcNow;
        try
        {
            return LoadLayers(sources, deferDefaultParts);
        }
        finally
        {
            using var activity = ComplaintRulesTelemetry.ActivitySource.StartActivity("ComplaintRules.LoadRuleSet", ActivityKind.Internal, default(ActivityContext), startTime: started);
            activity?.SetTag(TelemetryTags.RuleSetSources, string.Join(", ", sources.Select(s => s?.Name)));
        }
    }

    private static (ComplaintRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics, bool Malformed) LoadLayers(
        IReadOnlyList<RuleSetSource> sources, bool deferDefaultParts)
    {
        var layers = ReadLayers(sources);
        var defaultOnly = deferDefaultParts && IsDefaultOnly(sources);
        var key = !deferDefaultParts ? null : defaultOnly ? LoadedRuleSets.DefaultKeyOf(layers) : LoadedRuleSets.KeyOf(layers);
        if (key is not null && LoadedRuleSets.TryGet(key, out var loaded))
        {
            return (loaded.WithSources([.. sources.Select(s => s.Name)]), [], false);
        }

        var loader = new RuleSetLoader { _defaultOnly = defaultOnly };
        foreach (var (source, bytes, error) in layers)
        {
            loader.AddLayer(source, bytes, error);
        }

        var ruleSet = loader.Build(sources);
        if (loader._diagnostics.Count == 0 && key is not null && ruleSet is not null)
        {
            LoadedRuleSets.Add(key, ruleSet);
        }

        return (loader._diagnostics.Count == 0 ? ruleSet : null, loader.DiagnosticsInFileOrder(sources), loader._malformed);
    }

    private ComplaintRuleSet? Build(IReadOnlyList<RuleSetSource> sources)
    {
        var tieBreak = _deferredTieBreak is { } deferredBytes ? DefaultTieBreak(deferredBytes) : BuildTieBreak() is { } built ? new Lazy<TieBreak?>(built) : null;
        var signals = Signals(tieBreak is not null);
        var nearPatterns = ResolveNearPatterns(signals);

        // The phrase automaton is most of a load (7 of 12 ms for the default, warm, when built; more when cold): it is
        // made on another core while the conditions compile, the default's read from its snapshot. Only when no error is
        // known yet; Wait runs it here if no thread took it.
        var building = _diagnostics.Count == 0
            ? Task.Run(() => new FeatureExtractor(signals, Phrases(signals), nearPatterns, _defaultOnly ? DefaultAutomaton() : null))
            : null;
        if (building is not null && _deferredTieBreak is not null && tieBreak is { IsValueCreated: false })
        {
            // The default's tie-break is read on the same core once the automaton is built, while the conditions still
            // compile here: the first complaint with close causes would otherwise wait for it (8 ms of a cold start).
            building.ContinueWith(static (_, lazy) => ((Lazy<TieBreak?>)lazy!).Value, tieBreak, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }

        var compiler = new RuleExpressionCompiler();
        CheckConditions(signals, compiler);
        var compiled = new List<CompiledRule>(_rules.Count);
        foreach (var pending in _rules)
        {
            if (pending is not null && Compile(pending, signals, compiler) is { } rule)
            {
                compiled.Add(rule);
            }
        }

        // The embedded default's regimes are known to load (its tests build them eagerly), and a process that computes
        // no deadline never reads them: they build on first use (30-45 ms of a cold start in a JIT build, before).
        var deferred = _defaultOnly && _regimes is not null && _diagnostics.Count == 0
            ? _regimes.Deferred(signals, compiler)
            : null;
        var regimes = deferred is null ? _regimes?.Build(signals, compiler) ?? RegimeTable.Empty : null;
        var alerts = _alerts?.Build() ?? [];
        var authority = _authority?.Build(_remedyLabels);
        FeatureExtractor? extractor = null;
        try
        {
            extractor = building?.GetAwaiter().GetResult();
        }
        catch (Exception) when (_diagnostics.Count > 0)
        {
            // A rule set with errors never got an automaton before either: its problem is in the diagnostics.
        }

        if (_diagnostics.Count > 0 || extractor is null)
        {
            return null;
        }

        return new ComplaintRuleSet(
            _name ?? "rules",
            _version ?? "0",
            _defaultOnly ? null : HashOf(_hash),
            sources.Select(s => s.Name).ToArray(),
            extractor,
            compiled,
            _causeThreshold,
            tieBreak)
        {
            Regimes = regimes!,
            DeferredRegimes = deferred,
            DeferredHash = _defaultOnly ? s_defaultHash : null,
            AlertRules = alerts,
            Authority = authority,
            Warnings = _warnings,
            ConflictNeedsCause = _conflictNeedsCause,
        };
    }

    // With a tie-break, its evidence signal comes last: no lexicon's number moves, and no condition can read it.
    private SignalTable Signals(bool tieBreak = false)
    {
        var (names, negatable, hides, evidence) = (new string[_lexicons.Count], new bool[_lexicons.Count], new bool[_lexicons.Count], new bool[_lexicons.Count]);
        for (var i = 0; i < names.Length; i++)
        {
            var (name, state) = _lexicons[i];
            (names[i], negatable[i], hides[i], evidence[i]) = (name, state.Negatable && name != SignalTable.Negation, state.Hides, state.Evidence);
        }

        return new SignalTable(names, negatable, hides, evidence, unread: tieBreak ? [TieBreak.SignalName] : null);
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
            _diagnostics.Add(new RuleDiagnostic(source.Name, line, column, problem.RuleId, problem.Path, problem.Message)
            {
                Code = problem.AtName ? DiagnosticCodes.UnknownMember : DiagnosticCodes.WrongType,
            });
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

    private void Error(string code, SourceDocument source, string path, string? ruleId, string message)
    {
        if (AlreadyReported(source, path))
        {
            return;
        }

        var (line, column) = source.Locator.Locate(path);
        _diagnostics.Add(new RuleDiagnostic(source.Name, line, column, ruleId, path, message) { Code = code });
    }

    private sealed record SourceDocument(string Name, JsonLocator Locator);

    // A class, not a tuple: a dictionary of it runs the framework's precompiled shared code (no JIT at start).
    private sealed record CatalogEntry(OutcomeClass Class, SourceDocument Source, string Path);

    private sealed record PendingRule(RuleDocument Document, Decision Decision, SourceDocument Source, string Path);

    private sealed class LexiconState
    {
        public bool Negatable { get; set; } = true;

        public bool Hides { get; set; }

        public bool Evidence { get; set; } = true;

        public List<string> Phrases { get; } = [];

        public List<PendingNear> Near { get; } = [];
    }
}
