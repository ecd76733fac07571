namespace ComplaintRules.Tests.DefaultRules;

// Rule set 2.7: first, the conflict type read from what the complaint is about rather than from a textbook word. A claim of a
// page, an advert or a salesperson set against what is; a permission withdrawn or a procedure imposed; personal data
// leaked; a price set against what it was or what others pay. Every sentence was written for these tests.
public class RuleSet27ConflictTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("The listing says 'sea view'. Turns out you can see the sea if you lean out of the bathroom window.")]
    [InlineData("Your sales rep told me the plan was 'no contract'. Actually it's 18 months with a £200 exit fee.")]
    [InlineData("The phone was sold as 'brand new'. It arrived with someone else's photos still on it.")]
    [InlineData("客户经理当时说是保本的，结果到期一看亏了八千。")]
    [InlineData("详情页写着纯棉，实际上摸着全是化纤。")]
    public void A_claim_set_against_what_is_is_communication(string text) =>
        Assert.Equal(ConflictType.Communication, Analyze(text).ConflictType);

    [Theory]
    [InlineData("The agent told me the engineer would call before ten. Nobody rang and nobody came.")]
    [InlineData("客服说今天会给我回电话，结果等到晚上也没人打来。")]
    public void A_promise_of_an_action_that_was_broken_stays_service_quality(string text) =>
        Assert.Equal(ConflictType.ServiceQuality, Analyze(text).ConflictType);

    [Theory]
    [InlineData("The pool was closed for repairs all week and there was nothing on the website about it.")]
    [InlineData("@ParkHotels the spa was shut the whole week and nothing in the confirmation email said so")]
    [InlineData("@RailCo the app says platform 4 and the board says platform 9. which one is it?")]
    [InlineData("办卡的时候页面上完全没写要收管理费。")]
    public void Missing_or_changing_information_is_communication(string text) =>
        Assert.Equal(ConflictType.Communication, Analyze(text).ConflictType);

    [Theory]
    [InlineData("We used to be able to bring two cabin bags. Now it's one unless you pay for priority.")]
    [InlineData("@StreamCo downloads are now premium only? I've paid for Standard for six years.")]
    [InlineData("To close the account I have to come in person to a branch 60 miles away.")]
    [InlineData("They declined my claim because the leak was 'gradual', after twelve years of premiums.")]
    [InlineData("以前积分可以直接换电影票，现在要先升级成金卡才能换。")]
    [InlineData("注销账户必须本人到网点办理，我人在国外怎么办？")]
    public void A_rule_told_as_a_failure_is_policy(string text) =>
        Assert.Equal(ConflictType.Policy, Analyze(text).ConflictType);

    [Theory]
    [InlineData("Your newsletter was sent to me with another customer's name, address and order history in it. That is a data breach.")]
    [InlineData("在你们门店登记完手机号，第二天就有人打电话叫出我的名字，肯定是你们把我的个人信息泄露了。")]
    public void Personal_data_leaked_is_other(string text) =>
        Assert.Equal(ConflictType.Other, Analyze(text).ConflictType);

    [Fact]
    public void A_collector_telling_a_colleague_about_a_debt_stays_collections() =>
        Assert.Equal(ConflictType.Collections, Analyze(
            "A collector from your agency rang my colleague and told her about my overdue loan. That is a breach of my privacy.").ConflictType);

    [Theory]
    [InlineData("@CityCinemas £8.40 for a small popcorn. in this economy.")]
    [InlineData("My broadband is £42 a month, up from £29, for exactly the same speed.")]
    [InlineData("这个月水费比上个月多了一倍，家里根本没人住。")]
    public void A_price_set_against_what_it_was_or_is_worth_is_price(string text) =>
        Assert.Equal(ConflictType.Price, Analyze(text).ConflictType);
}

// The second 2.7.0 step: Chinese online irony (阴阳怪气) in its set phrases, mock thanks and mock wishes, is venting.
public class RuleSet27IronyTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("会员费交了一年，该看的剧还要单独付费，这会员开了个寂寞。")]
    [InlineData("等了四十分钟的客服，最后告诉我转错部门了，我谢谢您嘞。")]
    [InlineData("健身房说关就关，老板电话也打不通，行吧，祝您生意兴隆。")]
    public void Set_phrases_of_online_irony_beside_a_failure_are_venting(string text) =>
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);

    [Fact]
    public void Sincere_thanks_after_a_fix_stay_no_complaint() =>
        Assert.Equal(RootCause.None, Analyze("昨天转账的问题客服已经帮我处理好了，钱也到账了，谢谢小姐姐！").PrimaryCause);
}

