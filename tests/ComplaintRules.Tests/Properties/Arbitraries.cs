using FsCheck;
using FsCheck.Fluent;

namespace ComplaintRules.Tests.Properties;

/// <summary>Any complaint text, as a property's input (a wrapper so that plain strings keep FsCheck's own generator).</summary>
public sealed record ComplaintText(string Value)
{
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(Value);
}

/// <summary>A whole complaint whose fields and text exercise the rules of basic.rules.json.</summary>
public sealed record GeneratedComplaint(Complaint Value)
{
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(Value);
}

/// <summary>Every generator the properties use.</summary>
public static class Arbitraries
{
    // Phrases of the test lexicons (both languages, both widths, traditional characters), negation cues, markers,
    // and characters that trouble text code: controls, lone surrogates, emoji, zero-width and ideographic spaces.
    private static readonly string[] s_fragments =
    [
        "I was told", "promised", "PROMISED", "refund", "refunds", "ＲＥＦＵＮＤ", "lawyer", "regulator", "angry", "FURIOUS", "fee", "fees",
        "slow", "waited", "not", "not asking for", "no", "never", "说好的", "說好的", "承诺", "退款", "监管", "生气", "不满", "手续费", "太慢",
        "不是", "没有", "沒有", "不", "!", "!!!", "！", "？？", "??", "WHY IS THIS", "Sooo", "啊啊啊", " ", "  ", "\n", "\t", ",", ".", "。", "，",
        "\u0000", "\u0001", "\u001F", "\u007F", "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\U0001F620", "\U0001F44D", "\u200B", "\uFEFF", "\u3000",
        "the card", "my account", "客服", "银行", "x", "A", "é", "\u0301",
    ];

    public static Gen<string> Fragments =>
        Gen.Elements(s_fragments).ArrayOf().Select(parts => string.Concat(parts));

    public static Gen<string> AnyText =>
        Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
            Fragments,
            Gen.Choose(0, char.MaxValue).Select(c => (char)c).ArrayOf().Select(chars => new string(chars)),
            Gen.Constant(""));

    public static Arbitrary<ComplaintText> ComplaintText() => Arb.From(AnyText.Select(t => new ComplaintText(t)));

    public static Arbitrary<GeneratedComplaint> GeneratedComplaint()
    {
        var gen =
            from text in Gen.OneOf(Fragments, Fragments, AnyText)
            from demand in Gen.Elements<string?>(null, "", "Refund the fee", "I am not asking for a refund", "全额退款", "不是要退款")
            from amount in Gen.Elements<decimal?>(null, 0m, 999.99m, 1500m)
            from product in Gen.Elements<string?>(null, "mortgage", "card")
            from tags in Gen.Elements<string[]?>(null, [], ["vulnerable"], ["VIP", "Vulnerable"])
            from attributes in Gen.Elements<Dictionary<string, string>?>(
                null, new() { ["tone"] = "calm" }, new() { ["segment"] = "vip" }, new() { ["tone"] = "calm", ["segment"] = "vip" })
            select new GeneratedComplaint(new Complaint
            {
                Id = "gen", Text = text, CustomerDemand = demand, Amount = amount, Product = product, CustomerTags = tags, Attributes = attributes,
            });
        return Arb.From(gen);
    }
}
