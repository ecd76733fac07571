using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests;

/// <summary>The analyzer's output on basic.rules.json: one decision at a time, then the whole assessment.</summary>
public class ComplaintAnalyzerTests
{
    [Fact]
    public void Causes_combine_the_weights_of_the_rules_that_fire_by_noisy_or()
    {
        // refund (0.5) and lawyer (0.6) both point to a rights claim: 1 - 0.5 * 0.4 = 0.8.
        var result = Analyze("I was told the transfer was instant. Give me a refund or my lawyer will call.");

        var rights = Assert.Single(result.RootCauses, c => c.Cause == RootCause.RightsClaim);
        Assert.Equal(0.8, rights.Score, 4);
        var expectation = Assert.Single(result.RootCauses, c => c.Cause == RootCause.Expectation);
        Assert.Equal(0.6, expectation.Score, 4);
    }

    [Fact]
    public void Causes_are_ranked_by_score_and_the_first_is_primary()
    {
        var result = Analyze("You promised a quick answer and I am furious!!!");

        // venting: anger 0.7 and exclamation run 0.3 -> 0.79; expectation: 0.6.
        Assert.Equal([RootCause.Venting, RootCause.Expectation], result.RootCauses.Select(c => c.Cause));
        Assert.Equal(0.79, result.RootCauses[0].Score, 4);
        Assert.Equal(RootCause.Venting, result.PrimaryCause);
    }

    [Fact]
    public void A_cause_below_the_threshold_is_not_reported_and_the_primary_cause_is_none()
    {
        // Only the 0.2 expectation rule fires; the threshold is 0.5.
        var result = Analyze("The app was slow this morning.");

        Assert.Empty(result.RootCauses);
        Assert.Equal(RootCause.None, result.PrimaryCause);
        Assert.Equal(Severity.Minor, result.Severity);
    }

    [Fact]
    public void A_cause_exactly_at_the_threshold_is_reported()
    {
        var result = Analyze("Please refund the payment.");

        var rights = Assert.Single(result.RootCauses);
        Assert.Equal(RootCause.RightsClaim, rights.Cause);
        Assert.Equal(0.5, rights.Score, 4);
    }

    [Fact]
    public void Conflict_types_carry_the_subtype_of_their_strongest_rule()
    {
        var result = Analyze(new Complaint { Id = "k", Text = "The fee on my account makes no sense to me.", Amount = 1500m });

        var price = Assert.Single(result.ConflictTypes);
        Assert.Equal(ConflictType.Price, price.Type);
        Assert.Equal("large_fees", price.Subtype); // 0.8 beats the 0.6 "fees" rule
        Assert.Equal(0.92, price.Score, 4);       // 1 - 0.4 * 0.2
        Assert.Equal(ConflictType.Price, result.ConflictType);
    }

    [Fact]
    public void Conflict_types_are_ranked_by_score()
    {
        var result = Analyze(new Complaint { Id = "k", Text = "The website is slow and the fee is too high.", Product = "mortgage" });

        Assert.Equal([ConflictType.Price, ConflictType.ServiceQuality, ConflictType.Policy], result.ConflictTypes.Select(c => c.Type));
        Assert.Equal("fees", result.ConflictTypes[0].Subtype);
        Assert.Equal("terms", result.ConflictTypes[2].Subtype);
        Assert.Empty(result.ConflictTypes[2].Evidence); // a rule on the product field has no text evidence
    }

    [Fact]
    public void Without_any_conflict_rule_firing_the_conflict_type_is_other()
    {
        var result = Analyze("Hello, I would like to update my address.");

        Assert.Empty(result.ConflictTypes);
        Assert.Equal(ConflictType.Other, result.ConflictType);
    }

    [Fact]
    public void Severity_is_the_highest_level_that_fires_with_the_reasons_of_that_level_only()
    {
        var result = Analyze("My lawyer will hear about this, I want a refund.");

        Assert.Equal(Severity.Serious, result.Severity);
        Assert.Equal(["Threat to escalate"], result.SeverityReasons);
    }

    [Fact]
    public void Severity_reasons_of_several_rules_at_the_highest_level_are_all_given()
    {
        var result = Analyze("I am FURIOUS, TOTALLY FURIOUS!!! My lawyer knows.");

        Assert.Equal(Severity.Serious, result.Severity);
        Assert.Equal(["Threat to escalate", "Very intense"], result.SeverityReasons);
    }

    [Fact]
    public void Severity_reasons_are_in_the_language_of_the_complaint()
    {
        var result = Analyze(new Complaint { Id = "z", Text = "我要退款，不然找监管部门。", CustomerTags = ["VULNERABLE"] });

        Assert.Equal("zh", result.Language);
        Assert.Equal(Severity.Critical, result.Severity); // HasTag ignores case
        Assert.Equal(["弱势客户"], result.SeverityReasons);
    }

    [Fact]
    public void Intensity_is_the_sum_of_the_points_of_the_rules_that_fire()
    {
        Assert.Equal(2, Analyze("I am angry about the statement.").Intensity);
        Assert.Equal(0, Analyze("The statement arrived late.").Intensity);
    }

