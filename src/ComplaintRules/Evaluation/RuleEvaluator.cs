using System.Runtime.InteropServices;
using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules.Evaluation;

/// <summary>
/// Runs the compiled rules of each decision in order over one complaint's facts and applies each decision's hit
/// policy: causes and conflicts combine the weights of the rules that fire (noisy-OR), intensity sums points
/// (0–4), severity takes the highest level, steps keep the highest-priority rule per step ordered by
/// <c>order</c>, remedies keep the highest-priority rule per remedy ranked by priority.
/// </summary>
internal static partial class RuleEvaluator
{
    /// <summary>Most evidence spans kept per finding; enough to explain, bounded for hostile text.</summary>
    public const int MaxEvidencePerFinding = 12;

    // What grows while the rules run, one set per thread: cleared at the start, copied to exact sizes at the end.
    [ThreadStatic]
    private static Scratch? t_scratch;

    // fallbackReads, when explaining, receives per fallback rule the facts it read as it saw them (its first stage's outcome).
    // deferLists: the steps and remedies stay in this thread's scratch (Pending) for the authority step, which looks their
    // case up and takes the cached lists, instead of being copied into lists that it would replace.
    public static RuleDecisions Evaluate(ComplaintRuleSet rules, Complaint complaint, ComplaintFacts facts, SignalHitList hits,
        string text, List<AssessmentWarning> warnings, Dictionary<string, FactValue[]>? fallbackReads = null, bool deferLists = false)
    {
        var scratch = t_scratch ??= new Scratch();
        scratch.Clear();
        (scratch.Stamp, scratch.Deferred) = (scratch.Stamp == int.MaxValue ? 1 : scratch.Stamp + 1, deferLists);
        using var index = new HitIndex(hits, rules.Extractor.Signals.Count);
        var evidence = new EvidenceContext(index, new EvidenceSource(text, complaint.CustomerDemand ?? "", rules.Extractor.Signals.Names, rules.EvaluationOrder));
        var candidates = rules.Candidates;
        if (scratch.Candidates.Length < candidates.Words)
        {
            scratch.Candidates = new ulong[candidates.Words];
        }

        candidates.Find(facts.SignalCounts, scratch.Candidates);
        var run = new Run(rules, facts, warnings, scratch);

        // Each decision reads the outcomes of the ones before it, through the facts: the order matters.
        var (causes, primary, noComplaint) = DecideCauses(run, evidence, fallbackReads);
        var intensity = DecideIntensity(run);
        // With settings.conflictNeedsCause a text with no cause is no complaint for the conflict too (type other).
        var noConflict = noComplaint || (rules.ConflictNeedsCause && causes.Count == 0);
        var (conflicts, mainConflict) = DecideConflicts(run, evidence, fallbackReads, noConflict);
        var (severity, reasons) = DecideSeverity(run);
        var steps = DecideSteps(run, deferLists);
        var remedies = DecideRemedies(run, deferLists);
        var trace = scratch.Fired.Count == 0
            ? (IReadOnlyList<RuleFiring>)System.Collections.ObjectModel.ReadOnlyCollection<RuleFiring>.Empty
            : new TraceList(rules.EvaluationOrder, CollectionsMarshal.AsSpan(scratch.Fired));
        return new RuleDecisions(facts.Language, primary, causes, mainConflict, conflicts, severity, reasons, intensity, steps!, remedies!, trace)
        {
            PendingStamp = deferLists ? scratch.Stamp : 0,
        };
    }

    private sealed class Scratch
    {
        /// <summary>The places in evaluation order of the rules that fired, in order: the trace.</summary>
        public List<int> Fired { get; } = new(64);

        /// <summary>The place in evaluation order of the next rule to run.</summary>
        public int Next { get; set; }

        public List<Fired> Causes { get; } = [];

        public List<Fired> Conflicts { get; } = [];

        public List<SeverityRule> Severity { get; } = [];

        public List<RemedyRecommendation> Remedies { get; } = [];

        public List<CauseFinding> CauseFindings { get; } = [];

