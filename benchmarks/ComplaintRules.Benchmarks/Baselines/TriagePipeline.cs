using System.Buffers;
using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules.Benchmarks.Baselines;

/// <summary>
/// The analysis pipeline of the baselines: the library's own feature extraction, then the rules of each decision
/// decided by a subclass (hand-written C#, or RulesEngine), then the same assessment the library returns, built as
/// a careful engineer would write it by hand. Produces exactly the library's output for the rule set it was written
/// for; <see cref="BaselineCheck"/> verifies that before any baseline is measured.
/// </summary>
/// <remarks>
/// Rule metadata (weights, reasons, guidance texts) comes from the loaded rule set, so only the conditions and the
/// hit policies differ between the baselines and the library.
/// </remarks>
internal abstract class TriagePipeline
{
    private const int MaxHitsPerSignalAndChar = 4;

    private readonly ComplaintRuleSet _ruleSet;
    private readonly string[] _signalNames;
    private readonly Dictionary<string, StepGuidance>[] _stepGuidance; // per step rule: language -> prebuilt guidance

    protected TriagePipeline(ComplaintRuleSet ruleSet)
    {
        _ruleSet = ruleSet;
        _signalNames = ruleSet.Extractor.Signals.Names;
        _stepGuidance = ruleSet.Steps.Select(rule => new Dictionary<string, StepGuidance>(StringComparer.Ordinal)
        {
            ["zh"] = Guidance(rule, "zh"),
            ["en"] = Guidance(rule, "en"),
        }).ToArray();
    }

    protected ComplaintRuleSet RuleSet => _ruleSet;

    /// <summary>Analyses one complaint as <see cref="ComplaintAnalyzer.Analyze(Complaint)"/> does with default options.</summary>
    public ComplaintAssessment Analyze(Complaint complaint)
    {
        var text = complaint.Text;
        var warnings = new List<AssessmentWarning>();
        var language = complaint.Language ?? FeatureExtractor.DetectLanguage(text);
        using var hits = new SignalHitList(64, (MaxHitsPerSignalAndChar * text.Length) + 1024);
        var facts = _ruleSet.Extractor.Extract(complaint, text, language, hits);
        return Evaluate(complaint, facts, hits, text, warnings);
    }

    /// <summary>Decides which rules of <paramref name="decision"/> fire, in the rule set's order.</summary>
    protected abstract void Decide(Decision decision, ComplaintFacts facts, Span<bool> fired);

    /// <summary>Runs every decision and builds the assessment.</summary>
    public ComplaintAssessment Evaluate(Complaint complaint, ComplaintFacts facts, SignalHitList hits, string text, List<AssessmentWarning> warnings)
    {
        var rules = _ruleSet;
        var language = facts.Language;
        var trace = new List<RuleFiring>(rules.RuleCount);
        using var index = new HitIndex(hits, _signalNames.Length);
        var demand = complaint.CustomerDemand ?? "";

        // Causes: noisy-OR per cause.
        Span<bool> causeFired = stackalloc bool[rules.Causes.Length];
        Decide(Decision.Causes, facts, causeFired);
        Span<double> causeMiss = [1, 1, 1, 1];
        for (var i = 0; i < causeFired.Length; i++)
        {
            if (causeFired[i])
            {
                var rule = rules.Causes[i];
                causeMiss[(int)rule.Cause] *= 1 - rule.Weight;
                trace.Add(new RuleFiring(rule.Id, "causes"));
            }
        }

        facts.CauseThreshold = rules.CauseThreshold;
        var causes = new List<CauseFinding>(3);
        for (var c = 1; c < 4; c++)
        {
            var score = Math.Round(1 - causeMiss[c], 4);
            facts.CauseScores[c] = score;
            if (score >= rules.CauseThreshold)
            {
                causes.Add(new CauseFinding((RootCause)c, score, CauseEvidence(rules.Causes, causeFired, (RootCause)c, index, text, demand)));
            }
        }

        causes.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Cause.CompareTo(b.Cause));
        var primary = causes.Count > 0 ? causes[0].Cause : RootCause.None;
        facts.PrimaryCause = primary.Name();

