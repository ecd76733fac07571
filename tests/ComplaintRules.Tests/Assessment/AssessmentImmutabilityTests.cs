using System.Collections;

namespace ComplaintRules.Tests.Assessment;

/// <summary>
/// Every collection a caller receives is read-only all the way down: casting it and writing to it fails, and nothing a
/// caller does to one assessment changes the next (steps, remedies and deadline definitions are shared by the rule set).
/// </summary>
public class AssessmentImmutabilityTests
{
    // Touches every decision: causes and conflicts with evidence, severity reasons, steps with checklists, remedies,
    // deadlines with the steps that mention them, and warnings (no receivedAt, an unsupported language).
    private static readonly Complaint s_complaint = new()
    {
        Id = "c-1",
        Language = "tlh",
        Text = "说好的免年费，结果还是扣了我300元年费！！太过分了，我要投诉到监管部门，马上给我退款并道歉！",
        Amount = 300m,
        Currency = "CNY",
        Regime = "CN-NFRA",
    };

    [Fact]
    public void Writing_through_a_cast_to_any_collection_of_an_assessment_fails_and_the_next_assessment_is_unchanged()
    {
        var analyzer = new ComplaintAnalyzer();
        var first = analyzer.Analyze(s_complaint);
        var expected = ComplaintJson.Serialize(first);
        Assert.NotEmpty(first.RootCauses);
        Assert.NotEmpty(first.ConflictTypes);
        Assert.NotEmpty(first.SeverityReasons);
        Assert.Contains(first.Steps, s => s.Checklist.Count > 0);
        Assert.NotEmpty(first.Remedies);
        Assert.NotEmpty(first.Deadlines);
        Assert.Contains(first.Deadlines, d => d.MentionIn.Count > 0);
        Assert.NotEmpty(first.Warnings);

        ScribbleOnEveryCollection(first);

        Assert.Equal(expected, ComplaintJson.Serialize(first));
        Assert.Equal(expected, ComplaintJson.Serialize(analyzer.Analyze(s_complaint)));
    }

    [Fact]
    public void Writing_through_a_cast_to_any_collection_of_an_explanation_fails()
    {
        var explanation = new ComplaintAnalyzer().Explain(s_complaint);
        var expected = ComplaintJson.Serialize(explanation.Assessment);

        ScribbleOnEveryCollection(explanation.Assessment);
        Scribble(explanation.Rules, explanation.Rules[0]);
        Scribble(explanation.PatternMatches, null!);
        foreach (var rule in explanation.Rules)
        {
            Scribble(rule.Reads, new FactValue("x", "y"));
        }

        Assert.Equal(expected, ComplaintJson.Serialize(new ComplaintAnalyzer().Explain(s_complaint).Assessment));
    }

    [Fact]
    public void The_regimes_of_a_rule_set_cannot_be_changed_through_a_cast()
    {
        foreach (var regime in ComplaintRuleSet.Default.Regimes.Values)
        {
            Scribble(regime.Basis, "x");
            Scribble(regime.Deadlines, regime.Deadlines[0]);
            foreach (var deadline in regime.Deadlines)
            {
                Scribble(deadline.MentionIn, HandlingStep.Apologize);
            }
        }
    }

    private static void ScribbleOnEveryCollection(ComplaintAssessment assessment)
    {
        Scribble(assessment.RootCauses, new CauseFinding(RootCause.Venting, 1, []));
        foreach (var cause in assessment.RootCauses)
        {
            Scribble(cause.Evidence, new Evidence("x", 0, 1, "x", "x", "text"));
        }

        Scribble(assessment.ConflictTypes, new ConflictFinding(ConflictType.Other, null, 1, []));
        foreach (var conflict in assessment.ConflictTypes)
        {
            Scribble(conflict.Evidence, new Evidence("x", 0, 1, "x", "x", "text"));
        }

        Scribble(assessment.SeverityReasons, "x");
        Scribble(assessment.Steps, new StepGuidance(HandlingStep.Listen, "x", "normal", [], "x"));
        foreach (var step in assessment.Steps)
        {
            Scribble(step.Checklist, "x");
        }

        Scribble(assessment.Remedies, new RemedyRecommendation("x", OutcomeClass.Explanation, 1, "x", "x"));
        Scribble(assessment.Trace, new RuleFiring("x", "causes"));
        Scribble(assessment.Warnings, new AssessmentWarning(WarningCodes.RuleFault, "x"));
        Scribble(assessment.Deadlines, assessment.Deadlines.Count > 0 ? assessment.Deadlines[0] : null!);
        foreach (var deadline in assessment.Deadlines)
        {
            Scribble(deadline.MentionIn, HandlingStep.Apologize);
        }
    }

    // Every way to write through a cast: the array, the list, IList<T>, ICollection<T> and the non-generic IList.
    private static void Scribble<T>(IReadOnlyList<T> items, T replacement)
    {
        Assert.False(items is T[] { Length: > 0 }, $"{typeof(T).Name}[] handed out");
        Assert.False(items is List<T>, $"List<{typeof(T).Name}> handed out");
        var list = Assert.IsAssignableFrom<IList<T>>(items);
        Assert.True(list.IsReadOnly);
        if (items.Count > 0)
        {
            Assert.Throws<NotSupportedException>(() => list[0] = replacement);
            Assert.Throws<NotSupportedException>(() => list.RemoveAt(0));
            Assert.Throws<NotSupportedException>(() => ((IList)items)[0] = replacement);
        }

        Assert.Throws<NotSupportedException>(() => list.Add(replacement));
        Assert.Throws<NotSupportedException>(() => list.Insert(0, replacement));
        Assert.Throws<NotSupportedException>(list.Clear);
    }
}
