namespace ComplaintRules.Tests.DefaultRules;

// Rule set 2.10, one class per step. Every sentence was written for these tests.

// The first 2.10.0 step: in Chinese, a promise with a time in it (说三个工作日内, 答应第二天) then the time gone by is a
// broken promise: an unmet expectation even when the message closes with a polite 谢谢, which alone still marks a
// request or a thank-you as no complaint.
public class RuleSet210StepOneTests
{
    [Theory]
    [InlineData("您好，上个月十号报修的空调，师傅说三个工作日内上门，到现在半个月了还没人来，麻烦尽快安排，谢谢。")]
    [InlineData("网点经理说五个工作日就能办好，今天都两周了还显示在审核，麻烦帮忙查一下，谢谢。")]
    public void A_promise_with_a_time_then_the_time_gone_by_is_an_unmet_expectation(string text) =>
        Assert.Equal(RootCause.Expectation, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("您好，麻烦帮我把收货地址改一下，谢谢。")]
    [InlineData("师傅说第二天来修，今天一早就修好了，谢谢师傅。")]
    public void A_polite_request_or_thanks_is_still_no_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// The second 2.10.0 step: a final break ("never again") is no glad post because a "lol" follows it, and a wait counted
// in minutes ("for the last 50 min") is a wait.
public class RuleSet210StepTwoTests
{
    [Fact]
    public void A_final_break_with_laughter_is_venting() =>
        Assert.Equal(RootCause.Venting, DefaultRuleSetTests.Analyze("@BusCo 9 hours on a coach. never again lol").PrimaryCause);

    [Fact]
    public void A_wait_counted_in_minutes_is_an_unmet_expectation() =>
        Assert.Equal(RootCause.Expectation, DefaultRuleSetTests.Analyze("@FoodCo 'arriving in 10 min' for the last 50 min").PrimaryCause);

    [Fact]
    public void Laughter_with_praise_stays_no_complaint() =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze("@FoodCo delivered in 12 min lol amazing").PrimaryCause);
}

// The third 2.10.0 step: a complaint recorded in the third person (a hotline ticket, a regulator's referral: 市民来电反映,
// 投诉人称, 转办) is a complaint, not news, whatever news words (近日) it holds.
public class RuleSet210StepThreeTests
{
    [Fact]
    public void A_complaint_recorded_for_someone_else_is_a_complaint()
    {
        var result = DefaultRuleSetTests.Analyze("市民来电反映：其在某健身房预付年卡三千元，近日该店突然停业，要求退还剩余费用。");
        Assert.Equal(RootCause.RightsClaim, result.PrimaryCause);
    }

    [Fact]
    public void A_news_item_about_complaints_stays_no_complaint() =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze("记者从市消协获悉，近日共受理消费者投诉三千余件。").PrimaryCause);
}