        // Intensity: points summed, clamped to 0–4.
        Span<bool> intensityFired = stackalloc bool[rules.Intensity.Length];
        Decide(Decision.Intensity, facts, intensityFired);
        var points = 0;
        for (var i = 0; i < intensityFired.Length; i++)
        {
            if (intensityFired[i])
            {
                points += rules.Intensity[i].Points;
                trace.Add(new RuleFiring(rules.Intensity[i].Id, "intensity"));
            }
        }

        var intensity = Math.Clamp(points, 0, 4);
        facts.Intensity = intensity;

        // Conflicts: noisy-OR per type; the subtype comes from the type's strongest rule.
        Span<bool> conflictFired = stackalloc bool[rules.Conflicts.Length];
        Decide(Decision.Conflicts, facts, conflictFired);
        Span<double> conflictMiss = [1, 1, 1, 1, 1, 1];
        Span<int> strongest = [-1, -1, -1, -1, -1, -1];
        for (var i = 0; i < conflictFired.Length; i++)
        {
            if (conflictFired[i])
            {
                var rule = rules.Conflicts[i];
                var t = (int)rule.Type;
                conflictMiss[t] *= 1 - rule.Weight;
                if (strongest[t] < 0 || rule.Weight > rules.Conflicts[strongest[t]].Weight)
                {
                    strongest[t] = i;
                }

                trace.Add(new RuleFiring(rule.Id, "conflicts"));
            }
        }

        var conflicts = new List<ConflictFinding>();
        for (var t = 0; t < 6; t++)
        {
            if (strongest[t] >= 0)
            {
                var score = Math.Round(1 - conflictMiss[t], 4);
                facts.ConflictScores[t] = score;
                conflicts.Add(new ConflictFinding((ConflictType)t, rules.Conflicts[strongest[t]].Subtype, score,
                    ConflictEvidence(rules.Conflicts, conflictFired, (ConflictType)t, index, text, demand)));
            }
        }