    [Fact]
    public void Intensity_is_clamped_to_four()
    {
        // anger 2 + three exclamation marks 2 + shouting 2 = 6.
        var result = Analyze("I am ANGRY, SO ANGRY!!!");

        Assert.Equal(4, result.Intensity);
    }

    [Fact]
    public void Intensity_is_clamped_to_zero()
    {
        var complaint = new Complaint { Id = "c", Text = "The statement arrived late.", Attributes = new Dictionary<string, string> { ["tone"] = "calm" } };

        Assert.Equal(0, Analyze(complaint).Intensity);
        Assert.Contains(Analyze(complaint).Trace, f => f.RuleId == "i.calm");
    }

    [Fact]
    public void Steps_are_ordered_by_their_order_with_the_soothing_step_first_for_venting()
    {
        var result = Analyze("I am so angry with your branch staff.");

        Assert.Equal([HandlingStep.Soothe, HandlingStep.Listen, HandlingStep.Apologize, HandlingStep.Propose], result.Steps.Select(s => s.Step));
        Assert.Equal("extended", result.Steps[0].Emphasis);
        Assert.Equal("normal", result.Steps[1].Emphasis);
        Assert.Equal("Calm the customer first.", result.Steps[0].Guidance);
    }

    [Fact]
    public void For_each_step_the_rule_with_the_highest_priority_gives_the_guidance()
    {
        Assert.Equal("Propose a remedy.", Analyze("The app was slow.").Steps.Single(s => s.Step == HandlingStep.Propose).Guidance);

        var propose = Analyze("I want a refund.").Steps.Single(s => s.Step == HandlingStep.Propose);
        Assert.Equal("Propose the refund.", propose.Guidance);
        Assert.Equal("st.propose.refund", propose.RuleId);
    }

    [Fact]
    public void Step_guidance_and_checklist_follow_the_language_and_fall_back_to_the_other_one()
    {
        var result = Analyze("我要退款。");

        Assert.Equal("耐心倾听。", result.Steps.Single(s => s.Step == HandlingStep.Listen).Guidance);
        var apologize = result.Steps.Single(s => s.Step == HandlingStep.Apologize);
        Assert.Equal(["真诚", "及时"], apologize.Checklist);
        Assert.Equal("提出退款方案。", result.Steps.Single(s => s.Step == HandlingStep.Propose).Guidance);

        var english = Analyze("The app was slow.");
        Assert.Equal(["Sincere", "Timely"], english.Steps.Single(s => s.Step == HandlingStep.Apologize).Checklist);
        Assert.Empty(english.Steps.Single(s => s.Step == HandlingStep.Listen).Checklist);

        // st.propose has English guidance only.
        Assert.Equal("Propose a remedy.", Analyze("手机银行太慢了。").Steps.Single(s => s.Step == HandlingStep.Propose).Guidance);
    }

    [Fact]
    public void Remedies_are_ranked_by_priority_with_their_outcome_class_and_reason()
    {
        var result = Analyze("I am furious!!! Refund me now or my lawyer takes over.");

        Assert.Equal(["apology", "refund", "escalate", "explanation"], result.Remedies.Select(r => r.Remedy));
        Assert.Equal([90, 80, 60, 10], result.Remedies.Select(r => r.Priority));
        Assert.Equal(
            [OutcomeClass.Relational, OutcomeClass.Monetary, OutcomeClass.Internal, OutcomeClass.Explanation],
            result.Remedies.Select(r => r.OutcomeClass));
        Assert.Equal("The customer asks for a refund", result.Remedies[1].Reason);
        Assert.Equal("r.refund", result.Remedies[1].RuleId);
    }

    [Fact]
    public void A_remedy_recommended_by_several_rules_appears_once_with_the_highest_priority()
    {
        // Primary venting (apology, 20) and intensity 4 (apology, 90).
        var result = Analyze("I am so ANGRY, REALLY ANGRY!!!");

        var apology = Assert.Single(result.Remedies, r => r.Remedy == "apology");
        Assert.Equal(90, apology.Priority);
        Assert.Equal("r.apology.intense", apology.RuleId);
        Assert.Equal(OutcomeClass.Relational, apology.OutcomeClass);
    }

    [Fact]
    public void The_trace_lists_every_rule_that_fired_in_evaluation_order_with_its_decision()
    {
        var result = Analyze("The app was slow.");

        Assert.Equal(
            [
                ("c.slow", "causes"), ("k.slow", "conflicts"),
                ("st.listen", "steps"), ("st.apologize", "steps"), ("st.propose", "steps"),
                ("r.explain", "remedies"), ("r.fix", "remedies"),
            ],
            result.Trace.Select(t => (t.RuleId, t.Decision)));
    }

    [Fact]
    public void Attributes_are_read_with_Attr()
    {
        var complaint = new Complaint { Id = "a", Text = "Please call me back.", Attributes = new Dictionary<string, string> { ["segment"] = "vip" } };

        Assert.Contains(Analyze(complaint).Remedies, r => r.Remedy == "fix");
        Assert.DoesNotContain(Analyze("Please call me back.").Remedies, r => r.Remedy == "fix");
    }