// The fourth 2.10.0 step: in Chinese, a demand that the firm pay or bear a cost (要求航空公司报销住宿费用) is a rights claim;
// the firm requiring something of the customer (要求我承担运费, 按要求交了材料) is not the customer's demand.
public class RuleSet210StepFourTests
{
    [Theory]
    [InlineData("航班因机械故障取消，我自己花了六百住酒店，要求航空公司报销住宿费用。")]
    [InlineData("转账显示成功对方却没收到，房租逾期产生了两百违约金，要求银行承担这笔违约金。")]
    public void A_demand_that_the_firm_pay_is_a_rights_claim(string text) =>
        Assert.Equal(RootCause.RightsClaim, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("退货时商家要求我承担来回运费，说是店铺规定。")]
    [InlineData("去网点按要求交了全部材料，柜员说已经上报，一周了没有动静。")]
    public void The_firm_requiring_something_is_no_demand_of_the_customer(string text) =>
        Assert.NotEqual(RootCause.RightsClaim, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// The fifth 2.10.0 step: in English, contact counted by the day or timed at odd hours ("9 texts a day", "calls me at
// 7am") about a balance or a debt is collections, and "I'm behind" names a debt.
public class RuleSet210StepFiveTests
{
    [Fact]
    public void Contact_counted_by_the_day_about_a_debt_is_collections() =>
        Assert.Equal(ConflictType.Collections, DefaultRuleSetTests.Analyze("@LoanCo 9 texts a day about a £30 balance from 2018. i'm paying it, leave me alone").ConflictType);

    [Fact]
    public void Marketing_counted_by_the_day_is_no_collections() =>
        Assert.NotEqual(ConflictType.Collections, DefaultRuleSetTests.Analyze("@ShopCo 12 emails a day about your sale, i unsubscribed").ConflictType);
}

// The sixth 2.10.0 step: "charge" right after a sum of money ("a $250 cleaning charge") is a fee, so the conflict is price.
public class RuleSet210StepSixTests
{
    [Fact]
    public void A_sum_named_as_a_charge_is_price() =>
        Assert.Equal(ConflictType.Price, DefaultRuleSetTests.Analyze("A $250 cleaning charge appeared on my card five days after checkout, for a stain that was there when we arrived. Refund it.").ConflictType);
}

// The seventh 2.10.0 step: failures in everyday English: a delivery rescheduled, a facility "out of service", an order
// that "came with" what was not ordered; "would have liked to know" is information withheld.
public class RuleSet210StepSevenTests
{
    [Theory]
    [InlineData("@ParcelCo rescheduled my delivery again, third day i've stayed in for it")]
    [InlineData("@HotelCo the pool in your photos has a sign on it saying out of service")]
    [InlineData("@FoodCo ordered the veggie wrap, it came with chicken in it")]
    public void An_everyday_failure_is_an_unmet_expectation(string text) =>
        Assert.Equal(RootCause.Expectation, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Fact]
    public void Would_have_liked_to_know_is_communication() =>
        Assert.Equal(ConflictType.Communication, DefaultRuleSetTests.Analyze("@InsureCo my agent said the premium would stay about the same. its $60 more a month. would have liked to know before i signed").ConflictType);
}

// The eighth 2.10.0 step: "still" is a failure that goes on (`persistence`), no longer a repeated one: it weighs in tone
// and intensity as before, but alone makes no complaint serious and leaves a question whether something holds ("is the
// discount still a thing?") a plain question.
public class RuleSet210StepEightTests
{
    [Theory]
    [InlineData("@CafeCo is the student discount still a thing or did they end it?")]
    [InlineData("@TrainCo does the 7:10 still stop at Elmwood on Sundays?")]
    public void Still_in_a_plain_question_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Fact]
    public void Still_alone_is_no_repeated_failure()
    {
        var result = DefaultRuleSetTests.Analyze("@BankCo still no sign of my new card");
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(Severity.Standard, result.Severity);
    }

    [Fact]
    public void A_failure_repeated_stays_serious() =>
        Assert.Equal(Severity.Serious, DefaultRuleSetTests.Analyze("@BankCo my new card still hasn't come, called three times now").Severity);
}

// The ninth 2.10.0 step: praise for a person in everyday English ("you're a legend", "hope he gets a bonus", "seriously
// appreciated") makes a post glad whatever mishap it tells of; "not impressed" stays a complaint.
public class RuleSet210StepNineTests
{
    [Theory]
    [InlineData("shoutout to the @CabCo driver who waited while i grabbed my bag and didn't charge for it. you're a legend")]
    [InlineData("@GroceryCo your driver carried the shopping up 5 floors when the lift was broken. hope he gets a bonus")]
    public void Praise_for_a_person_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Fact]
    public void Not_impressed_stays_a_complaint() =>
        Assert.NotEqual(RootCause.None, DefaultRuleSetTests.Analyze("@HotelCo the receptionist rolled her eyes and said not my problem. Not impressed at all.").PrimaryCause);
}

// The tenth 2.10.0 step: a question about a timetable or a rule with the customer's own search beside it ("can't see it
// on the planner", "anything I should know about") is a plain question; a one- or two-star rating is a verdict, and a
// stream that "buffers" is a failure.
public class RuleSet210StepTenTests
{
    [Theory]
    [InlineData("is @RailCo running replacement buses on Sunday? can't see it on the planner")]
    [InlineData("flying @AirCo next week, anything I should know about their bag rules?")]
    public void A_question_with_the_customers_own_search_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Fact]
    public void A_one_star_rating_is_venting() =>
        Assert.Equal(RootCause.Venting, DefaultRuleSetTests.Analyze("★☆☆☆☆ Really impressive how the engineer has been 'on his way' since 8am").PrimaryCause);

    [Fact]
    public void A_stream_that_buffers_is_an_unmet_expectation() =>
        Assert.Equal(RootCause.Expectation, DefaultRuleSetTests.Analyze("@StreamCo the final buffers every 20 seconds. paid 15 quid for this").PrimaryCause);
}