        conflicts.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Type.CompareTo(b.Type));
        var mainConflict = conflicts.Count > 0 ? conflicts[0].Type : ConflictType.Other;
        facts.Conflict = mainConflict.Name();
        facts.ConflictSubtype = conflicts.Count > 0 ? conflicts[0].Subtype ?? "" : "";

        // Severity: the highest level of the rules that fire; their reasons explain it.
        Span<bool> severityFired = stackalloc bool[rules.Severity.Length];
        Decide(Decision.Severity, facts, severityFired);
        var severity = ComplaintRules.Severity.Minor;
        for (var i = 0; i < severityFired.Length; i++)
        {
            if (severityFired[i])
            {
                severity = rules.Severity[i].Level > severity ? rules.Severity[i].Level : severity;
                trace.Add(new RuleFiring(rules.Severity[i].Id, "severity"));
            }
        }

        var reasons = new List<string>(2);
        for (var i = 0; i < severityFired.Length; i++)
        {
            var rule = rules.Severity[i];
            var reason = rule.Reason.For(language);
            if (severityFired[i] && rule.Level == severity && reason.Length > 0 && !reasons.Contains(reason))
            {
                reasons.Add(reason);
            }
        }

        facts.Severity = severity.Name();
        facts.SeverityLevel = (int)severity;

        // Steps: per step, the highest-priority rule; steps ordered by that rule's order, then by step.
        Span<bool> stepFired = stackalloc bool[rules.Steps.Length];
        Decide(Decision.Steps, facts, stepFired);
        Span<int> bestStep = [-1, -1, -1, -1, -1, -1, -1];
        for (var i = 0; i < stepFired.Length; i++)
        {
            if (stepFired[i])
            {
                var s = (int)rules.Steps[i].Step;
                if (bestStep[s] < 0 || rules.Steps[i].Priority > rules.Steps[bestStep[s]].Priority)
                {
                    bestStep[s] = i;
                }

                trace.Add(new RuleFiring(rules.Steps[i].Id, "steps"));
            }
        }

        // Insertion sort by (order, step) of at most seven items, straight into the result list.
        var steps = new List<StepGuidance>(7);
        Span<int> chosen = stackalloc int[7];
        var chosenCount = 0;
        for (var s = 0; s < 7; s++)
        {
            if (bestStep[s] < 0)
            {
                continue;
            }

            var order = rules.Steps[bestStep[s]].Order;
            var j = chosenCount++;
            while (j > 0 && rules.Steps[chosen[j - 1]].Order > order)
            {
                chosen[j] = chosen[j - 1];
                j--;
            }

            chosen[j] = bestStep[s];
        }

        for (var i = 0; i < chosenCount; i++)
        {
            steps.Add(_stepGuidance[chosen[i]][language]);
        }

        // Remedies: per remedy, the highest-priority rule; ranked by priority, then rule order (stable).
        Span<bool> remedyFired = stackalloc bool[rules.Remedies.Length];
        Decide(Decision.Remedies, facts, remedyFired);
        var remedies = new List<RemedyRecommendation>(4);
        for (var i = 0; i < remedyFired.Length; i++)
        {
            if (!remedyFired[i])
            {
                continue;
            }

            var rule = rules.Remedies[i];
            trace.Add(new RuleFiring(rule.Id, "remedies"));
            var existing = -1;
            for (var k = 0; k < remedies.Count; k++)
            {
                if (remedies[k].Remedy == rule.Remedy)
                {
                    existing = k;
                    break;
                }
            }

            if (existing >= 0 && rule.Priority <= remedies[existing].Priority)
            {
                continue;
            }

            var recommendation = new RemedyRecommendation(rule.Remedy, rule.OutcomeClass, rule.Priority, rule.Reason.For(language), rule.Id);
            if (existing < 0)
            {
                remedies.Add(recommendation);
            }
            else
            {
                remedies[existing] = recommendation;
            }
        }

        for (var i = 1; i < remedies.Count; i++)
        {
            var item = remedies[i];
            var j = i - 1;
            while (j >= 0 && remedies[j].Priority < item.Priority)
            {
                remedies[j + 1] = remedies[j];
                j--;
            }

            remedies[j + 1] = item;
        }

        return new ComplaintAssessment
        {
            Id = complaint.Id,
            Language = language,
            PrimaryCause = primary,
            RootCauses = causes,
            ConflictType = mainConflict,
            ConflictTypes = conflicts,
            Severity = severity,
            SeverityReasons = reasons,
            Intensity = intensity,
            Steps = steps,
            Remedies = remedies,
            Trace = trace,
            Warnings = warnings,
        };
    }

    private static StepGuidance Guidance(StepRule rule, string language) =>
        new(rule.Step, rule.Guidance.For(language), rule.Emphasis, rule.Checklist.Select(c => c.For(language)).ToArray(), rule.Id);

    private List<Evidence> CauseEvidence(CauseRule[] rules, ReadOnlySpan<bool> fired, RootCause cause, HitIndex index, string text, string demand) =>
        RegionEvidence.Collect(rules, fired, r => r.Cause == cause, index.Of, text, demand, _signalNames);

    private List<Evidence> ConflictEvidence(ConflictRule[] rules, ReadOnlySpan<bool> fired, ConflictType type, HitIndex index, string text, string demand) =>
        RegionEvidence.Collect(rules, fired, r => r.Type == type, index.Of, text, demand, _signalNames);

    /// <summary>The hits grouped by signal with a counting sort, in pooled arrays.</summary>
    private sealed class HitIndex : IDisposable
    {
        private readonly int[] _start;
        private readonly SignalHit[] _sorted;

        public HitIndex(SignalHitList hits, int signalCount)
        {
            _start = ArrayPool<int>.Shared.Rent(signalCount + 2);
            _sorted = ArrayPool<SignalHit>.Shared.Rent(Math.Max(1, hits.Count));
            var start = _start.AsSpan(0, signalCount + 2);
            start.Clear();
            foreach (ref readonly var hit in hits.Items)
            {
                start[hit.Signal + 2]++;
            }

            for (var s = 2; s <= signalCount + 1; s++)
            {
                start[s] += start[s - 1];
            }

            // start[s + 1] is the next free slot of signal s while filling; afterwards it is the start of signal s + 1.
            foreach (ref readonly var hit in hits.Items)
            {
                _sorted[start[hit.Signal + 1]++] = hit;
            }
        }

        public ReadOnlySpan<SignalHit> Of(int signal) => _sorted.AsSpan(_start[signal], _start[signal + 1] - _start[signal]);

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_start);
            ArrayPool<SignalHit>.Shared.Return(_sorted);
        }
    }
}