// The third 2.7.0 step: a plan sold as unlimited that has a limit, a firm that keeps ringing about a debt whoever rings,
// a debt disputed under the collection rules, limits on the customer's own money and a warranty refused under its terms.
public class RuleSet27ConflictStepThreeTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("@MobiCo the plan is called Unlimited and after 30GB you slow me down to 1 Mbps.", ConflictType.Communication)]
    [InlineData("Your agency keeps calling me about a phone bill I settled in March. Four calls today.", ConflictType.Collections)]
    [InlineData("I do not recognise this debt and I am requesting validation under the FDCPA before you contact me again.", ConflictType.Collections)]
    [InlineData("The branch could only give me $4,000 of my own money in cash and told me to come back tomorrow.", ConflictType.Policy)]
    [InlineData("车才开了两万公里，4S店说我在外面做过保养，保修失效，拒绝保修。", ConflictType.Policy)]
    [InlineData("手机银行转五万给房东，提示超出限额，客服说每日限额两万。", ConflictType.Policy)]
    public void The_conflict_type_follows_what_the_complaint_is_about(string text, ConflictType expected) =>
        Assert.Equal(expected, Analyze(text).ConflictType);

    [Fact]
    public void A_customer_who_rang_about_a_late_parcel_is_no_collections_case() =>
        Assert.NotEqual(ConflictType.Collections, Analyze("I called you three times about my parcel and nobody could tell me where it is.").ConflictType);
}

// The fourth 2.7.0 step: Chinese posts that are no complaint, by what they do (a rumour rebutted, a giveaway, a mishap
// of one's own, praise in words of outrage, a question about how a thing works, an insider's advice).
public class RuleSet27ChinesePostTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("【辟谣】网传我行将取消免费转账系不实消息，请以官方渠道发布的信息为准。")]
    [InlineData("被自己蠢哭，下单的时候地址写成了老家，快递小哥又给我转回来了。")]
    [InlineData("这家民宿的老板离谱地贴心，半夜帮我们找药，下次还住。")]
    [InlineData("请问信用卡账单日改到月底，当月的还款日一般几天后？")]
    [InlineData("谢邀。分期手续费按月算的时候实际年化会更高，借之前自己算清楚就行。")]
    public void A_post_that_is_no_complaint_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void A_prize_that_cannot_be_redeemed_stays_a_complaint() =>
        Assert.NotEqual(RootCause.None, Analyze("银行活动抽奖抽到的立减金，到了兑换页面却一直兑换不了。").PrimaryCause);
}

// The fifth 2.7.0 step: English posts that are no complaint, by what they do (praise in words of outrage, a brand
// defended against someone else's complaint, an investor's note, one's own mishap put right).
public class RuleSet27EnglishPostTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("the new @PizzaPal garlic crust is honestly disgusting how good it is. third order this week")]
    [InlineData("@grumpyjo you picked the basic fare with no bag, that's not on them tbh")]
    [InlineData("Analyst note: @StreamCo Q2 net adds beat, ARPU up 4%, guidance raised for the second half.")]
    [InlineData("@NetCo ignore my last tweet, it was airplane mode 🙈")]
    public void A_post_that_is_no_complaint_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void A_customer_who_says_it_was_not_their_fault_stays_a_complaint() =>
        Assert.NotEqual(RootCause.None, Analyze("@BankCo you charged me a late fee when your app was down on the due date. that's not on me, refund it.").PrimaryCause);
}

// The sixth 2.7.0 step: thanks for being ignored or kept waiting is mock thanks.
public class RuleSet27MockThanksTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("just want to thank @ShopCo for ignoring my emails for a week")]
    [InlineData("@TelcoUK thank you for never replying to a single message. truly")]
    public void Thanks_for_being_ignored_is_venting(string text) =>
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);

    [Fact]
    public void Thanks_for_a_fault_put_right_stays_no_complaint() =>
        Assert.Equal(RootCause.None, Analyze("@FibreCo thanks for sorting the outage so fast last night, the engineer was brilliant 👏").PrimaryCause);
}

// The seventh 2.7.0 step: procedures imposed on the customer's own money or account, a notice that never came asked
// for in the customer's words, and the loyal customer who pays more than the new one.
public class RuleSet27StepSevenTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("销户要我回开户网点办理，开户行在两千公里外的老家。", ConflictType.Policy)]
    [InlineData("To close my late mother's account I have to bring the death certificate into a branch in person.", ConflictType.Policy)]
    [InlineData("航班取消了也不说一声，短信呢？电话呢？到了机场才知道。", ConflictType.Communication)]
    [InlineData("Eight years a member at £38 a month and new members get the same plan for £20.", ConflictType.Price)]
    public void The_conflict_type_follows_what_the_complaint_is_about(string text, ConflictType expected) =>
        Assert.Equal(expected, Analyze(text).ConflictType);
}

