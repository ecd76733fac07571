namespace ComplaintRules.Tests.DefaultRules;

// Rule set 2.0: complaints written in everyday words, with no phrase a narrow lexicon would know. Sentences written for
// these tests (not taken from any data set).
public class EverydayComplaintTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("My card can't be swiped at any shop since Tuesday.")]
    [InlineData("Have you found my order yet??")]
    [InlineData("The app no longer recognises my fingerprint after the update.")]
    [InlineData("I have yet to receive the title for the car I paid off in March.")]
    [InlineData("Where is my parcel? It has been sitting at the depot for days now.")]
    [InlineData("卡片刷不了，去了三家店都一样。")]
    [InlineData("退货寄回去半个月了，至今没有处理。")]
    [InlineData("打了五次客服电话都没人解决。")]
    public void A_plain_report_of_a_failure_is_an_unmet_expectation_about_service(string text)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
        Assert.NotEmpty(result.RootCauses[0].Evidence);
    }

    [Theory]
    [InlineData("Thanks, the new card works perfectly now.")]
    [InlineData("Can you tell me your opening hours on Sunday?")]
    [InlineData("谢谢，问题已经解决了。")]
    public void A_message_that_is_not_a_complaint_gets_no_cause(string text)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.None, result.PrimaryCause);
    }

    [Theory]
    [InlineData("You people are a joke, my internet has been down all week.")]
    [InlineData("外卖慢得要死，饭都凉透了，什么玩意。")]
    [InlineData("Thanks for ruining my weekend, the flight was cancelled again.")]
    [InlineData("真是气炸了，你们把用户当傻子吗")]
    public void Exaggeration_and_mock_thanks_are_venting(string text)
    {
        var result = Analyze(text);
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.Venting);
    }

    [Fact]
    public void A_threat_to_complain_is_an_escalation()
    {
        var result = Analyze("再不给我处理，不然我就去投诉你们。");
        Assert.Equal(RootCause.RightsClaim, result.PrimaryCause);
        Assert.True(result.Severity >= Severity.Serious);
    }

    [Fact]
    public void Calling_five_times_is_repeated_contact()
    {
        var result = Analyze("为了这件事我打了五次客服电话，还是没有结果。");
        Assert.Contains(result.Trace, f => f.RuleId == "severity.serious.repeated_failure");
    }

    [Fact]
    public void The_tone_lexicons_are_part_of_the_default_rule_set()
    {
        Assert.Contains("tone_negative", ComplaintRuleSet.Default.Signals);
        Assert.Contains("tone_strong_negative", ComplaintRuleSet.Default.Signals);
    }
}

public class ConstructionTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("房间太小，隔音也很一般。", "太小")]
    [InlineData("水果一点都不新鲜。", "不新鲜")]
    [InlineData("The room was not great and the view was not nice either.", "not great")]
    public void A_fault_judged_in_one_word_is_a_service_complaint_with_its_span_as_evidence(string text, string span)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
        Assert.Contains(result.ConflictTypes[0].Evidence, e => e.Text.Contains(span, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I never received the refund you promised.", "never received")]
    [InlineData("多扣的钱至今没有给我退回。", "没有给我退回")]
    public void Something_owed_that_never_came_is_found_across_the_gap(string text, string span)
    {
        var result = Analyze(text);
        Assert.Contains(result.ConflictTypes.SelectMany(c => c.Evidence), e => e.Text.Contains(span, StringComparison.Ordinal));
    }

    [Fact]
    public void Praise_then_a_turn_to_a_fault_is_an_unmet_expectation()
    {
        var result = Analyze("位置不错，早餐也很好，可惜房间有点旧。");
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
    }

    [Fact]
    public void A_negative_word_aimed_at_the_firm_is_venting()
    {
        var result = Analyze("You guys are pathetic, my order is two weeks late.");
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.Venting);
    }
}

public class ConflictBoundaryTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Fact]
    public void Sales_calls_are_a_marketing_problem_not_collection_conduct()
    {
        var result = Analyze("每天都有推销贷款的骚扰电话，营销短信也停不下来。");
        Assert.Equal(ConflictType.Communication, result.ConflictType);
    }

    [Fact]
    public void Calls_about_an_overdue_debt_are_collection_conduct()
    {
        var result = Analyze("逾期才两天就电话骚扰我，还打给我家人。");
        Assert.Equal(ConflictType.Collections, result.ConflictType);
    }
}
