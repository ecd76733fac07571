namespace ComplaintRules.Tests.DefaultRules;

// Rule set 2.6: glad posts that mention a firm in passing, questions about a fee or a rule, news of a fine or an
// outage told by a reporter, and the conflict types a customer names without the textbook word (a collector ringing
// a manager, a waiting period, a daily limit, a notice nobody sent). Every sentence was written for these tests.
public class RuleSet26ShapeTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("hahaha the @QuickCart driver ended up helping my dad carry the bins in. best day 😂")]
    [InlineData("ill be honest, the new @RiverRail seats are so comfy I nearly missed my stop ✨")]
    [InlineData("哈哈哈 外卖小哥送餐的时候顺手帮我把快递也拿上来了，太开心了❤️")]
    public void A_glad_post_that_mentions_a_firm_in_passing_is_no_complaint(string text)
    {
        var result = Analyze(text);
        Assert.Equal(RootCause.None, result.PrimaryCause);
        Assert.Empty(result.RootCauses);
    }

    [Theory]
    [InlineData("great, my @QuickCart order is 2 hours late again 😂 love this for me")]
    [InlineData("hahaha @RiverRail cancelled my train AGAIN, what a joke, I want my money back")]
    public void Laughter_beside_a_failure_and_a_demand_stays_a_complaint(string text) =>
        Assert.NotEqual(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("Does the £5 card replacement charge still apply if I order a second card for my partner? Just want to check first.")]
    [InlineData("@HomeFibre whats the notice period if I move out of the area next spring?")]
    [InlineData("想问一下，年费卡如果一年刷满六次，第二年的年费还要收吗？")]
    public void A_question_about_a_fee_or_a_rule_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("Storm disruption: Coastline Trains confirms no services west of Exeter tonight. Passengers advised to check before travelling.")]
    [InlineData("据监管部门网站消息，某保险公司因误导销售被处以罚款80万元，相关负责人被警告。")]
    public void A_reporters_news_item_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("Someone from Northgate Recoveries rang my work number twice today and my manager answered. I told them I pay on the 30th.", ConflictType.Collections)]
    [InlineData("买的重疾险，确诊后去理赔，说还在等待期内，一分钱不赔，只退保费。", ConflictType.Policy)]
    [InlineData("Tried to pay my builder and the bank said the daily limit is £10,000 and they can't override it, even in branch.", ConflictType.Policy)]
    [InlineData("The insurer added a £300 excess to my renewal. No letter, no email, no push notification about it.", ConflictType.Communication)]
    public void Conflict_types_named_without_the_textbook_word(string text, ConflictType expected) =>
        Assert.Equal(expected, Analyze(text).ConflictType);

    [Theory]
    [InlineData("ah yes, the classic 'your parcel is on its way' email for a parcel that has not moved in nine days")]
    [InlineData("Three engineers, three missed appointments. Genuinely impressive work 👏👏")]
    public void Sarcasm_without_anger_words_is_venting(string text) =>
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);
}

// The second 2.6.0 step: thanks to someone who helped with a mishap, brand questions in tweet shorthand, and sarcasm
// that thanks a firm for its failure.
public class RuleSet26TweetTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("Shout out to the driver on the 8:05 who waited for my mum when her walking frame got stuck in the door. Such a kind man.")]
    [InlineData("@CoastBank just want to say your branch team were brilliant. my purse was stolen on friday and they had a new card to me the next day")]
    [InlineData("@SkyHop delayed two hours but the cabin crew were lovely and kept the kids entertained. can't complain 😂")]
    public void Thanks_for_help_with_a_mishap_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("@CoastBank quick q, does my overdraft buffer reset every month?")]
    [InlineData("@RailNorth can I use a child ticket for my 16 year old or is that peak only? sorry if stupid question")]
    [InlineData("@CoastBank how do I order a card reader? cant find it anywhere in the app")]
    public void A_brand_question_in_tweet_shorthand_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("@SpeedyNet cheers for the 3 hour wait on hold today, really feeling the love")]
    [InlineData("'Your journey matters to us' says the company that has cancelled my train four days running @RailNorth")]
    public void Thanking_a_firm_for_its_failure_is_venting(string text) =>
        Assert.Contains(Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);

    [Fact]
    public void A_promotion_quoted_in_a_complaint_stays_a_complaint() =>
        Assert.NotEqual(RootCause.None, Analyze(
            "Signed up because the advert said 0% for a year, no catch. First statement has a £40 fee on it. Nobody mentioned that.").PrimaryCause);
}

