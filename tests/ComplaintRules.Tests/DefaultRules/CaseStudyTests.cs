namespace ComplaintRules.Tests.DefaultRules;

// The case studies of the training material (credit-card statement, wrong charge, transfer limit, redemption fault,
// misleading insurance advert, rude securities staff, failed transfer, dirty hotel room, defective goods, price drop,
// defective goods recall), retold as complaint texts written for these tests.
public class CaseStudyTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    private static void HasRemedy(ComplaintAssessment result, string remedy) =>
        Assert.True(result.Remedies.Any(r => r.Remedy == remedy), $"expected remedy '{remedy}', got: {string.Join(", ", result.Remedies.Select(r => r.Remedy))}");

    [Fact]
    public void Statement_not_received()
    {
        var result = Analyze("这个月的信用卡账单一直没收到，打客服也没有回复，导致我错过了还款日，还被收了利息。请尽快补寄账单并免掉这笔利息。");
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
        HasRemedy(result, "explain_cause");
        HasRemedy(result, "interest_waiver");
        HasRemedy(result, "expedite");
    }

    [Fact]
    public void Card_charged_in_error()
    {
        var result = Analyze("My card was charged twice for the same purchase. This was your error and I want the duplicate charge reversed.");
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.RightsClaim);
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType); // an error in execution
        HasRemedy(result, "fee_reversal");
        HasRemedy(result, "correct_error");
        Assert.Contains(result.Steps, s => s.Step == HandlingStep.Apologize);
        Assert.Contains(result.Steps, s => s.Step == HandlingStep.GatherInfo);
    }

    [Fact]
    public void Large_transfer_refused_by_a_limit()
    {
        var result = Analyze("我要给家里转一笔大额款项，结果提示超过限额不能转，我以为银行卡没有这个限制，太不方便了！");
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(ConflictType.Policy, result.ConflictType);
        Assert.Equal("limits_eligibility", result.ConflictTypes[0].Subtype);
        HasRemedy(result, "explain_policy");
        HasRemedy(result, "offer_alternative");
    }

    [Fact]
    public void System_fault_blocked_a_redemption()
    {
        var result = Analyze("Your system failed with an error when I tried to redeem my investment, so I lost two days of returns. I expect compensation for the loss.");
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
        Assert.Equal("execution_failure", result.ConflictTypes[0].Subtype);
        HasRemedy(result, "compensation");
    }

    [Fact]
    public void Misleading_insurance_advert()
    {
        var result = Analyze("保险公司的广告虚假宣传，说保证收益，实际上亏了本金。这是欺诈，我要求赔偿，并且要你们公开道歉，不然我就找媒体曝光！");
        Assert.Equal(ConflictType.Communication, result.ConflictType);
        Assert.Equal("misleading_marketing", result.ConflictTypes[0].Subtype);
        Assert.Equal(RootCause.RightsClaim, result.PrimaryCause);
        Assert.True(result.Severity >= Severity.Serious);
        HasRemedy(result, "compensation");
        HasRemedy(result, "public_apology");
        HasRemedy(result, "public_correction");
    }

    [Fact]
    public void Rude_securities_staff()
    {
        var result = Analyze("The staff at your securities desk were rude and condescending, they yelled at me when I asked a simple question. I am posting this everywhere so people know!!");
        Assert.Contains(result.ConflictTypes, c => c.Type == ConflictType.Communication || c.Type == ConflictType.ServiceQuality);
        HasRemedy(result, "staff_training");
        HasRemedy(result, "private_apology");
    }

    [Fact]
    public void Online_transfer_failed()
    {
        var result = Analyze("网银转账失败了，钱扣了但是对方没到账，到底怎么回事？");
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
        Assert.Equal(HandlingStep.Listen, result.Steps[0].Step);
        HasRemedy(result, "explain_cause");
    }

    [Fact]
    public void Hotel_room_not_clean()
    {
        var result = Analyze("入住的房间很脏，床单有污渍，卫生间也不干净，太让人失望了。");
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.Expectation);
        HasRemedy(result, "goodwill_credit");
        HasRemedy(result, "private_apology");
    }

    [Fact]
    public void Defective_product_bought_online()
    {
        var result = Analyze("The headphones I ordered online arrived broken and the left side is defective.");
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
        HasRemedy(result, "return_exchange");
        HasRemedy(result, "repair_replace");
    }

    [Fact]
    public void Price_dropped_after_purchase()
    {
        var result = Analyze("我上周刚买的电视，今天就降价了五百块，以前都有保价，这次为什么不给补差价？");
        Assert.Equal(ConflictType.Price, result.ConflictType);
        Assert.Equal("fluctuation", result.ConflictTypes[0].Subtype);
        HasRemedy(result, "explain_cause");
        HasRemedy(result, "goodwill_credit");
    }

    [Fact]
    public void Defective_goods_that_are_unsafe()
    {
        var result = Analyze("The charger you sold me is defective: it overheated and started a small fire. This product is dangerous and should be recalled.");
        Assert.Equal(Severity.Critical, result.Severity);
        HasRemedy(result, "recall");
        HasRemedy(result, "escalate_dedicated_team");
        HasRemedy(result, "fix_root_cause");
    }
}
