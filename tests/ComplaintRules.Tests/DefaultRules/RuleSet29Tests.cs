namespace ComplaintRules.Tests.DefaultRules;

// Rule set 2.9, one class per step. Every sentence was written for these tests.

// The first 2.9.0 step: in Chinese, a loan or a credit enquiry the customer says they never took (本人从未在…申请过贷款,
// 不是我借的) is unauthorised activity, conflict type other, and critical (identity misuse), not a record kept badly.
public class RuleSet29StepOneTests
{
    [Theory]
    [InlineData("本人从未在某某消费金融申请过任何贷款，征信报告上却有一笔该公司的逾期记录，要求立即删除并书面说明。")]
    [InlineData("查征信发现名下多了一笔网贷，不是我借的，这个平台的APP我都没下载过，要求注销这笔贷款。")]
    [InlineData("我从来没在这家小贷公司借过钱，征信上却挂着八千元逾期，肯定是身份证被人冒用了。")]
    [InlineData("查征信发现名下有一张信用卡，我从来没办过，上面还挂着两年的逾期记录。")]
    public void A_loan_never_taken_is_unauthorised_activity_and_critical(string text)
    {
        var result = DefaultRuleSetTests.Analyze(text);
        Assert.Equal(ConflictType.Other, result.ConflictType);
        Assert.Equal(Severity.Critical, result.Severity);
    }

    [Theory]
    [InlineData("我申请的贷款审批通过了，可是一直没有到账，征信上却已经显示放款，客服也说不清楚。")]
    [InlineData("征信上的逾期记录是银行扣款失败造成的，我卡里明明有钱，要求更正。")]
    public void A_loan_the_customer_did_take_is_no_identity_misuse(string text) =>
        Assert.NotEqual(ConflictType.Other, DefaultRuleSetTests.Analyze(text).ConflictType);
}

// The second 2.9.0 step: a complaint told as a help request or a chase in everyday words ("can I complain to you
// about", "any answer on my email", "was working fine yesterday", "just keeps loading") is an unmet expectation.
public class RuleSet29StepTwoTests
{
    [Theory]
    [InlineData("@ShopCo can I complain to you about the parcel that just arrived?")]
    [InlineData("@AppCo any answer on my email from last week?")]
    [InlineData("@CableCo the router was working fine yesterday. Did everything the agent said")]
    [InlineData("@ShopCo been trying to check out for an hour and the page just keeps loading")]
    public void A_help_request_or_a_chase_is_an_unmet_expectation(string text) =>
        Assert.Equal(RootCause.Expectation, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Theory]
    [InlineData("@ShopCo not complaining at all, the new app is lovely")]
    [InlineData("had a problem with my order but it was sorted in minutes, thanks @ShopCo!")]
    public void Words_of_complaint_negated_or_put_right_are_no_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// The third 2.9.0 step: in Chinese, money taken in everyday verbs (扣了, 被扣, 划走) is a deduction, and consent refused
// in its other spellings (不经本人同意) is consent refused: a charge taken so is price.
public class RuleSet29StepThreeTests
{
    [Theory]
    [InlineData("退房的时候押金被扣了三百，说床单有污渍，可那是入住前就有的，要求退还。")]
    [InlineData("不经本人同意给我开了一个会员，每个月从卡里划走十五块，要求全部退回。")]
    public void Money_taken_in_everyday_verbs_is_a_charge(string text) =>
        Assert.Equal(ConflictType.Price, DefaultRuleSetTests.Analyze(text).ConflictType);
}

// The fourth 2.9.0 step: praise said with a negative word (房费也不离谱, 没踩雷, "no notes", "5 stars"), a fault supposed in
// Chinese (会不会冻坏, 万一丢了) and one's own bad day ("I hate Mondays") report no fault of the firm.
public class RuleSet29StepFourTests
{
    [Theory]
    [InlineData("第一次在这个平台订酒店，房费也不离谱，前台很热情")]
    [InlineData("想问下寄一箱水果到东北，冬天会不会冻坏，需要加保温吗")]
    [InlineData("@CafeCo the barista remembered my order again. 5 stars. no notes")]
    [InlineData("I hate Mondays. but a @BakeCo cinnamon bun on my desk by nine? I can survive")]
    public void Praise_with_a_negative_word_or_a_fault_supposed_is_no_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Fact]
    public void A_fault_that_happened_is_still_a_complaint() =>
        Assert.NotEqual(RootCause.None, DefaultRuleSetTests.Analyze("快递把一箱水果压坏了一半，还冻坏了几个，要求赔偿").PrimaryCause);
}