// The third 2.6.0 step: a message that ends glad (its closing sentence thanks or praises, nothing negative in it),
// whatever went wrong on the way, is no complaint; one that ends on the fault stays a complaint.
public class RuleSet26ClosingTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("Curry arrived a bit later than the app said. Still piping hot and the rice was perfect. Will order again.")]
    [InlineData("Check-in took a while because the system was down, and the staff kept us posted the whole time. Would definitely book again.")]
    [InlineData("空调一开始有点响，报修后半小时就来人修好了，谢谢师傅👍")]
    public void A_message_that_ends_glad_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("Will order again, I thought. Then the curry arrived cold and an hour late.")]
    [InlineData("Would definitely book again? No. The room was dirty and the shower was broken.")]
    public void A_message_that_ends_on_the_fault_stays_a_complaint(string text) =>
        Assert.NotEqual(RootCause.None, Analyze(text).PrimaryCause);
}

// The fourth 2.6.0 step: what a message does, when it is no complaint of the writer's own: a firm's reply, a customer
// closing their complaint, one customer advising others, account admin, a letter of praise, news with attribution.
public class RuleSet26PurposeTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("@tom_h We're so sorry to hear your parcel turned up crushed. Please DM us your order number and we'll get a replacement out today. ^Priya")]
    [InlineData("Please close my complaint about the duplicate card payment: the money is back in my account and I'm happy with the outcome.")]
    [InlineData("本人前天投诉的退款问题，商家已经全额退回，问题已解决，申请撤销投诉，谢谢。")]
    [InlineData("@maya_b if yours says delivered but isn't there, check the photo in the app first. What worked for me was reporting it within a day.")]
    [InlineData("姐妹们，信用卡分期提前还的话记得先问清楚手续费怎么算，可以让客服发短信确认。")]
    [InlineData("Hello, I've moved house and need to update the billing address on my account. My new address is 3 Mill Lane, Bath.")]
    [InlineData("想表扬一下营业厅的小陈，我奶奶耳朵不好，她一遍遍耐心地讲，还帮忙把手机设置好了。")]
    [InlineData("Lender agrees to refund borrowers after charging unlawful fees, regulators said Tuesday. The company did not admit wrongdoing.")]
    public void A_message_that_is_no_complaint_of_the_writers_own(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("姐妹们避雷！这家店发的货和图片完全不一样，客服还不理人。")]
    [InlineData("I want to withdraw my complaint?? No. You still haven't refunded me and I'm going to the ombudsman.")]
    [InlineData("I've moved house and you still sent the bill to the old address, and now there's a late fee on it.")]
    public void A_complaint_in_the_same_frame_stays_a_complaint(string text) =>
        Assert.NotEqual(RootCause.None, Analyze(text).PrimaryCause);
}

// The fifth 2.6.0 step: the firm's own letters, texts about complaint handling, the customer's own fault, a matter
// that sorted itself out, and guides for other customers.
public class RuleSet26VoiceTests
{
    private static ComplaintAssessment Analyze(string text) => DefaultRuleSetTests.Analyze(text);

