namespace ComplaintRules.Tests.DefaultRules;

// Rule set 2.8: texts that are no complaint, found by what their words say rather than by which words they hold. The
// writer's own feeling is no grievance; a wait, a find or a price match is not a failure by itself; a mixed review is
// judged by the part after its turn. Every sentence was written for these tests.
public class RuleSet28StepOneTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("the new @StreamCo trailer had me crying on the bus, who gave them the right")]
    [InlineData("the finale of that @ViewBox series left me heartbroken, what a show")]
    [InlineData("watched the @ViewBox documentary about sharks last night and now I'm scared of my own bath")]
    [InlineData("孩子下个月要出国读书，有点担心，@某某银行 的境外汇款一般要几天到账呀？")]
    public void The_writers_own_feeling_alone_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("@HomeMart do you price match other shops?")]
    [InlineData("big thanks to the cabin crew on the 7am who found my son's headphones and brought them to the gate")]
    [InlineData("今天去网点办卡，排队的人不多，十分钟就办好了。")]
    public void A_match_a_find_or_a_queue_is_no_failure_by_itself(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("外卖晚到了二十分钟，不过菜还是热的，味道很好，满意。")]
    [InlineData("房间比想象中小一点，但是非常干净，前台也很热情，推荐。")]
    public void A_fault_then_a_turn_to_praise_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("环境很好，服务也热情，但是菜太咸了，上菜也慢。")]
    [InlineData("排队排了一个多小时才办上业务，窗口只开了一个。")]
    [InlineData("I'm so sad the courier left my parcel in the rain and now the book is ruined.")]
    [InlineData("I'm really tired of this issue, the router drops every evening.")]
    public void A_fault_said_beside_the_same_words_stays_a_complaint(string text) =>
        Assert.NotEqual(RootCause.None, Analyze(text).PrimaryCause);
}

// The second 2.8.0 step: a rule named as what the complaint is about (judged, or given by the firm as its reason) is
// policy, however the service around it went.
public class RuleSet28StepTwoTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("Was told it's company policy that refunds take 90 days. I've been waiting since March.")]
    [InlineData("The branch staff said the new requirement is photo ID for any cash over £1,000. I've banked here 40 years and was treated like a criminal.")]
    [InlineData("Kept on hold 40 minutes and then told the policy says they can't discuss it with my wife. Absurd policy.")]
    [InlineData("前台说是公司规定，超过晚上十点就不能退房费，一晚上没住也要全额扣。")]
    [InlineData("取个钱还要填用途说明，这什么破规定，我自己的钱还要跟你们解释？")]
    public void A_rule_judged_or_given_as_the_reason_is_policy(string text) =>
        Assert.Equal(ConflictType.Policy, Analyze(text).ConflictType);

    [Fact]
    public void A_rule_the_customer_cites_against_a_failure_stays_service_quality() =>
        Assert.Equal(ConflictType.ServiceQuality, Analyze("按规定燃气公司应该每月上门抄表，这次根本没人来，账单是估算的。").ConflictType);
}

// The third 2.8.0 step: a service paid for and not given is an unmet expectation; sarcasm beside a fee is venting; a
// thing that "wouldn't load" has failed.
public class RuleSet28StepThreeTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("Paid for next day delivery on the birthday present. It's now Thursday. @ShopCo")]
    [InlineData("my card wouldn't go through at the till three times and the app says everything is fine")]
    public void A_paid_for_service_not_given_or_a_thing_that_would_not_work_is_an_unmet_expectation(string text) =>
        Assert.Equal(RootCause.Expectation, Analyze(text).PrimaryCause);

    [Fact]
    public void Sarcasm_beside_a_fee_is_venting_and_the_failure_an_unmet_expectation()
    {
        var assessment = Analyze("@FlyCheap €40 to check in at the desk because your app wouldn't load my pass. love that for me.");
        Assert.Equal(RootCause.Venting, assessment.PrimaryCause);
        Assert.Contains(assessment.RootCauses, c => c.Cause == RootCause.Expectation);
    }
}