// The fifth 2.9.0 step: a leak of personal data outranks the sales words around it (the calls that follow a leak), and
// 个人信息 named alone (filling in a form) is no leak.
public class RuleSet29StepFiveTests
{
    [Theory]
    [InlineData("自从你们泄露了我的信息，每天都有推销电话打来，要求说明信息是怎么泄露的。")]
    [InlineData("我的信息被泄露了，现在天天接到各种贷款推销电话，请查明是谁卖了我的信息。")]
    public void A_data_leak_is_the_conflict_whatever_sales_words_it_holds(string text) =>
        Assert.Equal(ConflictType.Other, DefaultRuleSetTests.Analyze(text).ConflictType);

    [Fact]
    public void Personal_details_filled_in_are_no_leak() =>
        Assert.NotEqual(ConflictType.Other, DefaultRuleSetTests.Analyze("填写个人信息领了一张30元话费券，结果发现是给我投了一份保险").ConflictType);
}

// The sixth 2.9.0 step: a rule changed or a term applied, with "nobody told me" beside it, is about the rule (policy):
// missing information weighs a little less than the term it is about (information_asymmetry 0.55 -> 0.53).
public class RuleSet29StepSixTests
{
    [Fact]
    public void A_rule_changed_without_notice_is_policy() =>
        Assert.Equal(ConflictType.Policy, DefaultRuleSetTests.Analyze("健身卡的规则说改就改，以前每天都能约课，现在一周只能约三节，也不提前通知一声。").ConflictType);

    [Fact]
    public void Information_kept_back_on_its_own_is_still_communication() =>
        Assert.Equal(ConflictType.Communication, DefaultRuleSetTests.Analyze("办卡的时候没有人告诉我还要另外交一笔开卡费，现在才知道。").ConflictType);
}

// The seventh 2.9.0 step: money asked back in everyday words ("the £23 I'm owed", "I need the second one back") and a
// replacement asked for ("I want a replacement") are rights claims; a replacement card asked after is not.
public class RuleSet29StepSevenTests
{
    [Theory]
    [InlineData("@RailCo delay claim rejected again even though I uploaded the ticket. I'd like the £23 I'm owed please.")]
    [InlineData("@LoanCo you took my payment twice this month. I need the second one back today, it's my rent.")]
    [InlineData("@ShopCo the blender you sent cracked on the first use. I want a replacement, not a voucher.")]
    public void Money_or_a_replacement_asked_for_is_a_rights_claim(string text) =>
        Assert.Equal(RootCause.RightsClaim, DefaultRuleSetTests.Analyze(text).PrimaryCause);

    [Fact]
    public void A_replacement_card_asked_after_is_no_claim() =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze("Where do I send the form for a replacement card?").PrimaryCause);
}

// The eighth 2.9.0 step: two sums of money set side by side in a short English post ("£4.80 for a latte, it was £3.90")
// are a complaint about price (money_sum: a currency sign or word), unless the post is glad.
public class RuleSet29StepEightTests
{
    [Theory]
    [InlineData("@CafeCo £4.80 for an oat latte now. it was £3.90 in January.")]
    [InlineData("@ShopCo £7.99 delivery on a £3 phone case")]
    [InlineData("@BankCo $36 overdraft fee on a $1.80 bus ticket")]
    public void Two_sums_side_by_side_are_a_price_complaint(string text)
    {
        var result = DefaultRuleSetTests.Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.Equal(ConflictType.Price, result.ConflictType);
    }

    [Fact]
    public void Sums_in_a_glad_post_are_no_complaint() =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze("@ShopCo refunded the £60 they double-billed and took £10 off next month. sorted, thanks!").PrimaryCause);
}

// The ninth 2.9.0 step: a Chinese rhetorical affirmation (这不就是…吗, 难道不是, 岂不是) says that it is: its 不 negates
// nothing.
public class RuleSet29StepNineTests
{
    [Fact]
    public void Isnt_this_just_price_discrimination_is_price_discrimination()
    {
        var result = DefaultRuleSetTests.Analyze("同一个房型我的账号显示699，朋友的新账号显示529，这不就是大数据杀熟吗");
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.Equal(ConflictType.Price, result.ConflictType);
    }
}

// The tenth 2.9.0 step: Chinese everyday words for a price too high to bear (吃不起), a bill grown by half again
// (多了快一倍), old customers paying more than new ones, an estimate then what actually came (预计…实际…), and "lol.
// lmao even" as exasperation.
public class RuleSet29StepTenTests
{
    [Theory]
    [InlineData("在这家用了八年的老用户，每月128，现在新用户69就能办一样的套餐，凭什么？")]
    [InlineData("这个月水费比上个月多了快一倍，家里一直就两个人，麻烦查一下。")]
    public void Old_customers_paying_more_or_a_bill_grown_are_price(string text)
    {
        var result = DefaultRuleSetTests.Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.Equal(ConflictType.Price, result.ConflictType);
    }

