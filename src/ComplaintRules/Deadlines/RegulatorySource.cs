namespace ComplaintRules;

/// <summary>
/// Where a regulatory fact of the rule set comes from (a regulation and its article, or an official notice) and when
/// it was last checked against that source. Shown with deadlines so a reader can verify them.
/// </summary>
/// <param name="Title">The regulation or notice, as it is cited (e.g. 《银行业保险业消费投诉处理管理办法》).</param>
/// <param name="Provision">The article, rule or section (e.g. 第十九条, DISP 1.6.2AR), or <see langword="null"/> for the whole instrument.</param>
/// <param name="Url">The official text, where one is published; otherwise <see langword="null"/>.</param>
/// <param name="Checked">The day the data was last checked against the source.</param>
public sealed record RegulatorySource(string Title, string? Provision, Uri? Url, DateOnly Checked)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Title}{(Provision is null ? "" : " " + Provision)}{(Url is null ? "" : " <" + Url.OriginalString + ">")}, checked {Checked:yyyy-MM-dd}";
}
