using ComplaintRules.Authority;
using ComplaintRules.Evaluation;
using ComplaintRules.Features;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.Authority;

/// <summary>
/// The analyzer leaves a complaint's steps and remedies in the evaluator's scratch for the authority step, which finds
/// each remedy's grant by its number and makes the lists only when its case is new. It must give exactly what the
/// authority step gives for the lists made at once.
/// </summary>
public class PendingListsTests
{
    private static readonly string[] s_currencies = ["CNY", "usd", "EUR", ""];

    [Fact]
    public void The_authority_step_gives_the_same_for_pending_lists_as_for_lists_made_at_once()
    {
        var rules = ComplaintRuleSet.Default;
        var samples = File.ReadLines(RepositoryFiles.PathOf("samples/complaints.jsonl")).Select(ComplaintJson.ParseComplaint).ToList();
        var roles = rules.Authority!.Roles.Append("unknown_role").Append("").ToList();
        for (var i = 0; i < samples.Count * 3; i++)
        {
            var complaint = samples[i % samples.Count] with
            {
                Amount = i % 4 == 0 ? null : (i * 997 % 20_000) + 0.5m,
                Currency = s_currencies[i % s_currencies.Length],
                HandlerRole = roles[i % roles.Count],
            };

            var (atOnce, atOnceSplit, atOnceWarnings) = Decide(rules, complaint, defer: false);
            var (pending, pendingSplit, pendingWarnings) = Decide(rules, complaint, defer: true);

            Assert.Equal(0, pending.PendingStamp);
            Assert.Equal(Describe(atOnce.Remedies), Describe(pending.Remedies));
            Assert.Equal(atOnce.Steps.Select(s => (s.Step, s.Guidance, s.RuleId)), pending.Steps.Select(s => (s.Step, s.Guidance, s.RuleId)));
            Assert.Equal(atOnceSplit.HandlerRole, pendingSplit.HandlerRole);
            Assert.Equal(Describe(atOnceSplit.OfferNow), Describe(pendingSplit.OfferNow));
            Assert.Equal(Describe(atOnceSplit.NeedsApproval), Describe(pendingSplit.NeedsApproval));
            Assert.Equal(atOnceWarnings.Select(w => w.Message), pendingWarnings.Select(w => w.Message));
        }
    }

    [Fact]
    public void Pending_lists_are_refused_once_another_evaluation_ran_on_the_thread()
    {
        var rules = ComplaintRuleSet.Default;
        var complaint = new Complaint { Id = "p", Text = "扣了我两次年费，客服一直不回复，要求退款！" };
        using var hits = new SignalHitList(64, 4096);
        var facts = rules.Extractor.Extract(complaint, complaint.Text, "zh", hits);
        var first = RuleEvaluator.Evaluate(rules, complaint, facts, hits, complaint.Text, [], deferLists: true);
        Assert.True(first.PendingStamp > 0);
        Assert.True(RuleEvaluator.Pending(first).Remedies.Length > 0);

        var second = RuleEvaluator.Evaluate(rules, complaint, facts, hits, complaint.Text, [], deferLists: true);
        Assert.Throws<InvalidOperationException>(() => RuleEvaluator.Pending(first).Remedies.Length);
        Assert.True(RuleEvaluator.Pending(second).Remedies.Length > 0);
        facts.ReturnCounts();
    }

    private static (RuleDecisions Decisions, RemedyAuthority Split, List<AssessmentWarning> Warnings) Decide(ComplaintRuleSet rules, Complaint complaint, bool defer)
    {
        var warnings = new List<AssessmentWarning>();
        using var hits = new SignalHitList(64, (4 * complaint.Text.Length) + 1024);
        var language = FeatureExtractor.DetectLanguage(complaint.Text);
        var facts = rules.Extractor.Extract(complaint, complaint.Text, language, hits);
        var decisions = RuleEvaluator.Evaluate(rules, complaint, facts, hits, complaint.Text, warnings, deferLists: defer);
        var (decided, split) = AuthorityEvaluator.Apply(rules.Authority!, decisions, complaint, warnings, rules.AuthorityGrants);
        facts.ReturnCounts();
        return (decided, split, warnings);
    }

    private static List<string> Describe(IReadOnlyList<RemedyRecommendation> remedies) =>
        remedies.Select(r => $"{r.Remedy}|{r.RuleId}|{r.Priority}|{r.GrantedBy}|{r.Reason}").ToList();
}