// The fourth 2.8.0 step: Chinese social posts that are no complaint (a notice of planned work, a word in the firm's
// defence, a joke marked with a laughing code) and mockery by comparison (蜗牛都比你们快) as venting.
public class RuleSet28StepFourTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("各位业主，某某物业通知：周六上午8点到11点停水检修，请大家提前储水。")]
    [InlineData("说句公道话，某某快递虽然贵，但我寄了这么多次从来没丢过件。")]
    [InlineData("我妈问我怎么又被银行打电话催了，我说那是推销分期的[笑哭]")]
    public void A_post_that_is_no_complaint_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void Mockery_by_comparison_is_venting() =>
        Assert.Equal(RootCause.Venting, Analyze("某某快递四天了还在路上，蜗牛都比你们快").PrimaryCause);
}

// The fifth 2.8.0 step: hype in words of outrage ("so good it should be illegal", "I hate how much I love") and one's
// own bad day ("mondays are the worst") are no complaint; a bad day the firm caused still is.
public class RuleSet28StepFiveTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("the new @PizzaDen truffle fries are so good it should be illegal")]
    [InlineData("i hate how much i love the @SnackBox cheddar bites. goodbye diet")]
    [InlineData("mondays are the worst. anyway @FlyBlue holiday booked, can't wait")]
    public void Hype_or_a_bad_day_of_ones_own_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void A_bad_day_the_firm_caused_stays_a_complaint() =>
        Assert.NotEqual(RootCause.None, Analyze("worst day ever thanks to @FlyBlue cancelling my flight with no notice").PrimaryCause);
}

// The sixth 2.8.0 step: talking down to the customer and answers that disagree are communication, rewards cut are a
// policy change, a cancelled train is a failure.
public class RuleSet28StepSixTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("@BankCo your adviser called me sweetheart and said I wouldn't understand how pensions work. I'm 58 and did my own accounts for 30 years.", ConflictType.Communication)]
    [InlineData("the app says my bill is £0 and the letter says £240. which one do I believe?", ConflictType.Communication)]
    [InlineData("柜员一脸居高临下，说了句“这个你不懂”就不理我了。", ConflictType.Communication)]
    [InlineData("@CardCo halved the points on fuel and called it an exciting update. exciting for who", ConflictType.Policy)]
    public void The_conflict_type_follows_what_the_complaint_is_about(string text, ConflictType expected) =>
        Assert.Equal(expected, Analyze(text).ConflictType);

    [Fact]
    public void A_cancelled_train_and_its_cancelled_replacement_are_a_complaint() =>
        Assert.NotEqual(RootCause.None, Analyze("@TrainCo train cancelled. replacement bus. bus cancelled. amazing.").PrimaryCause);
}

// The seventh 2.8.0 step: a price against itself (翻了三倍, "is steep") or against new customers' is price; a rule
// changed without warning ("since when is…", 什么时候改的) is policy.
public class RuleSet28StepSevenTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("Anything else to tell us? Lovely stay, but £19 each for a cold breakfast is steep.", ConflictType.Price)]
    [InlineData("平时一晚399，国庆直接标1288，翻了三倍多，这不是趁火打劫吗。", ConflictType.Price)]
    [InlineData("同一个小区，新用户办宽带一年599，我这个老用户续费要1080。", ConflictType.Price)]
    [InlineData("@BankCo since when is the daily transfer limit £500? It was £2,000 last month.", ConflictType.Policy)]
    public void The_conflict_type_follows_what_the_complaint_is_about(string text, ConflictType expected)
    {
        var assessment = Analyze(text);
        Assert.Equal(expected, assessment.ConflictType);
        Assert.NotEqual(RootCause.None, assessment.PrimaryCause);
    }
}

// The eighth 2.8.0 step: English contempt in its set phrases ("for who exactly", "make it make sense", "a war crime")
// is venting.
public class RuleSet28StepEightTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("got charged a 'service fee' for paying my own bill online. service for who exactly")]
    [InlineData("@BankCo to change my address I have to post a letter, in 2025. make it make sense")]
    [InlineData("the hold music is a war crime")]
    public void Contempt_in_its_set_phrases_is_venting(string text) =>
        Assert.Equal(RootCause.Venting, Analyze(text).PrimaryCause);
}

