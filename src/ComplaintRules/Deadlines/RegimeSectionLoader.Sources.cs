using ComplaintRules.Rules;

namespace ComplaintRules.Deadlines;

// The "sources" of regimes and calendars and the "source" of a deadline: where each fact comes from and when it was
// last checked. Optional, so rule sets written before them still load; the embedded data carries them everywhere.
internal sealed partial class RegimeSectionLoader
{
    private List<RegulatorySource> Sources(string file, JsonLocator locator, string path, List<SourceDocument>? docs)
    {
        var sources = new List<RegulatorySource>();
        for (var i = 0; i < (docs?.Count ?? 0); i++)
        {
            if (Source(file, locator, $"{path}[{i}]", docs![i]) is { } source)
            {
                sources.Add(source);
            }
        }

        return sources;
    }

    private RegulatorySource? Source(string file, JsonLocator locator, string path, SourceDocument? doc)
    {
        if (doc is null)
        {
            Error(file, locator, path, "a source must be an object with \"title\" and \"checked\" (and \"provision\", \"url\" where they exist)");
            return null;
        }

        var before = diagnostics.Count;
        if (string.IsNullOrWhiteSpace(doc.Title))
        {
            Error(file, locator, path, "the source has no \"title\"; name the regulation or notice");
        }

        Uri? url = null;
        if (doc.Url is not null
            && (!Uri.TryCreate(doc.Url, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            Error(file, locator, $"{path}.url", $"url '{doc.Url}' is not an absolute http or https address");
        }

        var checkedOn = DateOnly.MinValue;
        if (doc.Checked is null)
        {
            Error(file, locator, path, "the source has no \"checked\" (yyyy-MM-dd): the day the data was last checked against it");
        }
        else if (!TryDate(doc.Checked, out checkedOn))
        {
            Error(file, locator, $"{path}.checked", $"checked '{doc.Checked}' is not a date (yyyy-MM-dd)");
        }

        return diagnostics.Count > before
            ? null
            : new RegulatorySource(doc.Title!.Trim(), string.IsNullOrWhiteSpace(doc.Provision) ? null : doc.Provision.Trim(), url, checkedOn);
    }
}
