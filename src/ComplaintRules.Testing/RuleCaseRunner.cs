using ComplaintRules.Rules;

namespace ComplaintRules.Testing;

/// <summary>
/// Runs rule tests against a rule set: analyses each case's complaint with <see cref="ComplaintAnalyzer.Explain(Complaint)"/>
/// and checks every expectation. A failed expectation carries the rules of its decision that fired and those that
/// could have given the expected outcome but did not, each with the facts it read. Thread-safe.
/// </summary>
public sealed class RuleCaseRunner
{
    private readonly ComplaintAnalyzer _analyzer;
    private readonly HashSet<string> _ruleIds;
    private readonly HashSet<string> _remedies;

    /// <summary>Creates a runner over <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set under test.</param>
    public RuleCaseRunner(ComplaintRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _analyzer = new ComplaintAnalyzer(ruleSet);
        _ruleIds = new HashSet<string>(ruleSet.RuleIds, StringComparer.Ordinal);
        _remedies = new HashSet<string>(ruleSet.Remedies.Select(r => r.Remedy), StringComparer.Ordinal);
    }

    /// <summary>Runs every case, in order.</summary>
    /// <param name="cases">The cases.</param>
    /// <returns>One result per case.</returns>
    public IReadOnlyList<RuleTestResult> RunAll(IEnumerable<RuleTestCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return [.. cases.Select(Run)];
    }

    /// <summary>Runs one case.</summary>
    /// <param name="testCase">The case.</param>
    /// <returns>Its result.</returns>
    public RuleTestResult Run(RuleTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var explanation = _analyzer.Explain(testCase.Complaint);
        var check = new Check(explanation);
        var expect = testCase.Expect;
        var a = explanation.Assessment;

        if (expect.PrimaryCause is { } primary && a.PrimaryCause != primary)
        {
            check.Fail($"expected primaryCause '{primary.Name()}', got '{a.PrimaryCause.Name()}' ({Scores(a)})", "causes", primary == RootCause.None ? null : primary.Name());
        }

        foreach (var cause in expect.CausesPresent)
        {
            if (!a.RootCauses.Any(c => c.Cause == cause))
            {
                check.Fail($"expected cause '{cause.Name()}' to be present, it was not ({Scores(a)})", "causes", cause.Name(), onlyOutcome: true);
            }
        }

        foreach (var cause in expect.CausesAbsent)
        {
            if (a.RootCauses.Any(c => c.Cause == cause))
            {
                check.Fail($"expected cause '{cause.Name()}' to be absent, it was present ({Scores(a)})", "causes", cause.Name(), onlyOutcome: true);
            }
        }

        if (expect.ConflictType is { } conflict && a.ConflictType != conflict)
        {
            check.Fail($"expected conflictType '{conflict.Name()}', got '{a.ConflictType.Name()}'", "conflicts", conflict.Name());
        }

        if (expect.Severity is { } severity && a.Severity != severity)
        {
            check.Fail($"expected severity '{severity.Name()}', got '{a.Severity.Name()}'", "severity", severity.Name());
        }

        if (expect.SeverityAtLeast is { } least && a.Severity < least)
        {
            check.Fail($"expected severity at least '{least.Name()}', got '{a.Severity.Name()}'", "severity",
                Enum.GetValues<Severity>().Where(s => s >= least).Select(s => s.Name()).ToArray());
        }

        foreach (var remedy in expect.RemediesPresent)
        {
            if (!a.Remedies.Any(r => r.Remedy == remedy))
            {
                var known = _remedies.Contains(remedy) ? "" : $"; no rule of the rule set recommends '{remedy}'" + DidYouMean(remedy, _remedies);
                check.Fail($"expected remedy '{remedy}' to be recommended, it was not{known}", "remedies", remedy, onlyOutcome: true);
            }
        }

        foreach (var remedy in expect.RemediesAbsent)
        {
            if (a.Remedies.Any(r => r.Remedy == remedy))
            {
                check.Fail($"expected remedy '{remedy}' not to be recommended, it was", "remedies", remedy, onlyOutcome: true);
            }
        }

        CheckSteps(expect.StepsInOrder, a, check);
        CheckRules(expect, check);

        // A rule that throws counts as not fired in production; in a test it is a defect to fix, so the case fails.
        foreach (var rule in explanation.Rules.Where(r => r.Fault is not null))
        {
            check.Fail($"rule '{rule.RuleId}' failed and counted as not fired ({WarningCodes.RuleFault}): {rule.Fault}", rule.Decision, [], [rule]);
        }

        return new RuleTestResult(testCase, check.Failures, explanation);
    }

