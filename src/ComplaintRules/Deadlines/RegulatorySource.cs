namespace ComplaintRules;

/// <summary>
/// Where a regulatory fact of the rule set comes from (a regulation and its article, or an official notice) and when
/// it was last checked against that source. Shown with deadlines so a reader can verify them.
/// </summary>
public sealed class RegulatorySource
{
    internal RegulatorySource(string title, string? provision, Uri? url, DateOnly @checked)
    {
        Title = title;
        Provision = provision;
        Url = url;
        Checked = @checked;
    }

    /// <summary>The regulation or notice, as it is cited (e.g. 《银行业保险业消费投诉处理管理办法》).</summary>
    public string Title { get; }

    /// <summary>The article, rule or section (e.g. 第十九条, DISP 1.6.2AR), or <see langword="null"/> for the whole instrument.</summary>
    public string? Provision { get; }

    /// <summary>The official text, where one is published; otherwise <see langword="null"/>.</summary>
    public Uri? Url { get; }

    /// <summary>The day the data was last checked against the source.</summary>
    public DateOnly Checked { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Title}{(Provision is null ? "" : " " + Provision)}{(Url is null ? "" : " <" + Url.OriginalString + ">")}, checked {Checked:yyyy-MM-dd}";
}