    [Theory]
    [InlineData("Dear Ms Reyes, thank you for contacting us about the late fee on your card. Having reviewed your account, we have refunded the £12 and updated your records.")]
    [InlineData("尊敬的客户：关于您反映的转账延迟问题，经核查系系统维护所致，对此我们深表歉意，款项已于今日到账。")]
    [InlineData("We're hiring a Customer Complaints Officer to investigate billing disputes and agree refunds. Apply now.")]
    [InlineData("【培训案例】客户投诉快递破损，处理要点：先道歉，再核实，最后给出补偿方案。")]
    [InlineData("bought the wrong size duvet cover, totally my fault lol. does anyone know if @HomeNest take returns on opened packs?")]
    [InlineData("Please ignore my email from earlier about the missing transfer, it's just appeared. Sorry for the bother!")]
    [InlineData("PSA for anyone flying this month: if your flight is delayed over three hours you're probably owed compensation, so keep your boarding pass.")]
    public void A_text_that_is_not_a_customers_complaint(string text) =>
        Assert.Equal(RootCause.None, Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("You wrote 'thank you for contacting us' and then did nothing for three weeks. I still have no refund.")]
    [InlineData("My fault for trusting you again: the replacement arrived broken too. I want my money back.")]
    public void A_complaint_that_quotes_the_frame_stays_a_complaint(string text) =>
        Assert.NotEqual(RootCause.None, Analyze(text).PrimaryCause);
}

// Calls about a debt the customer has an arrangement to pay: collections, whatever else went wrong.
public class RuleSet26CollectionsTests
{
    [Theory]
    [InlineData("I agreed a payment plan of £30 a month in May and have paid every month. Your team still calls me twice a day.")]
    [InlineData("上个月已经和平台协商还款，分10期，第一期按时还了，结果这周一天十几个电话，还说要通知村委会。")]
    public void Calls_beside_a_repayment_arrangement_are_collections(string text) =>
        Assert.Equal(ConflictType.Collections, DefaultRuleSetTests.Analyze(text).ConflictType);
}

// Contempt nouns for a firm are insults (the labelling guide's venting).
public class RuleSet26ContemptTests
{
    [Theory]
    [InlineData("@FastFibre three missed engineer visits. absolute shambles, the lot of you")]
    [InlineData("Charged me twice and kept both. Shysters.")]
    public void Contempt_for_the_firm_is_venting(string text) =>
        Assert.Contains(DefaultRuleSetTests.Analyze(text).RootCauses, c => c.Cause == RootCause.Venting);
}

// A fear that did not come true, a question in a forum's words, complaint statistics and a training note.
public class RuleSet26ForumTests
{
    [Theory]
    [InlineData("Was dreading the mortgage switch after all the stories. It went smoothly and was quicker than expected.")]
    [InlineData("本来以为换卡会很麻烦，结果比想象中快，两天就办好了，爱了爱了")]
    [InlineData("求问：信用卡分期提前还款的话，剩下的手续费还要收吗？")]
    [InlineData("Bank complaints rose 8% year over year, according to the regulator's annual report.")]
    [InlineData("【客服培训要点】客户情绪激动时先倾听、再安抚，不要说“这是规定”。")]
    public void Not_a_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// Hype in slang is praise, a lawyer's advert is a promotion, a withdrawn ticket is closed.
public class RuleSet26SlangTests
{
    [Theory]
    [InlineData("the new @CrumbHouse cinnamon bun slaps, genuinely unreal")]
    [InlineData("Owed money by a debt collector who called your boss? You could be entitled to compensation. Free consultation, call now.")]
    [InlineData("您好，商家已经处理好了，麻烦把昨天那个工单撤销一下，谢谢。")]
    [InlineData("有没有人知道信用卡逾期一天会不会上征信？想提前了解一下。")]
    public void Not_a_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// Texts about complaints that are none: an owner's public response, a training drill, a lawyer's how-to, a product's
// mandatory risk notice.
public class RuleSet26GenreTests
{
    [Theory]
    [InlineData("Response from the owner: Hi Priya, we're sorry the room wasn't ready on arrival and have passed your comments to housekeeping.")]
    [InlineData("【情景演练二】客户：“你们的快递太慢了，我要投诉！” 要点：先道歉，再核实物流信息。")]
    [InlineData("信用卡年费怎么免？教你几招：刷够次数，打客服申请，或者换一张无年费的卡。")]
    [InlineData("📣 新发稳健理财，业绩比较基准3.2%，周五开售，先到先得。理财非存款，产品有风险，投资须谨慎。")]
    public void A_text_about_complaints_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}