    [Fact]
    public void An_estimate_then_what_came_is_an_unmet_expectation() =>
        Assert.Equal(RootCause.Expectation, DefaultRuleSetTests.Analyze("预计四十分钟送达 实际两个小时 饭全凉了").PrimaryCause);

    [Fact]
    public void Lol_lmao_even_is_exasperation() =>
        Assert.Equal(RootCause.Venting, DefaultRuleSetTests.Analyze("£6.99 delivery on a £2 bag of crisps @SnackCo. lol. lmao even.").PrimaryCause);
}

// The eleventh 2.9.0 step: "update" as a thing that happened ("since the latest update my battery drains") is no
// request to update one's details.
public class RuleSet29StepElevenTests
{
    [Fact]
    public void An_update_that_broke_something_is_an_unmet_expectation() =>
        Assert.Equal(RootCause.Expectation, DefaultRuleSetTests.Analyze("@PhoneCo since the latest update my battery drains in four hours").PrimaryCause);

    [Fact]
    public void Update_my_details_is_still_a_request() =>
        Assert.Contains(DefaultRuleSetTests.Analyze("I moved house two months ago and you still haven't managed to update my address. Update my details now please.").RootCauses, c => c.Cause == RootCause.RightsClaim);
}

// The twelfth 2.9.0 step: words of a promotion with a failure in them ("promo code isn't working") are a customer's
// complaint about the promotion, not the firm's own advert.
public class RuleSet29StepTwelveTests
{
    [Fact]
    public void A_promo_code_that_fails_is_a_complaint() =>
        Assert.Equal(RootCause.Expectation, DefaultRuleSetTests.Analyze("@ShopCo promo code isn't working at checkout").PrimaryCause);

    [Fact]
    public void The_firms_own_promotion_is_still_no_complaint() =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze("Spring sale: 20% off all garden furniture this weekend only. Use code GARDEN20 at checkout. T&Cs apply.").PrimaryCause);
}

// The thirteenth 2.9.0 step: a prepaid shop shut without warning (突然关门, 跑路, 人去楼空) is a service paid for and not
// given.
public class RuleSet29StepThirteenTests
{
    [Fact]
    public void A_shop_gone_with_the_prepaid_card_is_a_complaint() =>
        Assert.NotEqual(RootCause.None, DefaultRuleSetTests.Analyze("健身房突然关门了，年卡还剩八个月").PrimaryCause);
}