        public List<ConflictFinding> ConflictFindings { get; } = [];

        public List<string> Reasons { get; } = [];

        public ConflictRule?[] Strongest { get; } = new ConflictRule?[6];

        public StepRule?[] BestStep { get; } = new StepRule?[7];

        public StepRule[] OrderedSteps { get; } = new StepRule[7];

        /// <summary>Per remedy of the rule set (<see cref="RemedySlots"/>), its place in <see cref="Remedies"/>, or -1.</summary>
        public int[] RemedyAt { get; set; } = new int[32];

        /// <summary>A bit per place in evaluation order: the rules the complaint's guards let run (<see cref="RuleCandidates"/>).</summary>
        public ulong[] Candidates { get; set; } = new ulong[4];

        /// <summary>Per remedy of <see cref="Remedies"/>, its number (<see cref="RemedySlots"/>).</summary>
        public List<int> RemedyNumbers { get; } = [];

        /// <summary>The remedies ranked, their numbers, and the steps in order, while they are pending (<see cref="Stamp"/>).</summary>
        public RemedyRecommendation[] Ranked { get; set; } = new RemedyRecommendation[32];

        public int[] RankedNumbers { get; set; } = new int[32];

        public int RankedCount { get; set; }

        public int StepCount { get; set; }

        /// <summary>Numbers the evaluations on this thread (from 1); with <see cref="Deferred"/>, names the pending lists.</summary>
        public int Stamp { get; set; }

        /// <summary>Whether the last evaluation left its steps and remedies here.</summary>
        public bool Deferred { get; set; }

        public void Clear()
        {
            Fired.Clear();
            Next = 0;
            Causes.Clear();
            Conflicts.Clear();
            Severity.Clear();
            Remedies.Clear();
            RemedyNumbers.Clear();
            Array.Clear(Ranked, 0, RankedCount);
            (RankedCount, StepCount) = (0, 0);
            CauseFindings.Clear();
            ConflictFindings.Clear();
            Reasons.Clear();
            Array.Clear(Strongest);
            Array.Clear(BestStep);
            Array.Clear(OrderedSteps);
        }
    }

    // Causes: noisy-OR of the weights of the rules that fire, per cause; then the fallback rules, which see the first
    // stage's scores and primary cause, never each other's. Rules for "none" say the text is no complaint: when their
    // score reaches the threshold there are no causes, and the fallbacks (which explain complaints) are not read.
    private static (IReadOnlyList<CauseFinding> Causes, RootCause Primary, bool NoComplaint) DecideCauses(Run run, EvidenceContext evidence,
        Dictionary<string, FactValue[]>? fallbackReads)
    {
        var (rules, facts) = (run.Rules, run.Facts);
        Span<double> causeMiss = [1, 1, 1, 1];
        var firedCauses = run.Scratch.Causes;
        var listable = 0; // a bit per cause a rule without primaryOnly found: it may be listed beside the primary
        foreach (var (rule, _, position) in run.Firing(rules.Causes))
        {
            causeMiss[(int)rule.Cause] *= 1 - rule.Weight;
            firedCauses.Add(new(rule.SignalsRead, position, (int)rule.Cause));
            listable |= rule.PrimaryOnly ? 0 : 1 << (int)rule.Cause;
        }

        facts.CauseThreshold = rules.CauseThreshold;
        if (IsNoComplaint(causeMiss, rules.CauseThreshold))
        {
            run.Skip(rules.CauseFallbacks.Length);
        }
        else if (rules.CauseFallbacks.Length > 0)
        {
            WriteCauseOutcome(facts, causeMiss, rules.CauseThreshold);
            foreach (var rule in rules.CauseFallbacks)
            {
                RecordReads(fallbackReads, rule, facts);
                if (run.Fires(rule))
                {
                    causeMiss[(int)rule.Cause] *= 1 - rule.Weight;
                    firedCauses.Add(new(rule.SignalsRead, run.LastFiring, (int)rule.Cause));
                    listable |= rule.PrimaryOnly ? 0 : 1 << (int)rule.Cause;
                }
            }
        }

        var noComplaint = IsNoComplaint(causeMiss, rules.CauseThreshold);
        if (noComplaint)
        {
            causeMiss[1..].Fill(1);
        }

        var causes = run.Scratch.CauseFindings;
        for (var c = 1; c < 4; c++)
        {
            var score = Math.Round(1 - causeMiss[c], 4);
            facts.CauseScores[c] = score;
            if (score >= rules.CauseThreshold)
            {
                causes.Add(new CauseFinding((RootCause)c, score, evidence.For(firedCauses, c)));
            }
        }

        // A rule for "none" that fired below the threshold still keeps detection off: the rules read the words that
        // look like a complaint and found them something else ("no problem", a question, thanks).
        if (causes.Count == 0 && causeMiss[0] == 1 && rules.TieBreak is { Detect: not null } detector)
        {
            Detect(run, detector, causes, evidence.Source, rules.CauseThreshold);
        }

        // Highest score first; ties in the order added (by cause). An insertion sort: at most three.
        var byScore = CollectionsMarshal.AsSpan(causes);
        for (var i = 1; i < byScore.Length; i++)
        {
            var item = byScore[i];
            var j = i - 1;
            for (; j >= 0 && byScore[j].Score < item.Score; j--)
            {
                byScore[j + 1] = byScore[j];
            }

            byScore[j + 1] = item;
        }

        if (rules.TieBreak is { } tie && causes.Count > 0)
        {
            listable |= ApplyTieBreak(run, tie, causes, evidence.Source, rules.CauseThreshold);
        }

        SetAsideBesidePrimary(causes, listable, facts);

        var primary = causes.Count > 0 ? causes[0].Cause : RootCause.None;
        facts.PrimaryCause = primary.Name();
        return (ReadOnlyLists.Copy(CollectionsMarshal.AsSpan(causes)), primary, noComplaint);
    }

