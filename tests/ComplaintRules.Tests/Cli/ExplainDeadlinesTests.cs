using ComplaintRules.Cli.Commands;

namespace ComplaintRules.Tests.Cli;

/// <summary><c>explain</c> lists a complaint's deadlines with their basis and the source each was checked against.</summary>
public sealed class ExplainDeadlinesTests
{
    [Fact]
    public void Explain_shows_each_deadline_with_its_basis_and_source()
    {
        var complaint = new Complaint
        {
            Id = "d", Text = "说好的免年费，结果还是扣了我300元年费！！", Regime = "CN-NFRA",
            ReceivedAt = new DateTimeOffset(2025, 9, 16, 10, 0, 0, TimeSpan.FromHours(8)),
        };
        var text = ExplainCommand.Render(complaint, new ComplaintAnalyzer().Explain(complaint), color: false, allRules: false, ComplaintRuleSet.Default);

        Assert.Contains("Deadlines (CN-NFRA):", text, StringComparison.Ordinal);
        Assert.Contains("  resolve            2025-10-09 23:59 +08:00", text, StringComparison.Ordinal);
        Assert.Contains("  review_request     from the decision's receipt 处理决定由分支机构作出", text, StringComparison.Ordinal);
        Assert.Contains("      source: 《银行业保险业消费投诉处理管理办法》 第十九条第一款 <http://www.gov.cn/gongbao/content/2020/content_5512564.htm>, checked 2026-11-29", text, StringComparison.Ordinal);
        Assert.Contains("      basis: 《银行业保险业消费投诉处理管理办法》第二十一条", text, StringComparison.Ordinal);
        Assert.Contains("  regime source: 《中华人民共和国民法典》 第二百零一条、第二百零三条（期间的计算）, checked 2026-11-29", text, StringComparison.Ordinal);
        Assert.Contains("  regime source: 《国务院办公厅关于2026年部分节假日安排的通知》（2025年11月4日）, checked 2026-11-29", text, StringComparison.Ordinal);
    }
}
