using FsCheck;
using FsCheck.Fluent;

namespace ComplaintRules.Tests.Properties;

/// <summary>
/// A complaint typed another way gets the same decisions from the default rules: full-width digits and punctuation (as
/// Chinese input methods type them), half-width punctuation in Chinese, curly apostrophes and quotes. Each variant
/// replaces one character by one, so every evidence span keeps its place.
/// </summary>
public sealed class TypographicVariantProperties
{
    private static readonly ComplaintAnalyzer s_analyzer = new(ComplaintRuleSet.Default);

    [FsCheck.Xunit.Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 200)]
    public void A_typographic_variant_gets_the_same_decisions(TypedComplaint typed)
    {
        var original = s_analyzer.Analyze(new Complaint { Id = "t", Text = typed.Text });
        var variant = s_analyzer.Analyze(new Complaint { Id = "t", Text = typed.Variant });

        Assert.Equal(Decisions(original), Decisions(variant));
    }

    [Theory]
    [InlineData("等了15天还没到账，客服一直说在处理？？", "等了１５天还没到账,客服一直说在处理??")]
    [InlineData("It's been 14 days and I still haven't received my refund!!", "It’s been １４ days and I still haven’t received my refund！！")]
    public void Written_variants_get_the_same_decisions(string text, string variant) =>
        Assert.Equal(
            Decisions(s_analyzer.Analyze(new Complaint { Id = "t", Text = text })),
            Decisions(s_analyzer.Analyze(new Complaint { Id = "t", Text = variant })));

    // Everything the assessment decides: the compact profile (causes, conflicts and their evidence as offsets, severity,
    // intensity, steps, remedies, warnings; none of the text it quotes, whose characters differ by design) and the trace.
    private static string Decisions(ComplaintAssessment a) =>
        ComplaintJson.Serialize(a, AssessmentJsonProfile.Compact) + string.Join(',', a.Trace.Select(t => t.RuleId));

    /// <summary>A complaint made of sentences written for this test, and the same complaint typed another way.</summary>
    public sealed record TypedComplaint(string Text, string Variant)
    {
        public override string ToString() => $"{Text} => {Variant}";
    }

    public static class Generators
    {
        private static readonly string[] s_english =
        [
            "I was told the card had no annual fee, yet I was charged $95 on 3 May.",
            "It's been 14 days and I still haven't received my refund!!",
            "Your agent said \"it's sorted\" - it wasn't. Fix it or I'll go to the ombudsman.",
            "Why does the app log me out every 5 minutes?? This is ridiculous.",
            "I've called 6 times; nobody calls back. Absolutely useless service.",
            "The 2-year fixed rate went from 3.9% to 5.4% without any notice (none at all).",
            "Thanks for sorting the double charge so quickly, really appreciated!",
            "Can you tell me how to change the address on my account?",
            "Debt collectors rang my mother at 7am about a loan that isn't mine.",
            "The parcel (order 4471) arrived crushed: two items were missing.",
        ];

        private static readonly string[] s_chinese =
        [
            "说好的免年费，结果今天被扣了300元年费，请退还！",
            "等了15天还没到账，客服一直说在处理？？",
            "你们的业务员说“保本保息”，现在亏了2万，我要投诉到银保监会。",
            "每天打10个电话催收，还打给我家人，太过分了！",
            "房间和图片完全不一样（空调坏了），前台态度也差。",
            "感谢客服小王，半小时就帮我解决了问题，点赞！",
            "请问信用卡账单日可以改到每月5号吗？",
            "利率从3.85%涨到4.9%，没有任何通知：这合理吗？",
        ];

        // ASCII digits and the marks a full-width keyboard types; Chinese full-width marks the other way; curly quotes.
        private static readonly Func<char, char>[] s_variants =
        [
            c => c is >= '0' and <= '9' ? (char)(c + 0xFEE0) : c,
            c => "!?,:;()%".Contains(c) ? (char)(c + 0xFEE0) : c,
            c => c is >= '\uFF01' and <= '\uFF5E' && "！？，：；（）％".Contains(c) ? (char)(c - 0xFEE0) : c,
            c => c == '\'' ? '\u2019' : c,
        ];

        public static Arbitrary<TypedComplaint> TypedComplaint()
        {
            var gen =
                from chinese in Gen.Elements(false, true)
                from sentences in Gen.Elements(chinese ? s_chinese : s_english).ArrayOf().Where(a => a.Length is > 0 and <= 4)
                from variants in Gen.Elements(s_variants).ArrayOf().Where(a => a.Length > 0)
                let text = string.Join(chinese ? "" : " ", sentences)
                select new TypedComplaint(text, new string(text.Select(c => variants.Aggregate(c, (x, v) => v(x))).ToArray()));
            return Arb.From(gen);
        }
    }
}