    // Intensity: points summed, clamped to 0–4.
    private static int DecideIntensity(Run run)
    {
        var points = 0;
        foreach (var firing in run.Firing(run.Rules.Intensity))
        {
            points += firing.Rule.Points;
        }

        var intensity = Math.Clamp(points, 0, 4);
        run.Facts.Intensity = intensity;
        return intensity;
    }

    // Conflicts: noisy-OR per type; the subtype comes from the type's strongest rule. Fallback rules as for causes.
    // A text a rule for "none" says is no complaint has no conflict either (type other), nor, with
    // settings.conflictNeedsCause, one with no cause; its rules still show in the trace.
    private static (IReadOnlyList<ConflictFinding> Conflicts, ConflictType Main) DecideConflicts(Run run, EvidenceContext evidence,
        Dictionary<string, FactValue[]>? fallbackReads, bool noConflict)
    {
        var (rules, facts) = (run.Rules, run.Facts);
        Span<double> conflictMiss = [1, 1, 1, 1, 1, 1];
        var strongest = run.Scratch.Strongest;
        var firedConflicts = run.Scratch.Conflicts;
        foreach (var (rule, _, position) in run.Firing(rules.Conflicts))
        {
            AddConflict(rule, position, conflictMiss, strongest, firedConflicts);
        }

        if (rules.ConflictFallbacks.Length > 0)
        {
            WriteConflictOutcome(facts, conflictMiss, strongest);
            foreach (var rule in rules.ConflictFallbacks)
            {
                RecordReads(fallbackReads, rule, facts);
                if (run.Fires(rule))
                {
                    AddConflict(rule, run.LastFiring, conflictMiss, strongest, firedConflicts);
                }
            }
        }

        var conflicts = run.Scratch.ConflictFindings;
        for (var t = 0; t < 6 && !noConflict; t++)
        {
            if (strongest[t] is { } rule)
            {
                var score = Math.Round(1 - conflictMiss[t], 4);
                facts.ConflictScores[t] = score;
                conflicts.Add(new ConflictFinding((ConflictType)t, rule.Subtype, score, evidence.For(firedConflicts, t)));
            }
        }

        // Highest score first; ties in the order added (by type). An insertion sort: at most six.
        var byScore = CollectionsMarshal.AsSpan(conflicts);
        for (var i = 1; i < byScore.Length; i++)
        {
            var item = byScore[i];
            var j = i - 1;
            for (; j >= 0 && byScore[j].Score < item.Score; j--)
            {
                byScore[j + 1] = byScore[j];
            }

            byScore[j + 1] = item;
        }

        var main = conflicts.Count > 0 ? conflicts[0].Type : ConflictType.Other;
        facts.Conflict = main.Name();
        facts.ConflictSubtype = conflicts.Count > 0 ? conflicts[0].Subtype ?? "" : "";
        return (ReadOnlyLists.Copy(CollectionsMarshal.AsSpan(conflicts)), main);
    }