// The ninth 2.8.0 step: a Chinese A-not-A question holds no negation; thanks passed on, a note that needs no follow-up
// and an enquiry marked as one are no complaint.
public class RuleSet28StepNineTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("你好，想问一下会员积分能不能用来抵运费？年底会不会清零？")]
    [InlineData("We stayed at your Leeds hotel for our anniversary and the team upgraded us without asking. My wife hasn't stopped talking about it. Please pass our thanks on to Sam.")]
    [InlineData("Forwarded to claims: customer asking whether cover includes a garden shed. Not a complaint, just an enquiry.")]
    [InlineData("转工程部：1502房客人说电视遥控器没电了，已换电池，客人表示可以了，无需跟进。")]
    public void A_text_that_is_no_complaint_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void Points_that_cannot_be_used_stay_a_complaint() =>
        Assert.Equal(RootCause.Expectation, Analyze("积分明明还有两千，结账的时候就是不能用，客服也说不清楚。").PrimaryCause);
}

// The tenth 2.8.0 step: in English, collection conduct or an unauthorised act reported without a demand is not the
// rights claim that drives the text; with a demand it still drives. Chinese platform complaints keep reading harassment
// as a claim to stop it. Since 2.19.0 such a grievance is not listed beside another primary either (primaryOnly).
public class RuleSet28StepTenTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Fact]
    public void A_broken_repayment_plan_told_without_a_demand_is_an_unmet_expectation()
    {
        var assessment = Analyze("Agreed a repayment plan with your collections team in June and paid every month since, as promised. Yet your agency still calls me every day as if nothing was agreed.");
        Assert.Equal(RootCause.Expectation, assessment.PrimaryCause);
        Assert.DoesNotContain(assessment.RootCauses, c => c.Cause == RootCause.RightsClaim);
        Assert.Contains(assessment.Trace, f => f.RuleId == "cause.rights.collection_conduct");
    }

    [Theory]
    [InlineData("Your collectors ring me at work every day about a £300 balance. Stop contacting my employer or I will report you to the CFPB.")]
    [InlineData("催收一天打二十多个电话，晚上十一点还在打，你们是不是有病？？")]
    public void Collection_conduct_with_a_demand_or_on_a_Chinese_platform_stays_a_rights_claim(string text) =>
        Assert.Equal(RootCause.RightsClaim, Analyze(text).PrimaryCause);
}

// The eleventh 2.8.0 step: a fault supposed ("if it gets stolen") did not happen; people defending the firm against a
// thread and credit where it is due are no complaint.
public class RuleSet28StepElevenTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("@CoverCo does the contents policy cover my laptop if it gets stolen from the car?")]
    [InlineData("people dragging @RailCo for the storm delays need to chill, they can't run trains through fallen trees. credit where it's due, staff were great")]
    public void A_supposed_fault_or_a_defence_of_the_firm_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void A_theft_that_happened_stays_a_complaint() =>
        Assert.NotEqual(RootCause.None, Analyze("My laptop was stolen from the car and you still haven't paid the claim after six weeks.").PrimaryCause);
}

// The twelfth 2.8.0 step: literal rubbish (收垃圾, 垃圾短信) is no insult.
public class RuleSet28StepTwelveTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Fact]
    public void Rubbish_that_nobody_collects_is_an_unmet_expectation_not_an_insult() =>
        Assert.Equal(RootCause.Expectation, Analyze("物业费一分没少交，小区的垃圾没人收，已经堆了三天了。").PrimaryCause);

    [Fact]
    public void Rubbish_said_of_the_firm_stays_venting() =>
        Assert.Equal(RootCause.Venting, Analyze("什么垃圾物业，垃圾服务，垃圾态度！！").PrimaryCause);
}

// The thirteenth 2.8.0 step: leaving for good ("good riddance", "I'm done") counts among the strong cues that make
// venting drive the text.
public class RuleSet28StepThirteenTests
{
    [Fact]
    public void Leaving_for_good_after_a_failure_is_venting() =>
        Assert.Equal(RootCause.Venting, DefaultRuleSetTests.Analyze(
            "I'm done. Twelve years with this bank and I've moved the lot to another one. Closing our branch and leaving us on hold for an hour killed it. Good riddance.").PrimaryCause);
}
