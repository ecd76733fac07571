namespace ComplaintRules.Tests.DefaultRules;

// Rule set 2.8, steps fourteen to twenty-seven (the first thirteen are in RuleSet28ShapeTests.cs): set phrases of
// contempt, everyday failures, named rules and collections contact, and texts that are no complaint by what they do.
// Every sentence was written for these tests.

// The fourteenth 2.8.0 step: Chinese contempt in its set phrases (怎么不去抢, 就这？, 是摆设吗, the sarcastic 🙂) is venting.
public class RuleSet28StepFourteenTests
{
    [Theory]
    [InlineData("酒店冰箱里一瓶矿泉水标价38，你们怎么不去抢")]
    [InlineData("信号差到在家打电话要站到阳台上，每个月交128，就这？")]
    [InlineData("留言三天没人回，你们客服是摆设吗")]
    [InlineData("感谢某某外卖，让我十二点准时吃上了十点半点的早饭，还是凉的，真是贴心呢🙂")]
    public void Contempt_in_its_set_phrases_is_venting(string text) =>
        Assert.Equal(RootCause.Venting, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// The fifteenth 2.8.0 step: English contempt in more of its set phrases ("truly a marvel of", "what is the point of
// you", "the audacity") is venting.
public class RuleSet28StepFifteenTests
{
    [Theory]
    [InlineData("@ShipCo 'next day delivery' now on day six. truly a marvel of modern logistics")]
    [InlineData("on hold for 50 minutes, transferred three times. what is the point of you")]
    [InlineData("the audacity of @PowerCo sending a 'we value you' email the week my bill went up £20")]
    public void Contempt_in_its_set_phrases_is_venting(string text) =>
        Assert.Equal(RootCause.Venting, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// The sixteenth 2.8.0 step: what should have happened said as the least one could expect ("kind of expected a heads
// up", 起码提前一天说吧) and a promise recalled as a question (不是说…吗) are unmet expectations.
public class RuleSet28StepSixteenTests
{
    [Theory]
    [InlineData("70 minutes in the waiting room for a 2pm appointment. Kind of expected a heads up.")]
    [InlineData("幼儿园晚上十一点才在群里通知明天停课，起码提前一天说吧。")]
    [InlineData("报名的时候不是说固定老师全程带吗？这个月已经换了三个老师。")]
    public void The_least_one_could_expect_or_a_promise_recalled_is_an_unmet_expectation(string text) =>
        Assert.Equal(RootCause.Expectation, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// The seventeenth 2.8.0 step: semi-skimmed milk is no card skimming; "in what universe" is sarcasm; "where is it" after
// a deadline is pressed; "which one am I supposed to believe" is contradicted information.
public class RuleSet28StepSeventeenTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("£3.50 to take out MY OWN money from YOUR cash machine?? in what universe", RootCause.Venting)]
    [InlineData("@ShopCo order said delivered by 9pm today. it's 11:40pm. where is it", RootCause.Expectation)]
    public void The_primary_cause_follows_the_words(string text, RootCause expected) =>
        Assert.Equal(expected, Analyze(text).PrimaryCause);

    [Fact]
    public void Answers_that_disagree_are_communication() =>
        Assert.Equal(ConflictType.Communication, Analyze("The app said the 18:05 was on time, the board said cancelled. Which one am I supposed to believe?").ConflictType);

    [Fact]
    public void Semi_skimmed_milk_is_no_card_fraud() =>
        Assert.DoesNotContain(Analyze("@grocerygo ordered semi-skimmed, got whole milk, ordered bananas, got plantain. again.").ConflictTypes,
            finding => finding.Type == ConflictType.Other);
}

// The eighteenth 2.8.0 step: a belief turned by what is ("以为…结果", "I assumed … turns out") is an unmet expectation.
public class RuleSet28StepEighteenTests
{
    [Theory]
    [InlineData("开了年度会员，以为所有剧都能看，结果热门剧还得另外付费超前点播。")]
    [InlineData("I assumed the upgrade included the lounge. Turns out it's another £30.")]
    public void A_belief_turned_by_what_is_is_an_unmet_expectation(string text) =>
        Assert.Equal(RootCause.Expectation, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// The nineteenth 2.8.0 step: everyday failures in their own words (missed my flight, went to a house two streets
// away) and a price going from one figure to another.
public class RuleSet28StepNineteenTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("Gate changed at the last minute and it was only announced in the app. Missed my flight by five minutes.")]
    [InlineData("@ParcelCo my parcel went to a house two streets away and they signed for it")]
    public void An_everyday_failure_is_an_unmet_expectation(string text) =>
        Assert.Equal(RootCause.Expectation, Analyze(text).PrimaryCause);

    [Fact]
    public void A_price_going_from_one_figure_to_another_is_price() =>
        Assert.Equal(ConflictType.Price, Analyze("I fixed my tariff so my direct debit would not move. Letter today: it's going from £96 to £141 a month.").ConflictType);
}

// The twentieth 2.8.0 step: a question that asks for plain words, mocks or points at answers that disagree is no plain
// question; Chinese mockery (申遗, 是干嘛用的, 玩文字游戏) is sarcasm.
public class RuleSet28StepTwentyTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Fact]
    public void A_question_asking_for_plain_words_is_a_complaint_about_communication()
    {
        var assessment = Analyze("收到银行短信：“您的账户因可疑交易已被管控，原因代码R07”。R07是啥？？能不能写点人话");
        Assert.Equal(RootCause.Expectation, assessment.PrimaryCause);
        Assert.Equal(ConflictType.Communication, assessment.ConflictType);
    }

    [Fact]
    public void A_mocking_question_is_venting() =>
        Assert.Equal(RootCause.Venting, Analyze("提前在APP上预约了上午10点，到了网点前面还有38个人，那预约是干嘛用的？").PrimaryCause);
}

// The twenty-first 2.8.0 step: paying for one thing and getting another ("paying for 500mb, getting 38"), a parcel
// marked delivered that was not, a bot that goes in circles, the same room at two prices.
public class RuleSet28StepTwentyOneTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("@NetCo paying for 500mb, getting 38 on a good day. can u look into this pls", ConflictType.ServiceQuality)]
    [InlineData("@ParcelCo 3rd time this week your driver has marked my parcel delivered while I was sat at the window waiting", ConflictType.ServiceQuality)]
    [InlineData("@BankCo your chat bot just sends me in circles. I want to speak to a human", ConflictType.ServiceQuality)]
    [InlineData("@HotelCo same hotel, same dates. $189 on my phone, $142 on my laptop. explain??", ConflictType.Price)]
    public void An_everyday_failure_is_a_complaint_of_its_type(string text, ConflictType expected)
    {
        var assessment = Analyze(text);
        Assert.Equal(RootCause.Expectation, assessment.PrimaryCause);
        Assert.Equal(expected, assessment.ConflictType);
    }
}