// The eleventh 2.10.0 step: in Chinese, a question put to others (问下懂的朋友, 有没有懂的, 求指路) is a plain question, and a
// review that ends on a recommendation (整体推荐, 处理得挺好) is glad whatever small fault it names.
public class RuleSet210StepElevenTests
{
    [Theory]
    [InlineData("问下懂的朋友，重疾险买了之后体检查出结节，续保会不会被拒？")]
    [InlineData("服务态度好，环境干净，就是停车有点难找，整体推荐！")]
    public void A_question_to_others_or_a_recommendation_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// The twelfth 2.10.0 step: deadpan sarcasm in English ("yeah no kidding", "almost like you don't want") is venting.
public class RuleSet210StepTwelveTests
{
    [Theory]
    [InlineData("@AppCo can't log in since the update. 'something went wrong'. yeah no kidding")]
    [InlineData("@RailCo the refund form crashes at the upload step every time. almost like you don't want people claiming")]
    public void Deadpan_sarcasm_is_venting(string text) =>
        Assert.Equal(RootCause.Venting, DefaultRuleSetTests.Analyze(text).RootCauses.MaxBy(c => c.Score)!.Cause); // the rules' strongest cause; the tie-break may order a close one first
}

// The thirteenth 2.10.0 step: a complaint about what a credit record holds is serious (it can cost the customer credit),
// and fraud on a credit record (fraudulent inquiries, accounts opened by someone else) is critical, as the labelling
// guide has it.
public class RuleSet210StepThirteenTests
{
    [Theory]
    [InlineData("My credit report shows a late payment that never happened and I was turned down for a mortgage because of it. Correct it.")]
    [InlineData("征信上多了一条逾期记录，可我每期都按时还了，要求更正。")]
    public void A_complaint_about_a_credit_record_is_serious(string text) =>
        Assert.Equal(Severity.Serious, DefaultRuleSetTests.Analyze(text).Severity);

    [Fact]
    public void Fraud_on_a_credit_record_is_critical() =>
        Assert.Equal(Severity.Critical, DefaultRuleSetTests.Analyze("Fraudulent inquiries are showing on my credit report. Remove them.").Severity);

    [Fact]
    public void A_complaint_with_no_credit_record_stays_standard() =>
        Assert.Equal(Severity.Standard, DefaultRuleSetTests.Analyze("The delivery was two hours late and the driver was rude to my mother.").Severity);
}

// The fourteenth 2.10.0 step: an injury told in everyday words (扎破, 流血, "needed stitches") is a safety matter, so critical.
public class RuleSet210StepFourteenTests
{
    [Theory]
    [InlineData("外卖里吃出一根钉子，把嘴扎破了，流了不少血。")]
    [InlineData("The glass shower door shattered and I needed stitches in my foot.")]
    public void An_injury_is_critical(string text) =>
        Assert.Equal(Severity.Critical, DefaultRuleSetTests.Analyze(text).Severity);
}

// The fifteenth 2.10.0 step: money taken wrongly (charged twice, a fee not owed) or an act on the account the customer
// never authorised (不经本人同意开通) is serious: money lost and wrongdoing alleged, in the labelling guide's words.
public class RuleSet210StepFifteenTests
{
    [Theory]
    [InlineData("I was charged twice for the same order and want the second charge refunded.")]
    [InlineData("不经本人同意给我开了会员，每个月自动扣费三十块。")]
    public void Money_taken_wrongly_is_serious(string text) =>
        Assert.Equal(Severity.Serious, DefaultRuleSetTests.Analyze(text).Severity);
}

// The sixteenth 2.10.0 step: mock thanks ("thanks for cancelling my flight") is sarcasm for intensity too, so it raises
// the intensity of the complaint it wraps, not only its venting.
public class RuleSet210StepSixteenTests
{
    [Fact]
    public void Mock_thanks_raises_intensity() =>
        Assert.True(DefaultRuleSetTests.Analyze("Thanks @AirCo for cancelling my flight and not telling me").Intensity >= 1);
}
