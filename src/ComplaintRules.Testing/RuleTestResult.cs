using System.Text;

namespace ComplaintRules.Testing;

/// <summary>The result of one rule test: pass, or every expectation that failed with the rules behind it.</summary>
public sealed class RuleTestResult
{
    internal RuleTestResult(RuleTestCase @case, IReadOnlyList<RuleTestFailure> failures, ComplaintExplanation explanation)
    {
        Case = @case;
        Failures = failures;
        Explanation = explanation;
    }

    /// <summary>The case.</summary>
    public RuleTestCase Case { get; }

    /// <summary>The expectations that failed; empty when the case passed.</summary>
    public IReadOnlyList<RuleTestFailure> Failures { get; }

    /// <summary>The assessment and the evaluation of every rule.</summary>
    public ComplaintExplanation Explanation { get; }

    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Whether the run fails because of this case: it failed and is not marked <see cref="RuleTestCase.Pending"/>.</summary>
    public bool FailsRun => !Passed && Case.Pending is null;

    /// <summary>
    /// A report for people: <c>PASS name</c>, or <c>FAIL name (file:line)</c> followed by each failed expectation,
    /// the rules of its decision that fired and those that could have given the expected outcome but did not, each
    /// with the facts it read. A failing case marked pending shows as <c>PENDING</c> with the same detail.
    /// </summary>
    public string Describe()
    {
        var s = new StringBuilder();
        if (Passed)
        {
            s.Append("PASS  ").Append(Case.Name);
            return Case.Pending is null ? s.ToString() : s.Append("  (marked pending, but passes now: remove \"pending\")").ToString();
        }

        s.Append(Case.Pending is null ? "FAIL  " : "PENDING  ").Append(Case).AppendLine();
        if (Case.Pending is not null)
        {
            s.Append("      pending: ").AppendLine(Case.Pending);
        }

        foreach (var failure in Failures)
        {
            s.Append("      ").AppendLine(failure.Message);
            AppendRules(s, $"{failure.Decision} rules that fired:", failure.Fired);
            AppendRules(s, "did not fire:", failure.NotFired);
        }

        return s.ToString().TrimEnd();
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();

    private static void AppendRules(StringBuilder s, string title, IReadOnlyList<RuleEvaluation> rules)
    {
        if (rules.Count == 0)
        {
            return;
        }

        s.Append("        ").AppendLine(title);
        foreach (var rule in rules)
        {
            s.Append("          ").Append(rule.RuleId).Append(" \u2192 ").Append(rule.Outcome);
            if (rule.Reads.Count > 0)
            {
                s.Append("   ").AppendJoin("  ", rule.Reads);
            }

            if (rule.Fault is not null)
            {
                s.Append("   failed: ").Append(rule.Fault);
            }

            s.AppendLine();
        }
    }
}

/// <summary>One expectation that did not hold, with the rules that explain why.</summary>
public sealed class RuleTestFailure
{
    internal RuleTestFailure(string message, string decision, IReadOnlyList<RuleEvaluation> fired, IReadOnlyList<RuleEvaluation> notFired)
    {
        Message = message;
        Decision = decision;
        Fired = fired;
        NotFired = notFired;
    }

    /// <summary>What was expected and what came out.</summary>
    public string Message { get; }

    /// <summary>The decision the expectation is about (<c>causes</c>, <c>conflicts</c>, <c>severity</c>, <c>steps</c>, <c>remedies</c>).</summary>
    public string Decision { get; }

    /// <summary>The rules of that decision that fired (those relevant to the expectation).</summary>
    public IReadOnlyList<RuleEvaluation> Fired { get; }

    /// <summary>The rules of that decision that would have given the expected outcome but did not fire.</summary>
    public IReadOnlyList<RuleEvaluation> NotFired { get; }
}