    private static void AddConflict(ConflictRule rule, int trace, Span<double> conflictMiss, ConflictRule?[] strongest, List<Fired> fired)
    {
        var t = (int)rule.Type;
        conflictMiss[t] *= 1 - rule.Weight;
        if (strongest[t] is null || rule.Weight > strongest[t]!.Weight)
        {
            strongest[t] = rule;
        }

        fired.Add(new(rule.SignalsRead, trace, t));
    }

    // Severity: the highest level of the rules that fire; their reasons explain it.
    private static (Severity Severity, IReadOnlyList<string> Reasons) DecideSeverity(Run run)
    {
        var severity = ComplaintRules.Severity.Minor;
        var firedSeverity = run.Scratch.Severity;
        foreach (var firing in run.Firing(run.Rules.Severity))
        {
            var rule = firing.Rule;
            severity = rule.Level > severity ? rule.Level : severity;
            firedSeverity.Add(rule);
        }

        var reasons = run.Scratch.Reasons;
        foreach (var rule in firedSeverity)
        {
            var reason = rule.Reason.For(run.Facts.Language);
            if (rule.Level == severity && reason.Length > 0 && !reasons.Contains(reason))
            {
                reasons.Add(reason);
            }
        }

        run.Facts.Severity = severity.Name();
        run.Facts.SeverityLevel = (int)severity;
        return (severity, ReadOnlyLists.Copy(CollectionsMarshal.AsSpan(reasons)));
    }

    // Steps: per step, the rule with the highest priority; steps ordered by that rule's order.
    private static IReadOnlyList<StepGuidance>? DecideSteps(Run run, bool defer)
    {
        var bestStep = run.Scratch.BestStep;
        foreach (var firing in run.Firing(run.Rules.Steps))
        {
            var rule = firing.Rule;
            var s = (int)rule.Step;
            if (bestStep[s] is null || rule.Priority > bestStep[s]!.Priority)
            {
                bestStep[s] = rule;
            }
        }

        // Winning rules in order of (order, step): an insertion sort over at most seven.
        var ordered = run.Scratch.OrderedSteps;
        var stepCount = 0;
        foreach (var rule in bestStep)
        {
            if (rule is null)
            {
                continue;
            }

            var j = stepCount++;
            while (j > 0 && (ordered[j - 1].Order > rule.Order || (ordered[j - 1].Order == rule.Order && ordered[j - 1].Step > rule.Step)))
            {
                ordered[j] = ordered[j - 1];
                j--;
            }

            ordered[j] = rule;
        }

        if (defer)
        {
            run.Scratch.StepCount = stepCount; // the winning rules stay in OrderedSteps
            return null;
        }

        var steps = new StepGuidance[stepCount];
        for (var i = 0; i < stepCount; i++)
        {
            steps[i] = ordered[i].GuidanceFor(run.Facts.Language);
        }

        return ReadOnlyLists.Of(steps);
    }

    // Sort keys of a few items (remedies, evidence regions) in place: an insertion sort beats a call into the general sort.
    private static void InsertionSort(Span<ulong> keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            var key = keys[i];
            var j = i - 1;
            while (j >= 0 && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                j--;
            }

            keys[j + 1] = key;
        }
    }
}