// The twenty-second 2.8.0 step: a suggestion with nothing failed, advice to others in the same spot and a thank-you
// that calls the help warm are no complaint; a "suggestion" that names a failure still is.
public class RuleSet28StepTwentyTwoTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("Suggestion: it'd be handy if the app let you split one bill across two cards. Not a big deal.")]
    [InlineData("建议你们出一个长辈版，现在的界面对老人来说有点复杂。")]
    [InlineData("给同样网贷逾期的朋友一点建议：别躲，主动打电话给平台说明情况，我之前就是这样协商的，催收电话也停了。")]
    [InlineData("感谢理赔员小刘，父亲去世后他帮我们一项一项准备材料，一周就赔下来了。真的很暖。")]
    public void A_text_that_is_no_complaint_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void A_suggestion_that_names_a_failure_stays_a_complaint() =>
        Assert.NotEqual(RootCause.None, Analyze("Suggestion: stop charging me twice for the same order and answer your phone.").PrimaryCause);
}

// The twenty-third 2.8.0 step: a collector's contact with a family member named as one ("my 81 yr old mum", 我妈), calls
// counted by the dozen (一天二十多个电话) and collection agents are collections.
public class RuleSet28StepTwentyThreeTests
{
    [Theory]
    [InlineData("@RecoverCo your people have rung my 81 yr old mum 9 times since sunday about a debt that is MINE not hers. she was crying down the phone.")]
    [InlineData("一天二十多个电话！！！早上七点开始打，半夜还在打，换着号码打，一接起来就是“今天必须还”。")]
    [InlineData("打电话给我妈说再不还钱就上门，我妈七十多了，被吓得一晚上没睡。")]
    public void Collection_contact_is_collections(string text) =>
        Assert.Equal(ConflictType.Collections, DefaultRuleSetTests.Analyze(text).ConflictType);
}

// The twenty-fourth 2.8.0 step: a decision taken at will (说清零就清零, 说封就封), a refund refused under the fare's
// rules (不得退票) and a returns window are policy.
public class RuleSet28StepTwentyFourTests
{
    [Theory]
    [InlineData("积分说清零就清零，提前一个月通知一下会死吗？攒了三年的积分全没了。")]
    [InlineData("特价票说是不得退票不得改签，家属住院也不行，只能退五十块机建费。")]
    public void A_rule_applied_at_will_is_policy(string text) =>
        Assert.Equal(ConflictType.Policy, DefaultRuleSetTests.Analyze(text).ConflictType);
}

// The twenty-fifth 2.8.0 step: a change nobody announced (没广播没短信) and four staff with four answers (四个人四个说法)
// are communication.
public class RuleSet28StepTwentyFiveTests
{
    [Theory]
    [InlineData("登机口临时改了，没广播没短信，APP也没更新，我在原登机口傻等到关舱门。")]
    [InlineData("第一个客服说可以线上销户，第二个说必须去网点，四个人四个说法，你们内部能不能先统一一下口径？")]
    public void Information_not_given_or_not_agreed_is_communication(string text) =>
        Assert.Equal(ConflictType.Communication, DefaultRuleSetTests.Analyze(text).ConflictType);
}

// The twenty-sixth 2.8.0 step: a wrong tag and "I regret nothing" are no complaint; being treated like a shoplifter in
// front of a queue is venting.
public class RuleSet28StepTwentySixTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("sorry @Streamly wrong tag, meant @StreamlineFC 😅")]
    [InlineData("@Cartwells I have eaten an entire tub of your salted caramel ice cream in one sitting and I regret nothing")]
    public void A_post_that_is_no_complaint_raises_no_cause(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void Humiliation_in_public_is_venting() =>
        Assert.Equal(RootCause.Venting, Analyze("@StoreCo the self checkout flagged my own bag and the assistant checked my receipt in front of the whole queue like I was a shoplifter. mortified").PrimaryCause);
}

// The twenty-seventh 2.8.0 step: a firm's reply that speaks of "our service" is no customer's complaint; 我愿称之为 is
// sarcasm.
public class RuleSet28StepTwentySevenTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Fact]
    public void A_firm_reply_raises_no_cause() =>
        Assert.Equal(RootCause.None, Analyze("亲爱的用户您好，非常抱歉给您带来了不愉快的用餐体验，已为您申请全额退款，欢迎您继续监督我们的服务~").PrimaryCause);

    [Fact]
    public void Mock_naming_is_venting() =>
        Assert.Equal(RootCause.Venting, Analyze("高铁上的盒饭45一份，打开四块土豆两片肉，我愿称之为金子饭。").PrimaryCause);
}
