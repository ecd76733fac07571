namespace ComplaintRules.Tests.DefaultRules;

// Rule set 2.1: complaints from shops, hotels and services the development sample barely covers, written in the
// ordinary grammar of faults rather than in phrases. Sentences written for these tests (not taken from any data set).
public class GeneralisationTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("充电器充不进电，换了插座也一样。")] // negative potential complement: 充不进
    [InlineData("窗户关不严，晚上冷风往里灌。")]
    [InlineData("酒店门口根本打不到车。")]
    [InlineData("包装破了，里面的杯子碎了两个。")] // a damaged state: 破了, 碎了
    [InlineData("耳机左边没声音。")]
    [InlineData("The app logs me out every five minutes.")]
    [InlineData("The jacket shrank after one wash.")]
    [InlineData("The room smelled like smoke and the shower was lukewarm.")]
    [InlineData("The screen kept flickering through the whole film.")]
    public void A_fault_in_ordinary_grammar_is_an_unmet_expectation_about_service(string text)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
        Assert.NotEmpty(result.RootCauses[0].Evidence);
    }

    [Theory]
    [InlineData("The 8:15 was cancelled with zero notice.")]
    [InlineData("Power has been out since noon and still no updates from anyone.")]
    [InlineData("合同改了也没有通知我。")]
    public void Being_left_without_notice_is_a_communication_conflict(string text)
    {
        var result = Analyze(text);
        Assert.Contains(result.ConflictTypes, c => c.Type == ConflictType.Communication);
    }

    [Theory]
    [InlineData("挺喜欢的，就是上门安装费有点贵。")]
    [InlineData("菜的味道还行，就是价格比较贵。")]
    public void A_degree_word_before_expensive_is_about_price(string text)
    {
        var result = Analyze(text);
        Assert.Equal(ConflictType.Price, result.ConflictType);
    }

    [Theory]
    [InlineData("又扣我年费[怒][怒]")]
    [InlineData("Three weeks and my parcel is still nowhere 😡")]
    public void Angry_emoji_and_emoticons_are_venting(string text)
    {
        var result = Analyze(text);
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.Venting);
    }

    [Fact]
    public void One_emotional_word_in_a_long_account_is_not_venting()
    {
        // A long, factual account with one "frustrated" in it: the labelling guide asks for text that is
        // substantially an expression of anger.
        var facts = string.Concat(Enumerable.Repeat(
            "On the fourth I sent the signed form to the branch by recorded post, and the clerk confirmed receipt by phone. ", 10));
        var result = Analyze(facts + "I am frustrated that the transfer has still not been processed.");
        Assert.DoesNotContain(result.RootCauses, c => c.Cause == RootCause.Venting);

        var shortVersion = Analyze("I am frustrated that the transfer has still not been processed.");
        Assert.Contains(shortVersion.RootCauses, c => c.Cause == RootCause.Venting);
    }

    [Theory]
    [InlineData("理赔被拒，说我的情况不在保险责任范围内。", ConflictType.Policy)]
    [InlineData("银行突然把我的信用卡额度从五万降到五千。", ConflictType.Policy)]
    [InlineData("征信上多了一笔不是我申请的贷款。", ConflictType.Other)]
    [InlineData("短信通知写得不清不楚，我以为已经还清了。", ConflictType.Communication)]
    [InlineData("同样的理财产品，老客户的收益率比新客户低。", ConflictType.Price)]
    public void A_finance_complaint_without_a_claim_word_is_still_a_complaint_of_its_type(string text, ConflictType expected)
    {
        var result = Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.Equal(expected, result.ConflictType);
    }

    [Theory]
    [InlineData("@shop just ordered my first pair, can't wait!")]
    [InlineData("@hotel couldn't be happier with the room, no complaints at all")]
    public void Praise_said_with_a_negative_word_is_not_a_complaint(string text)
    {
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);
    }

    [Theory]
    [InlineData("排了三个小时的队，结果告诉我系统坏了，玩我呢？")]
    [InlineData("气得我手都在抖，凭什么这样对待顾客")]
    [InlineData("@foodnow cold food, rude driver, never ordering from you again")]
    [InlineData("@hotel what a dump. avoid at all costs")]
    [InlineData("@bank are you actually kidding me right now")]
    public void Anger_without_a_swear_word_is_venting(string text)
    {
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);
    }

    [Theory]
    [InlineData("今天的面试没过，有点难过")]
    [InlineData("@shop the dress didn't fit, sadly, will have to send it back")]
    public void Sadness_is_not_venting(string text)
    {
        Assert.DoesNotContain(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);
    }

    [Theory]
    [InlineData("@TRANSIT_HELP You too! Have a good weekend")]
    [InlineData("@shop Okay! Thanks for your help!! :)")]
    [InlineData("@bank just paid off my mortgage, never been so happy")]
    [InlineData("@gym sore from yesterday's class but loved every minute")]
    public void A_glad_message_is_not_a_complaint(string text)
    {
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);
    }

    [Theory]
    [InlineData("@plumber booked a slot for Monday and nobody turned up")]
    [InlineData("@garage paid for a repair last week and the squeak is still there")]
    [InlineData("@supermarket the strawberries were mushy and half of them rotten")]
    [InlineData("@travelco the booking page says free cancellation but the agent says I owe a fee")]
    [InlineData("家里的热水器一直漏水，约了两次师傅都没人来")]
    [InlineData("支付了三次都没成功")]
    [InlineData("刚买的羽绒服第二天就降价两百")]
    public void What_happened_instead_of_what_was_due_is_an_unmet_expectation(string text)
    {
        Assert.Equal(RootCause.Expectation, Analyze(text).PrimaryCause);
    }

    [Theory]
    [InlineData("@shop ordered a size 10, received a size 6", RootCause.Expectation)]
    [InlineData("订的是双床房，到了给我安排大床房", RootCause.Expectation)]
    [InlineData("@pizza ordered a margherita and got a free drink, thanks!", RootCause.None)]
    [InlineData("@hotel booked a standard room, you put us in a suite, amazing surprise", RootCause.None)]
    public void Something_else_in_place_of_what_was_ordered_is_an_unmet_expectation_unless_the_customer_is_glad(string text, RootCause expected)
    {
        Assert.Equal(expected, Analyze(text).PrimaryCause);
    }

    [Theory]
    [InlineData("@cabco second driver this evening who cancelled on me at the last minute", RootCause.Expectation)]
    [InlineData("@clinic my test results have been pending for nine days", RootCause.Expectation)]
    [InlineData("@lender your collectors rang my sister at work about my loan", RootCause.RightsClaim)]
    [InlineData("会员权益规则又改了，之前买的权益全没了", RootCause.Expectation)] // 会员权益 are member benefits, not legal rights
    [InlineData("@shop when will the spring range be in stores?", RootCause.None)]
    [InlineData("@gym the new timetable is brilliant, thanks team", RootCause.None)]
    public void Everyday_events_read_as_the_labelling_guide_says(string text, RootCause expected)
    {
        Assert.Equal(expected, Analyze(text).PrimaryCause);
    }

    [Fact]
    public void Several_strong_emotional_cues_make_venting_the_primary_cause()
    {
        var result = Analyze("@telco what a joke. down AGAIN, third time this week, absolutely pathetic!!!");
        Assert.Equal(RootCause.Venting, result.PrimaryCause);
    }

    [Theory]
    [InlineData("收钱的时候倒是挺快，退钱就各种拖")]
    [InlineData("真有你们的，账单错了还要我自己证明")]
    [InlineData("这服务真是绝了，等了一个小时没人理")]
    public void Chinese_sarcasm_is_venting(string text)
    {
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);
    }

    [Fact]
    public void An_interest_rate_alone_is_price_not_a_rights_claim()
    {
        var result = Analyze("贷款利率比别家高一点");
        Assert.DoesNotContain(result.RootCauses, c => c.Cause == RootCause.RightsClaim);
        Assert.Equal(ConflictType.Price, result.ConflictType);
    }

    [Theory]
    [InlineData("@gym why do I have to give 60 days notice to leave? ridiculous rule", ConflictType.Policy)]
    [InlineData("@bank you only allow two free withdrawals a month now", ConflictType.Policy)]
    [InlineData("@rental deposit kept because of a clause nobody pointed out", ConflictType.Policy)]
    [InlineData("银行规定必须本人到柜台办理，我在外地根本回不去", ConflictType.Policy)]
    [InlineData("@shop the advert said 50% off everything, the till said otherwise", ConflictType.Communication)]
    [InlineData("@parking £12 an hour is extortionate", ConflictType.Price)]
    public void A_complaint_about_terms_adverts_or_prices_is_a_complaint_of_that_type(string text, ConflictType expected)
    {
        var result = Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.Equal(expected, result.ConflictType);
    }

    [Fact]
    public void A_polite_question_about_terms_is_not_a_complaint()
    {
        Assert.Equal(RootCause.None, Analyze("@bank hi, can you tell me the notice period on the savings account?").PrimaryCause);
    }

    [Theory]
    [InlineData("办卡时业务员骗我说没有年费，结果还是收了年费")]
    [InlineData("从来没有人告知我分期有手续费")]
    public void A_charge_the_customer_was_misled_about_is_a_communication_conflict(string text)
    {
        Assert.Equal(ConflictType.Communication, Analyze(text).ConflictType);
    }

    [Fact]
    public void Sarcastic_words_in_a_message_of_thanks_are_sincere()
    {
        Assert.Equal(RootCause.None, Analyze("@airline your crew were on point today! Well done and thanks for a smooth flight").PrimaryCause);
        Assert.Contains(Analyze("@airline well done, cancelled again with no notice").RootCauses, c => c.Cause == RootCause.Venting);
    }

    [Theory]
    [InlineData("@insureco my claim has been under review since August", RootCause.Expectation, ConflictType.ServiceQuality)]
    [InlineData("@shopco you refused my return because the box was opened", RootCause.Expectation, ConflictType.Policy)]
    [InlineData("商家说拆封了就不能退", RootCause.Expectation, ConflictType.Policy)]
    [InlineData("重疾险理赔被拒，理由是既往症，但我投保前根本没有这个病，要求重新审核", RootCause.RightsClaim, null)]
    public void Insurers_and_shops_refusals_and_delays(string text, RootCause cause, ConflictType? conflict)
    {
        var result = Analyze(text);
        Assert.Equal(cause, result.PrimaryCause);
        if (conflict is { } expected)
        {
            Assert.Equal(expected, result.ConflictType);
        }
    }

    [Theory]
    [InlineData("@station the new car park machine only accepts coins", RootCause.Expectation, ConflictType.Policy)]
    [InlineData("@water my quarterly bill has doubled and nothing changed at home", RootCause.Expectation, ConflictType.Price)]
    [InlineData("客服说可以退款，第二天又说不行", RootCause.Expectation, ConflictType.Communication)]
    public void Limits_price_rises_contradictions_and_contracts(string text, RootCause cause, ConflictType? conflict)
    {
        var result = Analyze(text);
        Assert.Equal(cause, result.PrimaryCause);
        if (conflict is { } expected)
        {
            Assert.Equal(expected, result.ConflictType);
        }
    }

    [Theory]
    [InlineData("@bank is there a limit on how much I can send abroad in a day?")]
    [InlineData("@garage what's the warranty on a replacement gearbox?")]
    [InlineData("请问这张卡的年费怎么减免？")]
    public void A_request_for_information_is_not_a_complaint(string text)
    {
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);
    }

    [Theory]
    [InlineData("@bank is there a reason my transfer has been stuck for three days?")]
    [InlineData("请问为什么又扣了我的年费？")]
    public void A_question_about_something_gone_wrong_is_still_a_complaint(string text)
    {
        Assert.NotEqual(RootCause.None, Analyze(text).PrimaryCause);
    }

    [Theory]
    [InlineData("@gym you took another payment after I cancelled", ConflictType.Price)]
    [InlineData("@bank you've stopped letting us pay in cheques at the counter", ConflictType.Policy)]
    [InlineData("@airline the seat fee was added at checkout without asking", ConflictType.Price)]
    public void Charges_not_owed_are_price_and_withdrawn_options_are_policy(string text, ConflictType expected)
    {
        var result = Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.Equal(expected, result.ConflictType);
    }

    [Theory]
    [InlineData("@telco I have had it with you. cancelling everything tomorrow")]
    [InlineData("你们是不是有病？同一个问题问了八遍")]
    [InlineData("这种烂服务也好意思收钱？脸呢？")]
    [InlineData("简直无法无天，乱扣钱还不让人投诉")]
    public void Contempt_without_a_swear_word_is_venting(string text)
    {
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);
    }
}