// The eighth 2.7.0 step: the firm's "we" in a Chinese reply is no customer's I; a guide for others, a bad day of one's
// own, a complaint taken back, a defence of the firm.
public class RuleSet27StepEightTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("@小林 您好，关于您反映的配送超时问题我们深表歉意，我们已为您补发一张优惠券，请在“我的-卡券”中查收。")]
    [InlineData("【信用卡年费避坑指南｜建议收藏】办卡前问清楚免年费的条件，不用的卡记得销掉。欢迎补充。")]
    [InlineData("今天真是喝凉水都塞牙，外卖地址是我自己手滑选错了，小哥还专门打电话来问，人超好。")]
    public void A_post_that_is_no_complaint_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void A_customer_who_says_we_stays_a_complaint() =>
        Assert.NotEqual(RootCause.None, Analyze("我们家的宽带断了三天，打了五次客服电话都没人来修，要求退这个月的费用。").PrimaryCause);
}

// The ninth 2.7.0 step: a listing's claim against what arrived, limits on cash and branches closed, contact about a debt
// the customer disputes, a list of debtors posted in public.
public class RuleSet27StepNineTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("The listing says SOLID WALNUT in the title. What arrived is laminate on chipboard.", ConflictType.Communication)]
    [InlineData("详情页写“真丝”，收到一看洗标写着100%涤纶。", ConflictType.Communication)]
    [InlineData("柜台说取五万及以上要提前一天预约，我自己的钱也要预约？", ConflictType.Policy)]
    [InlineData("@NorthBank you're closing the only branch in our town and my mum doesn't do online banking.", ConflictType.Policy)]
    [InlineData("Stop calling me about a loan I don't owe. It was my brother's and I have told you four times.", ConflictType.Collections)]
    [InlineData("物业在电梯里贴了欠费业主名单，我的名字和房号都在上面。", ConflictType.Collections)]
    public void The_conflict_type_follows_what_the_complaint_is_about(string text, ConflictType expected) =>
        Assert.Equal(expected, Analyze(text).ConflictType);

    [Fact]
    public void A_promised_delivery_day_that_was_missed_stays_service_quality() =>
        Assert.Equal(ConflictType.ServiceQuality, Analyze("页面写的“次日达”，现在第四天了还没发货。").ConflictType);
}

// The tenth 2.7.0 step: English tweets — deadpan sarcasm, hype in words of outrage, a firm's notice and an investor's
// note, a defence of the firm, one's own mishap, a question about a fare before buying.
public class RuleSet27StepTenTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("the new @CrumbCo cinnamon buns are criminally good. I bought four.")]
    [InlineData("Notice of planned interruption: Thursday 10am-2pm in the north ward for line upgrades. We regret any inconvenience.")]
    [InlineData("@SkyLine is the upgrade refundable if plans change? just checking before I book")]
    [InlineData("my dog ate the remote for my @TVBox. the dog is fine. the remote is not.")]
    public void A_tweet_that_is_no_complaint_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void Deadpan_about_an_outage_is_venting() =>
        Assert.Contains(Analyze("@NetCo app down on payday. of course it is.").RootCauses, c => c.Cause == RootCause.Venting);
}

// The eleventh 2.7.0 step: a complaint taken back, a firm's reply or outage notice, a promotion, praise, a defence of
// the firm, a question before buying.
public class RuleSet27StepElevenTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("更新：快递在邻居家找到了，是我错怪快递小哥了，原帖已删。")]
    [InlineData("@jo_m Hi Jo, we've checked and your refund was processed today, it should show in 3-5 working days.")]
    [InlineData("We're aware some customers can't make card payments this morning. The team is on it and we'll update here.")]
    [InlineData("people complaining about a 15 minute delay when the crew stopped to help a sick passenger. read the room")]
    [InlineData("@FibreCo thinking of switching to you, how's the speed in Leith?")]
    public void A_post_that_is_no_complaint_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);
}

// The twelfth 2.7.0 step: nobody ever saying, a refund refused under a rule, texts about a debt to someone else.
public class RuleSet27StepTwelveTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("小区明天检修，物业也不提前通知一声，业主群里一个字都没有。", ConflictType.Communication)]
    [InlineData("@GameHub refund denied because I 'played' for two hours. that's the rule apparently.", ConflictType.Policy)]
    [InlineData("@CardCo you keep texting my sister about MY overdue balance. she has nothing to do with it.", ConflictType.Collections)]
    public void The_conflict_type_follows_what_the_complaint_is_about(string text, ConflictType expected) =>
        Assert.Equal(expected, Analyze(text).ConflictType);
}
