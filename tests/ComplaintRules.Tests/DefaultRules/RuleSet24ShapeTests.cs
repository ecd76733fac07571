namespace ComplaintRules.Tests.DefaultRules;

// Rule set 2.4: everyday faults that name no complaint word (something came off, was given away, wiped, counted
// twice, done wrongly), the absolutes the labelling guide names as venting, and the plain questions and thanks that
// carry a complaint word without a complaint. Every sentence was written for these tests.
public class RuleSet24ShapeTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("the handle of the new kettle snapped off on day two")]
    [InlineData("the technician drilled through our kitchen cable")]
    [InlineData("my meal deal came with only half the sides")]
    [InlineData("the plumber left without fixing the leak under the sink")]
    [InlineData("our upload speed is a fraction of what the contract says")]
    [InlineData("the library app wiped all my saved loans")]
    [InlineData("the bedroom smelled of damp the whole stay")]
    [InlineData("my seat on the coach was given to someone else")]
    public void English_faults_in_everyday_words_are_complaints(string text)
    {
        var result = Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.NotEqual(ConflictType.Other, result.ConflictType);
    }

    [Theory]
    [InlineData("前台把我的名字写错了，房卡也开不了门")]
    [InlineData("充电宝用了三天就坏了")]
    [InlineData("这个月水费扣了两次")]
    [InlineData("充值卡里的余额少了两百，查不到任何消费记录")]
    [InlineData("师傅说好今天上午来，到现在没上门")]
    [InlineData("寄来的耳机是用过的，盒子都是开过的")]
    [InlineData("WiFi一会儿就断，打游戏老是断线")]
    public void Chinese_faults_in_everyday_words_are_complaints(string text)
    {
        var result = Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.NotEqual(ConflictType.Other, result.ConflictType);
    }

    [Theory]
    [InlineData("@pizzaplace an hour late and stone cold. never again")]
    [InlineData("这家店的奶茶是我喝过最差的，避雷")]
    public void The_absolutes_the_guide_names_are_venting(string text) =>
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);

    [Theory]
    [InlineData("Thanks for sorting my refund so fast, really appreciate it")]
    [InlineData("How long does a card replacement usually take?")]
    [InlineData("办信用卡一般要多久？")]
    [InlineData("周末的套餐有儿童优惠吗？")]
    public void Thanks_and_plain_questions_are_no_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void A_cancellation_the_customer_tried_is_part_of_the_story_not_a_demand()
    {
        var tried = Analyze("I tried to cancel online and was told I must phone during office hours.");
        Assert.DoesNotContain(tried.RootCauses, c => c.Cause == RootCause.RightsClaim);

        var demanded = Analyze("Cancel the charge you added to my account and refund it in full.");
        Assert.Contains(demanded.RootCauses, c => c.Cause == RootCause.RightsClaim);
    }

    [Theory]
    [InlineData("the morning paper didn't come today either")]
    [InlineData("my booking confirmation never turned up in my inbox")]
    [InlineData("我买的会员到现在也没开通")]
    [InlineData("发票还是没有开给我")]
    public void Something_said_not_to_be_with_nothing_glad_beside_it_is_a_complaint(string text) =>
        Assert.Equal(RootCause.Expectation, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("@shop never been so happy with a delivery")]
    [InlineData("We don't need a receipt, thanks so much for your help")]
    [InlineData("明天不上班，约了朋友去爬山")]
    public void A_negation_in_a_glad_or_neutral_message_makes_no_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("我的车在小区里被贴了罚单")]
    [InlineData("账户在我出国期间被销户了")]
    [InlineData("I got fined for parking in a bay I had a permit for")]
    [InlineData("the kettle leaks from the base since the last repair")]
    [InlineData("the sat nav freezes every few minutes ever since the firmware update")]
    [InlineData("打印机保养以后就一直卡纸")]
    [InlineData("the painters we paid to have the hall done left drips on the floor")]
    public void What_befell_the_customer_or_got_worse_after_the_firms_work_is_a_complaint(string text)
    {
        var result = Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.NotEqual(ConflictType.Other, result.ConflictType);
    }

    [Theory]
    [InlineData("被子很软，床也舒服")]
    [InlineData("请问快递一般几天能到？")]
    [InlineData("since the update the app opens twice as fast, great work")]
    public void Quilts_parcels_and_improvements_are_no_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Fact]
    public void A_parcel_is_not_praise_for_speed()
    {
        // 快递 (express delivery) holds 快 (fast); it must not make a complaint about a parcel glad.
        var result = Analyze("快递员根本没上门，就说我拒收");
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
    }

    [Theory]
    [InlineData("外卖洒了一半，商家一句道歉都没有")]
    [InlineData("@cafe waited 40 minutes and not even an apology from the staff")]
    [InlineData("凭什么退款要扣手续费？？？")]
    [InlineData("说是免费升级，结果收了我两百，正常个鬼")]
    public void Indignation_without_an_anger_word_is_venting(string text) =>
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);

    [Theory]
    [InlineData("今天陪妈妈的朋友去逛街，买了好多东西")]
    [InlineData("洗衣机的滚筒有点脏，该清洗了")]
    [InlineData("小区新装了垃圾分类的垃圾桶")]
    public void Everyday_words_that_hold_an_insult_are_no_insult(string text) =>
        Assert.DoesNotContain(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);

    [Theory]
    [InlineData("签到送的立减金到现在都兑换不了")]
    [InlineData("The sign-up bonus you advertised was never credited to my account")]
    public void A_promotion_not_honoured_is_a_marketing_dispute(string text) =>
        Assert.Equal(ConflictType.Communication, Analyze(text).ConflictType);

    [Theory]
    [InlineData("the card reader won't take my card")]
    [InlineData("customer care hasn't answered my email")]
    public void Trade_words_and_wont_carry_no_praise(string text)
    {
        // "won" (inside "won't") and "care" (customer care) are positive words in the tone lexicon's source: they must
        // not make a complaint look glad.
        var result = Analyze(text);
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
    }

    [Fact]
    public void A_text_typed_wholly_in_capitals_is_not_shouting()
    {
        var allCaps = Analyze("I HAVE REVIEWED MY CREDIT REPORT AND FOUND AN ACCOUNT THAT DOES NOT BELONG TO ME. PLEASE REMOVE IT FROM MY FILE.");
        Assert.DoesNotContain(allCaps.RootCauses, c => c.Cause == RootCause.Venting);

        var shouted = Analyze("@bank I have asked you THREE TIMES to remove this account and you keep IGNORING me");
        Assert.Contains(shouted.RootCauses, c => c.Cause == RootCause.Venting);
    }

    [Theory]
    [InlineData("@courierco parcel still not delivered after nine days. brilliant")]
    [InlineData("@bankco app crashed twice while paying my rent. Fantastic.")]
    public void Praise_right_after_a_failure_is_sarcasm(string text) =>
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);

    [Fact]
    public void Praise_of_a_fix_is_no_sarcasm() =>
        Assert.DoesNotContain(Analyze("@bankco thanks, the app works again and the payment went through. brilliant").RootCauses, c => c.Cause == RootCause.Venting);
}
