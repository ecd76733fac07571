namespace ComplaintRules.Tests.DefaultRules;

// Sentences written for these tests (not taken from any data set): per cause, conflict type, severity level and key
// remedy, in Chinese and English.
public class DefaultRuleSetTests
{
    private static readonly ComplaintAnalyzer s_analyzer = new();

    internal static ComplaintAssessment Analyze(string text, IReadOnlyList<string>? tags = null, int? prior = null, decimal? amount = null,
        string? demand = null) =>
        s_analyzer.Analyze(new Complaint
        {
            Id = "t",
            Text = text,
            CustomerTags = tags,
            PriorComplaints = prior,
            Amount = amount,
            CustomerDemand = demand,
        });

    [Fact]
    public void Default_rule_set_loads_with_every_decision()
    {
        var rules = ComplaintRuleSet.Default;
        foreach (var prefix in new[] { "cause.", "intensity.", "conflict.", "severity.", "step.", "remedy." })
        {
            Assert.Contains(rules.RuleIds, id => id.StartsWith(prefix, StringComparison.Ordinal));
        }

        Assert.Contains("negation", rules.Signals);
    }

    // ------------------------------------------------------------------ root causes

    [Theory]
    [InlineData("The agent promised the upgrade would be free, but my bill shows a charge for it.")]
    [InlineData("I was told the parcel would arrive on Monday; it is Friday and nothing has come.")]
    [InlineData("The card was advertised with no annual fee, so I expected none.")]
    [InlineData("说好的三天内到货，结果一个星期了还没收到。")]
    [InlineData("客服承诺当天回电，可是到现在也没人联系我。")]
    [InlineData("我以为这个套餐包含流量，原来还要另外付费，和以前完全不一样。")]
    public void Expectation_is_found(string text)
    {
        var result = Analyze(text);
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.Expectation && c.Evidence.Count > 0);
    }

    [Theory]
    [InlineData("I demand a full refund of the fee you took without my consent.")]
    [InlineData("This violates my rights as a consumer. If it is not corrected I will file a complaint with the CFPB.")]
    [InlineData("Please remove this inaccurate account from my credit report immediately.")]
    [InlineData("要求立即退还多收的手续费，否则我将向金融监管总局投诉。")]
    [InlineData("你们侵犯了我的合法权益，我已经咨询律师，准备起诉。")]
    [InlineData("请删除这条错误的征信记录，并给我一个书面说法。")]
    public void Rights_claim_is_found(string text)
    {
        var result = Analyze(text);
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.RightsClaim && c.Evidence.Count > 0);
        Assert.Equal(RootCause.RightsClaim, result.PrimaryCause);
    }

    [Theory]
    [InlineData("WORST SERVICE EVER!!! You people are useless and I am never coming back.")]
    [InlineData("Absolutely ridiculous. Three hours on hold, what a joke of a company!!")]
    [InlineData("太过分了！！！什么垃圾服务，气死我了！")]
    [InlineData("这是我见过最差的客服，再也不会用你们家了，无语！！")]
    public void Venting_is_found_and_primary(string text)
    {
        var result = Analyze(text);
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.Venting && c.Evidence.Count > 0);
        Assert.Equal(RootCause.Venting, result.PrimaryCause);
        Assert.True(result.Intensity >= 3, $"intensity {result.Intensity}");
    }

    [Theory]
    [InlineData("Do you have a store in the city centre? Thanks!")]
    [InlineData("请问你们周末营业吗？谢谢。")]
    public void A_plain_question_has_no_cause(string text)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.None, result.PrimaryCause);
        Assert.Empty(result.RootCauses);
        Assert.Equal(Severity.Minor, result.Severity);
        Assert.True(result.Intensity <= 1);
    }

    [Fact]
    public void A_negated_refund_is_not_a_refund_demand()
    {
        var result = Analyze("I am not asking for a refund, I just want the app to work.");
        Assert.DoesNotContain(result.Remedies, r => r.Remedy == "refund");
    }

    [Fact]
    public void The_customers_own_demand_field_supports_a_rights_claim()
    {
        var result = Analyze("The delivery came two days late.", demand: "Refund the delivery fee.");
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.RightsClaim);
        Assert.Contains(result.Remedies, r => r.Remedy == "refund");
    }

    [Fact]
    public void Traditional_chinese_is_folded_before_matching()
    {
        var result = Analyze("要求退款，這是違法的收費！");
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.RightsClaim);
    }

    // ------------------------------------------------------------------ conflict types and subtypes

    [Theory]
    [InlineData("I have been waiting three weeks for a reply and still no response.", ConflictType.ServiceQuality, "response_speed")]
    [InlineData("电话一直无人接听，等了两个小时也没有回复。", ConflictType.ServiceQuality, "response_speed")]
    [InlineData("The staff at the counter were rude and unhelpful.", ConflictType.ServiceQuality, "service_level")]
    [InlineData("柜台工作人员态度恶劣，一直敷衍推诿。", ConflictType.ServiceQuality, "service_level")]
    [InlineData("The transfer failed with an error and the money never arrived.", ConflictType.ServiceQuality, "execution_failure")]
    [InlineData("转账失败了，系统故障，钱一直没到账。", ConflictType.ServiceQuality, "execution_failure")]
    [InlineData("This plan is far too expensive, the price is way above what it is worth.", ConflictType.Price, "too_high")]
    [InlineData("这个价格太贵了，性价比太低。", ConflictType.Price, "too_high")]
    [InlineData("A week after I bought it the price dropped by a third.", ConflictType.Price, "fluctuation")]
    [InlineData("刚买就降价了，差价能不能补给我？", ConflictType.Price, "fluctuation")]
    [InlineData("New customers get a lower rate than loyal customers like me, that is price discrimination.", ConflictType.Price, "discrimination")]
    [InlineData("同样的房间老用户价格更高，这是大数据杀熟。", ConflictType.Price, "discrimination")]
    [InlineData("You charged me a late fee and an overdraft fee in the same week.", ConflictType.Price, "fees_and_charges")]
    [InlineData("莫名多了一笔年费和手续费。", ConflictType.Price, "fees_and_charges")]
    [InlineData("Nobody told me about the cancellation charge; it was hidden in the fine print and never disclosed.", ConflictType.Communication, "information_asymmetry")]
    [InlineData("办理时从未告知有这项费用，信息完全不透明。", ConflictType.Communication, "information_asymmetry")]
    [InlineData("The manager yelled at me and insulted me in front of other customers.", ConflictType.Communication, "improper_language")]
    [InlineData("客服说话难听，还辱骂我。", ConflictType.Communication, "improper_language")]
    [InlineData("The advert was misleading: false advertising about a zero-interest offer.", ConflictType.Communication, "misleading_marketing")]
    [InlineData("销售虚假宣传，误导我买了这个理财产品。", ConflictType.Communication, "misleading_marketing")]
    [InlineData("You changed the terms without warning under a new policy and discontinued my plan.", ConflictType.Policy, "policy_change")]
    [InlineData("银行单方面降额，秒降了一半。", ConflictType.Policy, "policy_change")]
    [InlineData("The contract has a clause that makes early repayment impossible; these terms are unfair.", ConflictType.Policy, "contract_terms")]
    [InlineData("合同里的霸王条款规定不能提前还款。", ConflictType.Policy, "contract_terms")]
    [InlineData("My transfer was refused because it is over the daily limit and I am not eligible for a higher one.", ConflictType.Policy, "limits_eligibility")]
    [InlineData("转账超过限额，说我不符合条件提额。", ConflictType.Policy, "limits_eligibility")]
    [InlineData("A debt collector keeps calling my employer and threatened to tell my family.", ConflictType.Collections, "collection_conduct")]
    [InlineData("催收人员每天打电话骚扰我的家人，还威胁上门。", ConflictType.Collections, "collection_conduct")]
    [InlineData("There is a charge on my card that I did not authorize.", ConflictType.Other, "unauthorized_activity")]
    // A charge taken twice is an error in execution (labelling guide: service quality), not a conflict of its own.
    [InlineData("银行卡被重复扣款两次。", ConflictType.ServiceQuality, "execution_failure")]
    [InlineData("My card was charged twice for the same purchase.", ConflictType.ServiceQuality, "execution_failure")]
    public void Conflict_type_and_subtype(string text, ConflictType type, string subtype)
    {
        var result = Analyze(text);
        Assert.Equal(type, result.ConflictType);
        Assert.Equal(subtype, result.ConflictTypes[0].Subtype);
        Assert.NotEmpty(result.ConflictTypes[0].Evidence);
    }

    // ------------------------------------------------------------------ severity

    [Theory]
    [InlineData("The app is a bit slow to load today.", Severity.Standard)]
    [InlineData("页面加载有点慢，体验不太好。", Severity.Standard)]
    [InlineData("This is the third time the transfer failed again and I have called multiple times.", Severity.Serious)]
    [InlineData("多次反映问题，至今没有解决。", Severity.Serious)]
    [InlineData("If this is not fixed I will report it to the ombudsman.", Severity.Serious)]
    [InlineData("再不处理我就向12378投诉。", Severity.Serious)]
    [InlineData("I am a victim of identity theft: someone opened an account in my name without my permission.", Severity.Critical)]
    [InlineData("我的身份被冒用，有人未经本人同意用我的名义办了贷款。", Severity.Critical)]
    [InlineData("Your company leaked my personal information without my consent.", Severity.Critical)]
    [InlineData("你们未经允许泄露了我的个人信息。", Severity.Critical)]
    [InlineData("The heater caught fire in my kitchen; this product is dangerous.", Severity.Critical)]
    [InlineData("热水器漏电，差点触电，太危险了。", Severity.Critical)]
    public void Severity_level(string text, Severity expected)
    {
        Assert.Equal(expected, Analyze(text).Severity);
    }

    [Fact]
    public void A_vulnerable_customer_is_critical()
    {
        var text = "The branch would not let me withdraw my pension and nobody explained why.";
        Assert.NotEqual(Severity.Critical, Analyze(text).Severity);
        Assert.Equal(Severity.Critical, Analyze(text, tags: ["vulnerable"]).Severity);
        Assert.Equal(Severity.Critical, Analyze(text, tags: ["elderly"]).Severity);
    }

    [Fact]
    public void Repeat_complaints_raise_severity()
    {
        var text = "My card was declined at the shop.";
        Assert.Equal(Severity.Serious, Analyze(text, prior: 1).Severity);
        Assert.Equal(Severity.Critical, Analyze(text, prior: 3).Severity);
    }

    [Fact]
    public void A_large_amount_raises_severity()
    {
        Assert.Equal(Severity.Serious, Analyze("The payment went to the wrong account.", amount: 5000m).Severity);
        Assert.Equal(Severity.Critical, Analyze("The payment went to the wrong account.", amount: 250000m).Severity);
    }

    // ------------------------------------------------------------------ intensity

    [Fact]
    public void Intensity_rises_with_emotion()
    {
        var calm = Analyze("My order arrived a day late.").Intensity;
        var angry = Analyze("My order arrived late AGAIN!!! This is ridiculous, worst shop ever.").Intensity;
        Assert.InRange(calm, 0, 2);
        Assert.InRange(angry, 3, 4);
        Assert.True(angry > calm);
    }

    [Theory]
    [InlineData("My parcel was due on Tuesday and has not arrived yet. Could you check the tracking?")]
    [InlineData("The statement arrived a week late this month.")]
    [InlineData("订单显示已发货，但三天了还没收到，请帮忙查一下。")]
    [InlineData("房间空调有点问题，麻烦安排人来看看。")]
    public void A_calm_factual_report_has_low_intensity(string text)
    {
        Assert.InRange(Analyze(text).Intensity, 0, 1);
    }

    [Theory]
    [InlineData("You lost my luggage and then lied to me about it. This is your fault and you people don't care at all.")]
    [InlineData("Because of you I missed my flight. Shame on you, I can't trust this airline anymore!")]
    [InlineData("都是你们的错，害得我白跑一趟，你们根本不把客户当回事！")]
    [InlineData("你们就是骗人，耽误了我一个月，太恶劣了！")]
    public void Blame_aimed_at_the_firm_has_high_intensity(string text)
    {
        var result = Analyze(text);
        Assert.InRange(result.Intensity, 3, 4);
        Assert.Contains(result.Trace, f => f.RuleId == "intensity.accusation");
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.Venting && c.Evidence.Count > 0);
    }

    [Theory]
    [InlineData("The service was disappointing.", "The service was extremely disappointing.")]
    [InlineData("服务让人失望。", "服务让人非常失望。")]
    public void A_degree_word_raises_intensity(string plain, string boosted)
    {
        var calm = Analyze(plain).Intensity;
        var strong = Analyze(boosted).Intensity;
        Assert.True(strong > calm, $"{strong} <= {calm}");
        Assert.InRange(calm, 1, 2);
    }

    [Fact]
    public void Praise_before_a_complaint_does_not_calm_it()
    {
        Assert.Equal(0, Analyze("I love this shop, the staff are always friendly.").Intensity);
        Assert.InRange(Analyze("I love this shop, but the delivery was a real disappointment.").Intensity, 2, 4);
    }

    [Theory]
    [InlineData("Waited an hour on hold and nobody picked up. Ridiculous!")]
    [InlineData("在柜台等了两个小时也没人管，太气人了！")]
    public void An_angry_outburst_outranks_an_expectation_inferred_from_slow_service(string text)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.Venting, result.PrimaryCause);

        // The expectation is in the trace either way; it is listed beside venting only when a first-stage rule found it
        // (the wait, 等了两个小时), not when only primaryOnly rules read it from slow service.
        Assert.Contains(result.Trace, f => f.RuleId.StartsWith("cause.expectation.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The repair was sloppy and the result is substandard.")]
    [InlineData("这次的做工很粗糙，质量不合格。")]
    public void Poor_workmanship_reads_as_an_unmet_expectation(string text)
    {
        var result = Analyze(text);
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.Expectation && c.Evidence.Count > 0);
        Assert.InRange(result.Intensity, 1, 3);
    }

    // ------------------------------------------------------------------ steps

    [Fact]
    public void Seven_steps_with_the_apology_checklist()
    {
        var result = Analyze("You charged me twice. I want a refund.");
        Assert.Equal(7, result.Steps.Count);
        var apology = Assert.Single(result.Steps, s => s.Step == HandlingStep.Apologize);
        Assert.Equal(4, apology.Checklist.Count);
        Assert.Contains(apology.Checklist, c => c.Contains("Sincere", StringComparison.Ordinal));
        Assert.Contains(apology.Checklist, c => c.Contains("Timely", StringComparison.Ordinal));
        Assert.Contains(apology.Checklist, c => c.Contains("Specific", StringComparison.Ordinal));
        Assert.Contains(apology.Checklist, c => c.Contains("Responsible", StringComparison.Ordinal));
    }

    [Fact]
    public void Venting_puts_listening_and_soothing_first_and_long()
    {
        var result = Analyze("What a joke!!! Useless people, worst bank ever, I am so angry!!");
        Assert.Equal(HandlingStep.Listen, result.Steps[0].Step);
        Assert.Equal(HandlingStep.Soothe, result.Steps[1].Step);
        Assert.Equal("extended", result.Steps[0].Emphasis);
        Assert.Equal("extended", result.Steps[1].Emphasis);
    }

    [Fact]
    public void Rights_claim_apologises_and_gathers_evidence_with_a_deadline()
    {
        var result = Analyze("This fee is illegal. I demand a refund or I will go to the regulator.");
        var order = result.Steps.Select(s => s.Step).ToList();
        Assert.True(order.IndexOf(HandlingStep.Apologize) < order.IndexOf(HandlingStep.GatherInfo));
        var propose = Assert.Single(result.Steps, s => s.Step == HandlingStep.Propose);
        Assert.Contains("deadline", propose.Guidance, StringComparison.Ordinal);
    }

    [Fact]
    public void Expectation_clarifies_the_promise_first_in_chinese()
    {
        var result = Analyze("说好的免年费，结果还是扣了年费，和宣传的不一样。");
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        var order = result.Steps.Select(s => s.Step).ToList();
        Assert.True(order.IndexOf(HandlingStep.GatherInfo) < order.IndexOf(HandlingStep.Apologize));
        Assert.Contains("承诺", result.Steps.Single(s => s.Step == HandlingStep.GatherInfo).Guidance, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ remedies

    [Theory]
    [InlineData("I want a refund for the order that never arrived.", "refund", OutcomeClass.Monetary)]
    [InlineData("订单没有发货，请给我退款。", "refund", OutcomeClass.Monetary)]
    [InlineData("The late fee was charged by mistake, please reverse it.", "fee_reversal", OutcomeClass.Monetary)]
    [InlineData("年费是误收的，要求退还这笔费用。", "fee_reversal", OutcomeClass.Monetary)]
    [InlineData("The interest rate is unfair and illegal; please waive the interest.", "interest_waiver", OutcomeClass.Monetary)]
    [InlineData("利率超过国家规定，要求减免利息和罚息。", "interest_waiver", OutcomeClass.Monetary)]
    [InlineData("Your mistake cost me a day off work; I expect compensation.", "compensation", OutcomeClass.Monetary)]
    [InlineData("你们的失误给我造成了损失，要求赔偿。", "compensation", OutcomeClass.Monetary)]
    [InlineData("This account on my credit report is not mine; please remove it.", "fix_credit_record", OutcomeClass.NonMonetary)]
    [InlineData("征信报告上这条记录不是我的，请删除。", "fix_credit_record", OutcomeClass.NonMonetary)]
    [InlineData("Stop calling me at work, your debt collector harasses me every day.", "stop_collection_contact", OutcomeClass.NonMonetary)]
    [InlineData("请停止催收，不要再打电话骚扰我的家人。", "stop_collection_contact", OutcomeClass.NonMonetary)]
    [InlineData("The blender I bought is defective and stopped working after a day.", "repair_replace", OutcomeClass.NonMonetary)]
    [InlineData("刚买的手机有质量问题，屏幕坏了。", "return_exchange", OutcomeClass.NonMonetary)]
    [InlineData("You enrolled me in an insurance plan without my consent.", "cancel_unauthorized", OutcomeClass.NonMonetary)]
    [InlineData("未经同意给我开通了保险。", "cancel_unauthorized", OutcomeClass.NonMonetary)]
    [InlineData("My claim was denied and I want to know why.", "written_decision", OutcomeClass.Explanation)]
    [InlineData("理赔被驳回了，请给个合理解释。", "written_decision", OutcomeClass.Explanation)]
    public void Key_remedy_is_recommended(string text, string remedy, OutcomeClass outcome)
    {
        var result = Analyze(text);
        var found = Assert.Single(result.Remedies, r => r.Remedy == remedy);
        Assert.Equal(outcome, found.OutcomeClass);
        Assert.False(string.IsNullOrEmpty(found.Reason));
    }

    [Fact]
    public void Every_outcome_class_is_in_the_catalogue()
    {
        var result = Analyze("Your advert was false advertising and misleading, this is illegal; I will go to the media. I demand compensation and a public apology!!! Staff were rude again.");
        var classes = result.Remedies.Select(r => r.OutcomeClass).ToHashSet();
        Assert.Contains(OutcomeClass.Explanation, classes);
        Assert.Contains(OutcomeClass.NonMonetary, classes);
        Assert.Contains(OutcomeClass.Monetary, classes);
        Assert.Contains(OutcomeClass.Relational, classes);
        Assert.Contains(OutcomeClass.Internal, classes);
    }

    [Fact]
    public void Remedies_are_ranked_by_priority()
    {
        var result = Analyze("I want a refund. You charged my card twice and the staff were rude.");
        for (var i = 1; i < result.Remedies.Count; i++)
        {
            Assert.True(result.Remedies[i - 1].Priority >= result.Remedies[i].Priority);
        }
    }
}