    private static void CheckSteps(IReadOnlyList<HandlingStep> expected, ComplaintAssessment a, Check check)
    {
        if (expected.Count == 0)
        {
            return;
        }

        // A subsequence: each expected step found after the previous one.
        var at = 0;
        foreach (var step in a.Steps)
        {
            if (at < expected.Count && step.Step == expected[at])
            {
                at++;
            }
        }

        if (at < expected.Count)
        {
            var missing = expected.Where(e => a.Steps.All(s => s.Step != e)).Select(e => e.Name()).ToArray();
            check.Fail($"expected steps in the order {string.Join(" → ", expected.Select(e => e.Name()))}, got {string.Join(" → ", a.Steps.Select(s => s.Step.Name()))}",
                "steps", missing.Length > 0 ? missing : [.. expected.Select(e => e.Name())]);
        }
    }

    private void CheckRules(RuleTestExpectations expect, Check check)
    {
        foreach (var id in expect.RulesFired)
        {
            var rule = check.Rule(id);
            if (rule is null)
            {
                check.Fail($"expected rule '{id}' to fire, but the rule set has no such rule" + DidYouMean(id, _ruleIds), "rules", [], []);
            }
            else if (!rule.Fired)
            {
                check.Fail($"expected rule '{id}' to fire, it did not", rule.Decision, [], [rule]);
            }
        }

        foreach (var id in expect.RulesNotFired)
        {
            var rule = check.Rule(id);
            if (rule is null)
            {
                check.Fail($"expected rule '{id}' not to fire, but the rule set has no such rule" + DidYouMean(id, _ruleIds), "rules", [], []);
            }
            else if (rule.Fired)
            {
                check.Fail($"expected rule '{id}' not to fire, it did", rule.Decision, [rule], []);
            }
        }
    }

    private static string DidYouMean(string name, IEnumerable<string> known) =>
        NameSuggestions.Closest(name, known) is { } suggestion ? $"; did you mean '{suggestion}'?" : "";

    private static string Scores(ComplaintAssessment a) =>
        a.RootCauses.Count == 0
            ? "no cause reached the threshold"
            : string.Join(", ", a.RootCauses.Select(c => $"{c.Cause.Name()} {c.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}"));

    private sealed class Check(ComplaintExplanation explanation)
    {
        public List<RuleTestFailure> Failures { get; } = [];

        public RuleEvaluation? Rule(string id) => explanation.Rules.FirstOrDefault(r => r.RuleId == id);

        // The rules that explain a failure: those of the decision that fired (only those for the outcome, when
        // asked), and those that would have given the expected outcome but did not fire.
        public void Fail(string message, string decision, string? outcome, bool onlyOutcome = false) =>
            Fail(message, decision, outcome is null ? [] : [outcome], onlyOutcome);

        public void Fail(string message, string decision, string[] outcomes, bool onlyOutcome = false)
        {
            var rules = explanation.Rules.Where(r => r.Decision == decision).ToArray();
            Fail(message, decision,
                [.. rules.Where(r => r.Fired && (!onlyOutcome || outcomes.Contains(r.Outcome)))],
                [.. rules.Where(r => !r.Fired && outcomes.Contains(r.Outcome))]);
        }

        public void Fail(string message, string decision, RuleEvaluation[] fired, RuleEvaluation[] notFired) =>
            Failures.Add(new RuleTestFailure(message, decision, fired, notFired));
    }
}
