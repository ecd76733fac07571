namespace ComplaintRules.Tests.DefaultRules;

// Rule set 2.2: constructions rather than phrases. Each theory holds one grammatical shape (a missing supply, a
// cancellation done to the customer, a price noun with a rise, a charge after cancelling, praise wrapped round a
// fault) with sentences from several trades. Sentences written for these tests (not taken from any data set).
public class GrammarShapeTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("@fibreco no broadband since 7am again")]
    [InlineData("@mobileco zero signal in the whole village today")]
    [InlineData("@cableco our internet has been down all evening")]
    [InlineData("@bankco the app keeps crashing when I open payments")]
    [InlineData("@hotel wifi keeps cutting out in every room")]
    public void A_supply_or_a_service_that_is_missing_or_down_is_an_unmet_expectation(string text)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
    }

    [Theory]
    [InlineData("@railco the 7:42 is cancelled again")]
    [InlineData("@clinic my appointment was cancelled the night before")]
    [InlineData("@airline our flight got cancelled and nobody rebooked us")]
    public void A_cancellation_done_to_the_customer_is_a_failure(string text)
    {
        var result = Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
    }

    [Theory]
    [InlineData("@gymchain you put the monthly fee up by a fifth")]
    [InlineData("@energyco why is my direct debit going up every quarter??")]
    [InlineData("续保的时候保费涨了一倍")]
    public void A_price_noun_with_a_rise_is_a_price_complaint(string text)
    {
        var result = Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.Equal(ConflictType.Price, result.ConflictType);
    }

    [Fact]
    public void A_rise_that_is_not_a_price_is_not_a_price_change()
    {
        // "payments up to" is a date, not a rise: no bare "up" after a price noun.
        var result = Analyze("I made all my payments up to March and then the car was written off.");
        Assert.NotEqual(ConflictType.Price, result.ConflictType);
    }

    [Theory]
    [InlineData("@telco I cancelled in May and you are still charging me every month")]
    [InlineData("我已经取消了会员，结果下个月还是被扣费了")]
    public void Charged_after_cancelling_is_money_taken_wrongly(string text)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.RightsClaim, result.PrimaryCause);
        Assert.Contains(result.RootCauses[0].Evidence, e => e.Signal == "wrongful_charge");
    }

    [Theory]
    [InlineData("@courierco parcel left out in the rain, soaked through. great work")]
    [InlineData("@fashionhub thx for sending me a torn jumper")]
    [InlineData("谢谢你们啊，让我在门口等了两个小时")]
    public void Praise_or_thanks_wrapped_round_a_fault_in_a_short_message_is_venting_first(string text)
    {
        Assert.Equal(RootCause.Venting, Analyze(text).PrimaryCause);
    }

    [Fact]
    public void Thanks_for_a_problem_solved_is_not_sarcasm()
    {
        var result = Analyze("Thank you for resolving my dispute so quickly, the credit appeared today.");
        Assert.DoesNotContain(result.RootCauses, c => c.Cause == RootCause.Venting);
    }

    [Fact]
    public void Sincere_thanks_in_a_firms_reply_is_not_sarcasm()
    {
        var result = Analyze("房间还可以。酒店回复：感谢您的入住，并给我们提出宝贵的意见。");
        Assert.NotEqual(RootCause.Venting, result.PrimaryCause);
    }

    [Theory]
    [InlineData("They denied my claim saying the policy excludes storm damage.")]
    [InlineData("保险公司拒赔，说合同条款里写了这种情况免责")]
    public void A_decision_that_cites_the_terms_is_a_policy_conflict(string text)
    {
        Assert.Equal(ConflictType.Policy, Analyze(text).ConflictType);
    }

    [Theory]
    [InlineData("@gym you raised the fee and didn't tell anyone")]
    [InlineData("网上写的是含早餐，到了酒店才说要另外收费")]
    public void Being_told_only_afterwards_is_a_communication_conflict(string text)
    {
        Assert.Contains(Analyze(text).ConflictTypes, c => c.Type == ConflictType.Communication);
    }

    [Theory]
    [InlineData("房间很干净，位置也方便，下次还来")]
    [InlineData("这份材料很重要，麻烦尽快帮我寄出，谢谢")]
    public void A_degree_word_before_half_of_a_good_word_is_not_a_fault(string text)
    {
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);
    }

    [Theory]
    [InlineData("为了这件事我打了五次客服电话")]
    [InlineData("I've called them five times about this and emailed twice")]
    public void Having_to_chase_again_and_again_is_a_complaint(string text)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Contains(result.RootCauses[0].Evidence, e => e.Signal == "repeated_contact");
    }

    [Theory]
    [InlineData("地铁上有人外放视频，说了还瞪我，素质呢？")]
    [InlineData("我真的会谢，排了两小时队轮到我说卖完了")]
    [InlineData("@bankco are you for real? third card declined this week")]
    public void Internet_idioms_of_contempt_are_venting(string text)
    {
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);
    }

    [Fact]
    public void A_price_beaten_elsewhere_is_a_price_complaint()
    {
        var result = Analyze("@electronicsco the same headphones are cheaper online than in your own store");
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(ConflictType.Price, result.ConflictType);
    }

    [Theory]
    [InlineData("@airline when should I expect my e-ticket after booking?")]
    [InlineData("@bank I sent you a DM with my new address, thanks")]
    [InlineData("介绍里说的功能都有，很满意")]
    [InlineData("@shop is breakfast included in the room rate?")]
    public void Questions_and_mentions_that_sound_like_a_chase_are_not_complaints(string text)
    {
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);
    }

    [Fact]
    public void Calls_that_sell_something_are_not_debt_collection()
    {
        var result = Analyze("理财经理一直打电话推销保险，说了不需要还天天打");
        Assert.Equal(ConflictType.Communication, result.ConflictType);

        var collection = Analyze("逾期以后催收一直打电话，还打给我的家人");
        Assert.Equal(ConflictType.Collections, collection.ConflictType);
    }

    [Theory]
    [InlineData("@carco six weeks for a part. six weeks.")]
    [InlineData("@bankco 40 minutes to get through to anyone")]
    [InlineData("@hotelchain paid for a king room, got two singles pushed together")]
    public void A_stretch_of_time_spent_on_one_thing_or_something_else_in_its_place_is_a_fault(string text)
    {
        Assert.Equal(RootCause.Expectation, Analyze(text).PrimaryCause);
    }

    [Theory]
    [InlineData("@trainco standing room only on a 3 hour journey, again. living the dream")]
    [InlineData("@bankco oh good, the app is down on payday. what a surprise")]
    public void Deadpan_sarcasm_round_a_fault_is_venting(string text)
    {
        Assert.Equal(RootCause.Venting, Analyze(text).PrimaryCause);
    }

    [Fact]
    public void A_delivery_charge_added_after_free_shipping_was_shown_is_a_price_complaint()
    {
        var result = Analyze("下单的时候说包邮，付款的时候又加了十二块运费");
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(ConflictType.Price, result.ConflictType);
    }

    [Theory]
    [InlineData("I was mis-sold payment protection with my loan and could never have claimed on it.", ConflictType.Communication)]
    [InlineData("Our pet insurance premium went from $38 to $71 a month at renewal.", ConflictType.Price)]
    [InlineData("The bank froze my account for a routine review three weeks ago.", ConflictType.Policy)]
    [InlineData("房贷提前还款要收违约金，签合同的时候没人跟我说过这一条。", ConflictType.Policy)]
    public void Finance_complaints_in_everyday_words_get_their_conflict_type(string text, ConflictType expected)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(expected, result.ConflictType);
    }
}