    [Fact]
    public void The_customer_demand_counts_through_DemandCount_with_its_own_evidence()
    {
        var complaint = new Complaint { Id = "d", Text = "The card was charged twice this month.", CustomerDemand = "Refund the second payment" };

        var result = Analyze(complaint);

        var rights = Assert.Single(result.RootCauses);
        Assert.Equal(RootCause.RightsClaim, rights.Cause);
        var evidence = Assert.Single(rights.Evidence);
        Assert.Equal(("Refund", 0, 6, "customerDemand"), (evidence.Text, evidence.Start, evidence.Length, evidence.Field));
        Assert.Contains(result.Remedies, r => r.Remedy == "refund");
    }

    [Fact]
    public void A_negated_demand_does_not_count()
    {
        var complaint = new Complaint { Id = "d", Text = "The card was charged twice this month.", CustomerDemand = "I am not asking for a refund, just fix it" };

        Assert.Empty(Analyze(complaint).RootCauses);
    }

    [Theory]
    [InlineData("手机银行太慢了，我很生气。", "zh")]
    [InlineData("The mobile app is slow and I am angry.", "en")]
    [InlineData("ATM 吞卡了", "zh")]
    [InlineData("", "en")]
    public void The_language_is_detected_from_the_text(string text, string language) =>
        Assert.Equal(language, Analyze(text).Language);

    [Theory]
    [InlineData("zh-TW", "zh")]
    [InlineData("EN", "en")]
    [InlineData("en-GB", "en")]
    public void A_given_language_is_used(string given, string expected) =>
        Assert.Equal(expected, Analyze(new Complaint { Id = "l", Text = "这个服务太慢 the service is slow", Language = given }).Language);

    [Fact]
    public void An_unsupported_language_is_detected_instead_with_a_warning()
    {
        var result = Analyze(new Complaint { Id = "l", Text = "The service is slow.", Language = "fr" });

        Assert.Equal("en", result.Language);
        Assert.Contains(result.Warnings, w => w.Message.Contains("'fr'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_language_option_replaces_detection()
    {
        var analyzer = new ComplaintAnalyzer(Basic, new ComplaintAnalyzerOptions { DefaultLanguage = "zh" });

        Assert.Equal("zh", analyzer.Analyze(new Complaint { Id = "l", Text = "I want a refund." }).Language);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_analysed_up_to_the_limit_with_a_warning()
    {
        var analyzer = new ComplaintAnalyzer(Basic, new ComplaintAnalyzerOptions { MaxTextLength = 30 });
        var text = "You promised a quick answer. " + new string('x', 100) + " refund";

        var result = analyzer.Analyze(new Complaint { Id = "long", Text = text });

        Assert.Equal([RootCause.Expectation], result.RootCauses.Select(c => c.Cause)); // the refund lies beyond the limit
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(WarningCodes.FieldTruncated, warning.Code);
        Assert.Contains("truncated", warning.Message, StringComparison.Ordinal);
        Assert.Contains("30", warning.Message, StringComparison.Ordinal);
        Assert.All(result.RootCauses.SelectMany(c => c.Evidence), e => Assert.True(e.Start + e.Length <= 30));
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var analyzer = new ComplaintAnalyzer(Basic, new ComplaintAnalyzerOptions { MaxTextLength = 5 });

        var result = analyzer.Analyze(new Complaint { Id = "emoji", Text = "abcd\U0001F600 angry" });

        Assert.Contains("to 4 characters", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_within_the_limit_gives_no_warning() => Assert.Empty(Analyze("I want a refund.").Warnings);

    [Fact]
    public void A_null_complaint_is_an_argument_error()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new ComplaintAnalyzer(Basic).Analyze(null!));
        Assert.Equal("complaint", ex.ParamName);
    }

    [Fact]
    public void A_complaint_without_an_id_is_an_argument_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ComplaintAnalyzer(Basic).Analyze(new Complaint { Id = null!, Text = "x" }));
        Assert.Equal("complaint", ex.ParamName);
        Assert.Contains("Id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complaint_without_text_is_an_argument_error_naming_the_complaint()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ComplaintAnalyzer(Basic).Analyze(new Complaint { Id = "c-17", Text = null! }));
        Assert.Equal("complaint", ex.ParamName);
        Assert.Contains("c-17", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_rule_set_is_an_argument_error() =>
        Assert.Throws<ArgumentNullException>(() => new ComplaintAnalyzer((ComplaintRuleSet)null!));

    [Theory]
    [InlineData(0, null)]
    [InlineData(100, "fr")]
    public void Invalid_options_are_rejected_when_the_analyzer_is_created(int maxTextLength, string? language)
    {
        var options = new ComplaintAnalyzerOptions { MaxTextLength = maxTextLength, DefaultLanguage = language };

        Assert.ThrowsAny<ArgumentException>(() => new ComplaintAnalyzer(Basic, options));
    }

    [Fact]
    public void The_complaint_id_is_echoed()
    {
        Assert.Equal("case-42", Analyze(new Complaint { Id = "case-42", Text = "Fine." }).Id);
    }
}
