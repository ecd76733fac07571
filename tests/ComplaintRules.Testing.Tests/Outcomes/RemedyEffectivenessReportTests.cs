namespace ComplaintRules.Testing.Tests;

/// <summary>The effectiveness report joins outcomes to causes by complaint id and counts each remedy given.</summary>
public sealed class RemedyEffectivenessReportTests
{
    private static readonly Dictionary<string, RootCause> s_causes = new()
    {
        ["a"] = RootCause.Venting,
        ["b"] = RootCause.RightsClaim,
        ["c"] = RootCause.RightsClaim,
    };

    [Fact]
    public void An_outcome_with_two_remedies_counts_under_each_and_causes_follow_the_vocabulary()
    {
        var report = RemedyEffectivenessReport.Build(s_causes,
        [
            new ComplaintOutcome { ComplaintId = "a", Resolved = true, RemediesGiven = ["private_apology"], Satisfaction = 4 },
            new ComplaintOutcome { ComplaintId = "b", Resolved = true, RemediesGiven = ["refund", "private_apology", "refund"], Satisfaction = 5 },
            new ComplaintOutcome { ComplaintId = "c", Resolved = false, RemediesGiven = ["refund"], Reopened = true },
            new ComplaintOutcome { ComplaintId = "zz", Resolved = false },
        ]);

        Assert.Equal(4, report.Outcomes);
        Assert.Equal(1, report.WithoutAssessment);
        Assert.Equal(
            [("rights_claim", "refund", 2), ("rights_claim", "private_apology", 1), ("venting", "private_apology", 1), ("unassessed", "none", 1)],
            report.Rows.Select(r => (r.Cause, r.Remedy, r.Count)));
        var refund = report.Rows[0];
        Assert.Equal(0.5, refund.ResolvedRate);
        Assert.Equal(5.0, refund.MeanSatisfaction);
        Assert.Equal(1, refund.Rated);
        Assert.Equal(0.5, refund.ReopenRate);
        Assert.Null(report.Rows[3].MeanSatisfaction);
    }
}