// The fourteenth 2.9.0 step: a claim in everyday words: what we're owed, a refusal to pay more, asking for a bill to be
// put back, a rule named (UK261, "supposed to be banned").
public class RuleSet29StepFourteenTests
{
    [Theory]
    [InlineData("@AirCo cancelled our flight an hour before boarding. Under UK261 we're owed £220 each. Claim sent.")]
    [InlineData("@GasCo you've billed me for three years of estimates. I'll pay for the last twelve months and not a penny more.")]
    [InlineData("@PowerCo why has my monthly payment jumped from £70 to £190? just put it back to what it was")]
    public void A_claim_in_everyday_words_is_a_rights_claim(string text) =>
        Assert.Equal(RootCause.RightsClaim, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// The fifteenth 2.9.0 step: calls to a relative about the customer's own account or card are debt collection.
public class RuleSet29StepFifteenTests
{
    [Fact]
    public void Calling_a_relative_about_my_card_is_collections() =>
        Assert.Equal(ConflictType.Collections, DefaultRuleSetTests.Analyze("Your agents keep calling my father about my credit card. He is not on the account. Stop it.").ConflictType);
}

// The sixteenth 2.9.0 step: Chinese praise said with a demand word (必须表扬, 必须夸一下) or a denial (不是广告) is praise,
// and a repost's frame (【转】, 给爸妈看看) is news passed on.
public class RuleSet29StepSixteenTests
{
    [Theory]
    [InlineData("小区物业今天上门修水管，师傅很专业，半小时搞定还把地拖干净了，必须表扬")]
    [InlineData("【转】#多家银行下调存款利率# 今日起三年期定期下调25个基点。给爸妈看看")]
    public void Praise_and_news_passed_on_are_no_complaint(string text) =>
        Assert.Equal(RootCause.None, DefaultRuleSetTests.Analyze(text).PrimaryCause);
}

// The seventeenth 2.9.0 step: a run of question marks is no glad message's tone, so the patience a firm asks for
// (耐心等待) does not make an exasperated post glad.
public class RuleSet29StepSeventeenTests
{
    [Fact]
    public void Exasperation_with_a_stock_reply_quoted_is_venting() =>
        Assert.Equal(RootCause.Venting, DefaultRuleSetTests.Analyze("在线客服问了四遍，回了四遍“请您耐心等待”。耐心？？我的耐心早就没了！！！").PrimaryCause);
}

// The eighteenth 2.9.0 step: "I want it sorted" asks for a fix (the "sorted" inside is no matter resolved), and
// "someone owes me £229" is money owed back.
public class RuleSet29StepEighteenTests
{
    [Fact]
    public void Wanting_it_sorted_is_a_claim_not_a_resolution() =>
        Assert.Equal(RootCause.RightsClaim, DefaultRuleSetTests.Analyze("@ParcelCo the lamp arrived with the shade crushed. Shop blames you, you blame the shop. Someone owes me £64 and I want it sorted this week.").PrimaryCause);
}

// The nineteenth 2.9.0 step: the firm's last word, a rule given as its own reason (规定就是规定, "policy is policy"), is
// policy.
public class RuleSet29StepNineteenTests
{
    [Theory]
    [InlineData("孩子发高烧想把课改到下周，前台一句“规定就是规定”，一点都不通融。")]
    [InlineData("asked to move my booking by one day because of a funeral. the answer: policy is policy.")]
    public void A_rule_given_as_its_own_reason_is_policy(string text) =>
        Assert.Equal(ConflictType.Policy, DefaultRuleSetTests.Analyze(text).ConflictType);
}

// The twentieth 2.9.0 step: a parcel left at the pickup point instead of the door (放驿站, 不送上门) and an item left out
// of the bag (漏装) are failures of the service.
public class RuleSet29StepTwentyTests
{
    [Theory]
    [InlineData("买了两箱矿泉水，备注了送货上门，快递员还是直接放驿站，我一个人怎么搬")]
    [InlineData("点了两份炒饭一份汤，汤漏装了，打电话给商家说下次注意")]
    public void A_parcel_not_brought_or_an_item_left_out_is_a_complaint(string text)
    {
        var result = DefaultRuleSetTests.Analyze(text);
        Assert.NotEqual(RootCause.None, result.PrimaryCause);
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
    }
}

// The twenty-first 2.9.0 step: English price words in everyday use (a price rise, a standing charge, bills put up) make
// the conflict price.
public class RuleSet29StepTwentyOneTests
{
    [Theory]
    [InlineData("@StreamCo a third price rise in eighteen months? I'm cancelling.")]
    [InlineData("@PowerCo my standing charge is now more than the gas I actually use in July.")]
    public void Everyday_price_words_are_price(string text) =>
        Assert.Equal(ConflictType.Price, DefaultRuleSetTests.Analyze(text).ConflictType);
}

// The twenty-second 2.9.0 step: an account handed on for collection in its other wordings ("referred to collections")
// is collections.
public class RuleSet29StepTwentyTwoTests
{
    [Fact]
    public void An_account_referred_to_collections_is_collections() =>
        Assert.Equal(ConflictType.Collections, DefaultRuleSetTests.Analyze("@PayCo one late payment because my card expired and now my account has been referred to collections over $40.").ConflictType);
}

// The twenty-third 2.9.0 step: one price for me and another for someone else for the same thing (incognito, a friend's
// account, 同一间房…便宜了) is price discrimination.
public class RuleSet29StepTwentyThreeTests
{
    [Theory]
    [InlineData("@AirCo why is the same seat £40 more when I'm logged in than in incognito mode?")]
    [InlineData("同一个房型，我老公晚我半小时订还便宜了90，我还是金卡会员")]
    public void The_same_thing_at_two_prices_is_price(string text) =>
        Assert.Equal(ConflictType.Price, DefaultRuleSetTests.Analyze(text).ConflictType);
}

// The twenty-fourth 2.9.0 step: a parcel marked as signed for when nothing came (已签收 … 东西在哪) is a failure, and "X你个
// 大头鬼" is anger.
public class RuleSet29StepTwentyFourTests
{
    [Fact]
    public void Signed_for_and_not_here_is_a_complaint() =>
        Assert.NotEqual(RootCause.None, DefaultRuleSetTests.Analyze("APP上显示“已签收”，我一整天人就在家，门都没人敲过").PrimaryCause);
}

// The twenty-fifth 2.9.0 step: a claim turned down with words between ("denied my water damage claim") is policy.
public class RuleSet29StepTwentyFiveTests
{
    [Fact]
    public void A_claim_turned_down_is_policy() =>
        Assert.Equal(ConflictType.Policy, DefaultRuleSetTests.Analyze("@HomeCo rejected my storm damage claim saying the roof was 'poorly maintained'. it was replaced in 2021.").ConflictType);
}

// The twenty-sixth 2.9.0 step: "what exactly am I paying for" is a question pressed at the firm.
public class RuleSet29StepTwentySixTests
{
    [Fact]
    public void What_am_I_paying_for_is_a_complaint() =>
        Assert.NotEqual(RootCause.None, DefaultRuleSetTests.Analyze("@StreamCo so the 4K plan now needs another add-on for live sport. what exactly am I paying for").PrimaryCause);
}
