namespace ComplaintRules.Tests.DefaultRules;

// Rule set 2.5: thank-you letters and glad reviews that tell of a fault put right, questions about the customer's own
// search, news items, and the conflict types said in everyday words (jargon, a story that keeps changing, a
// collector's call, a member's price). Every sentence was written for these tests.
public class RuleSet25ShapeTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("A big thank you to Tom at the Leeds branch, who stayed late to sort out my locked card. So patient and kind.")]
    [InlineData("Third visit and this place never disappoints. The pasta was perfect and the waiter remembered us.")]
    [InlineData("感谢客服小刘，快递丢了以后她帮我跟进了三天，终于找回来了，非常负责，点赞！")]
    [InlineData("房间很干净，前台小姐姐很耐心，下次还会再来。")]
    public void Thanks_and_glad_reviews_that_tell_of_a_fault_put_right_are_no_complaint(string text)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.None, result.PrimaryCause);
        Assert.Empty(result.RootCauses);
    }

    [Theory]
    [InlineData("Thanks a lot for losing my suitcase, really appreciate it")]
    [InlineData("Shout out to the airline for cancelling my flight with no notice, great job")]
    public void Sarcastic_thanks_stay_a_complaint(string text) =>
        Assert.NotEqual(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("@bankhelp does the business account support contactless payments? cant find anything about it on the website")]
    [InlineData("请问积分在哪里兑换？APP里翻了半天没找到入口。")]
    public void A_question_about_the_customers_own_search_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("Regulator fines Acme Energy £3m over billing failures, watchdog says")]
    [InlineData("【快讯】监管部门发布通知，要求保险公司规范理赔流程，相关规定下月起施行。")]
    public void A_news_item_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void A_complaint_that_names_the_regulator_in_the_first_person_is_still_a_claim() =>
        Assert.Equal(RootCause.RightsClaim, Analyze("Your fees broke the rules and I have reported you to the regulator.").PrimaryCause);

    [Theory]
    [InlineData("理财产品的说明书全是术语，客服解释了半天我也没听懂，能不能说人话？", ConflictType.Communication)]
    [InlineData("I asked three times when my new router will arrive and got three different answers. Get your story straight.", ConflictType.Communication)]
    [InlineData("Your collections guy phoned me at 6am on a Saturday about a payment that is two weeks late.", ConflictType.Collections)]
    public void Conflict_types_in_everyday_words(string text, ConflictType expected) =>
        Assert.Equal(expected, Analyze(text).ConflictType);

    // The rules find no cause in these (a question, no failure word): with settings.conflictNeedsCause the text has no
    // conflict, but the words are still read as that type, and the rule shows in the trace.
    [Theory]
    [InlineData("同一款奶粉，会员价129，非会员159，这不就是逼人办卡吗？", "conflict.price.")]
    [InlineData("我是金卡会员，同一间房会员反而比非会员贵一百块，这合理吗？", "conflict.price.")]
    [InlineData("The letting agent banged on my door at 11pm shouting about the rent in front of my children.", "conflict.collections.")]
    public void Conflict_words_are_read_even_where_no_cause_is_found(string text, string rules) =>
        Assert.Contains(Analyze(text).Trace, f => f.RuleId.StartsWith(rules, StringComparison.Ordinal));
}

// Brand tweets: implicit complaints (sarcasm whose praise words are no praise, a card frozen, a parcel "delivered" to
// a bin) and tweets that look like complaints but are not (stock and opening-hour questions, a release that "dropped",
// a news headline, a reply to the brand).
public class RuleSet25TweetTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("@metrolink oh good, the 8:10 is a replacement bus again. love that for me 🙃")]
    [InlineData("@cardbank card frozen for suspicious activity while I'm on holiday. the suspicious activity: buying lunch")]
    [InlineData("@shipfast tracking says delivered. it was marked as delivered to a house two streets away")]
    [InlineData("@brewco the milk in my delivery is out of date")]
    public void Implicit_complaints_are_found(string text) =>
        Assert.NotEqual(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("@gardenstore are you open on boxing day? website just shows the usual hours")]
    [InlineData("@phoneshop any stores near york with the blue one in stock? sold out online")]
    [InlineData("@streamflix me refreshing the app at midnight to see if the new season dropped 😭")]
    [InlineData("Budget airline to cut 300 jobs as bookings fall, union warns https://example.com/x")]
    [InlineData("@carinsure have sent a dm with my policy number as requested")]
    [InlineData("@insureco claim settled in a week, no fuss at all 👏")]
    public void Tweets_that_only_look_like_complaints_are_not(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);
}

// Sarcasm said as a marvel or an ironic suggestion ("amazing how …", 建议…发个年终奖) beside a failure is venting.
public class RuleSet25SarcasmTests
{
    [Theory]
    [InlineData("Amazing how you can take my payment in seconds but my refund has been delayed for three weeks.")]
    [InlineData("外卖显示已送达，可我根本没收到。这位骑手辛苦了，建议平台给他发个年终奖。")]
    public void A_marvel_or_an_ironic_suggestion_beside_a_failure_is_venting(string text) =>
        Assert.Contains(DefaultRuleSetTests.Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);
}

// In a rights claim a judgement ("poor", 很差) is part of the case; in a plain complaint it is read as venting.
public class RuleSet25JudgementTests
{
    private const string NegativeEvaluation = "cause.venting.negative_evaluation";

    [Theory]
    [InlineData("The repair work was poor, so under the warranty I am entitled to a refund.")]
    [InlineData("维修质量很差，根据保修条款，我要求退款。")]
    public void A_judgement_inside_a_rights_claim_is_no_venting(string text)
    {
        var result = DefaultRuleSetTests.Analyze(text);
        Assert.Equal(RootCause.RightsClaim, result.PrimaryCause);
        Assert.DoesNotContain(result.Trace, f => f.RuleId == NegativeEvaluation);
    }

    [Fact]
    public void The_same_judgement_in_a_plain_complaint_is_read_as_venting() =>
        Assert.Contains(DefaultRuleSetTests.Analyze("The repair work was poor and the engineer left a mess.").Trace, f => f.RuleId == NegativeEvaluation);
}

// Escalation beyond the US regulators the rules first knew: UK and Australian bodies, a solicitor, a chargeback,
// Chinese petition channels.
public class RuleSet25EscalationTests
{
    [Theory]
    [InlineData("If the boiler is not fixed by Friday I will contact the council's environmental health team.")]
    [InlineData("I have raised a chargeback with my card provider and will take this to the Financial Ombudsman.")]
    [InlineData("物业一直不处理，我已经打了市长热线，准备走法律途径。")]
    public void An_escalation_is_a_rights_claim(string text) =>
        Assert.Equal(RootCause.RightsClaim, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Fact]
    public void Council_tax_is_no_escalation() =>
        Assert.NotEqual(RootCause.RightsClaim, DefaultRuleSetTests.Analyze("My bill went up again and the council tax is due next week.").PrimaryCause);
}

// The firm's own notices and promotions are no complaint; a customer who pastes one and objects is.
public class RuleSet25NoticeTests
{
    [Theory]
    [InlineData("Scheduled maintenance: the mobile app will be unavailable on Saturday night. Transfers will work as normal. We apologise for any inconvenience.")]
    [InlineData("【某某燃气】尊敬的用户，因管道检修，您所在小区明日上午停气，请提前做好准备，感谢您的理解与支持。")]
    [InlineData("Double points on all fuel this week! Offer ends Sunday. T&Cs apply.")]
    [InlineData("今天去银行办了挂失补卡，记录一下流程：带身份证，填单，十分钟办完。")]
    public void A_notice_a_promotion_or_a_shared_experience_is_no_complaint(string text)
    {
        var result = DefaultRuleSetTests.Analyze(text);
        Assert.Equal(RootCause.None, result.PrimaryCause);
        Assert.Equal(ConflictType.Other, result.ConflictType);
    }

    [Fact]
    public void A_pasted_notice_the_customer_objects_to_is_a_complaint() =>
        Assert.NotEqual(RootCause.None, DefaultRuleSetTests.Analyze("尊敬的客户，您的会员服务已自动续费成功，扣费29元。我从来没开通过这个会员，请马上退款！！！").PrimaryCause);
}

// Thanks for help given frames a glad message; a change of address is a request; "X说…结果" is no contradiction by
// itself; contempt for a price.
public class RuleSet25InboxTests
{
    [Theory]
    [InlineData("Hi Tom, the engineer came this morning and the broken boiler is working again. Thanks for sorting it so quickly!")]
    [InlineData("I have moved house, please update my address to 3 Mill Lane. Account ending 4471. Thanks.")]
    [InlineData("Watchdog has fined two energy suppliers over billing errors, according to a statement published on Monday.")]
    public void Inbox_items_that_are_no_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Fact]
    public void Contempt_for_a_price_is_venting() =>
        Assert.Contains(DefaultRuleSetTests.Analyze("£9 for a sandwich at the station. Daylight robbery.").RootCauses, c => c.Cause == RootCause.Venting);
}

// A last round: questions about cover and timetables, a notice to residents, a recovery praised, contempt idioms.
public class RuleSet25LastRoundTests
{
    [Theory]
    [InlineData("Quick question: does my policy cover a hire car in Spain, or do I need to add it?")]
    [InlineData("Notice to all residents: the lifts will be switched off between 9 and 11 on Monday for servicing.")]
    [InlineData("The first delivery went to the wrong address, but the driver came back within the hour. Good recovery, thanks.")]
    public void No_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("这课就是智商税，老师照着课件念，谁买谁后悔。")]
    [InlineData("@quickloans your collectors are vultures, calling my mum about my account")]
    public void Contempt_is_venting(string text) =>
        Assert.Contains(DefaultRuleSetTests.Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);
}

// A shop's sale is no complaint; a member charged more than others is a price complaint.
public class RuleSet25SaleAndPriceTests
{
    [Fact]
    public void A_shops_sale_is_no_complaint() =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze("Summer sale! 30% off all sunglasses until Sunday. Book your free fitting online.").PrimaryCause);

    [Fact]
    public void A_member_charged_more_than_others_is_a_price_complaint() =>
        Assert.Equal(ConflictType.Price, DefaultRuleSetTests.Analyze("我是金卡会员，同一间房会员反而比非会员贵一百块，凭什么？").ConflictType);
}

// An order note ignored is a failure in execution, however plainly told.
public class RuleSet25NoteIgnoredTests
{
    [Theory]
    [InlineData("备注了不要葱，送来的面里全是葱。")]
    [InlineData("下单时特意说了不要辣，结果照样放了辣椒。")]
    public void An_order_note_ignored_is_a_service_failure(string text)
    {
        var result = DefaultRuleSetTests.Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
    }
}
