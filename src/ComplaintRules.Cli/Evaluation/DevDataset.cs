using System.Text.Json;

namespace ComplaintRules.Cli.Evaluation;

/// <summary>One row of a development file: the input the library may see, and the labels it is scored against.</summary>
/// <param name="Id">The row's id.</param>
/// <param name="Language">The row's language.</param>
/// <param name="Text">The complaint text.</param>
/// <param name="Labels">Every <c>label_*</c> column as a string (booleans and numbers as written).</param>
internal sealed record DevRow(string Id, string Language, string Text, IReadOnlyDictionary<string, string> Labels)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";

    /// <summary>The complaint handed to the library: id, text and language only; no label and no after-the-fact field.</summary>
    public Complaint ToComplaint() => new() { Id = Id, Text = Text, Language = Language };
}

/// <summary>A root-cause label row (one careful labeller).</summary>
internal sealed record RootCauseLabel(string Id, bool Expectation, bool RightsClaim, bool Venting, string Primary, string Conflict, int Severity);

/// <summary>The development folder: four JSONL files of complaints and one of root-cause labels.</summary>
internal sealed class DevDataset
{
    public const string CfpbFile = "en_cfpb_complaints.jsonl";
    public const string TweetsFile = "en_tweets_xci.jsonl";
    public const string HeimaoFile = "zh_heimao_finance.jsonl";
    public const string ReviewsFile = "zh_reviews_negative.jsonl";
    public const string RootCauseFile = "rootcause_labels.jsonl";

    private DevDataset(IReadOnlyList<DevRow> cfpb, IReadOnlyList<DevRow> tweets, IReadOnlyList<DevRow> heimao, IReadOnlyList<DevRow> reviews,
        IReadOnlyList<RootCauseLabel> rootCauses)
    {
        Cfpb = cfpb;
        Tweets = tweets;
        Heimao = heimao;
        Reviews = reviews;
        RootCauses = rootCauses;
    }

    public IReadOnlyList<DevRow> Cfpb { get; }

    public IReadOnlyList<DevRow> Tweets { get; }

    public IReadOnlyList<DevRow> Heimao { get; }

    public IReadOnlyList<DevRow> Reviews { get; }

    public IReadOnlyList<RootCauseLabel> RootCauses { get; }

    public IEnumerable<DevRow> AllRows => Cfpb.Concat(Tweets).Concat(Heimao).Concat(Reviews);

    /// <summary>Reads the folder; a missing file is a usage error, a missing optional label file yields no rows.</summary>
    public static DevDataset Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CliUsageException($"dev-data directory '{directory}' does not exist");
        }

        return new DevDataset(
            ReadRows(Path.Combine(directory, CfpbFile)),
            ReadRows(Path.Combine(directory, TweetsFile)),
            ReadRows(Path.Combine(directory, HeimaoFile)),
            ReadRows(Path.Combine(directory, ReviewsFile)),
            ReadRootCauses(Path.Combine(directory, RootCauseFile)));
    }

    private static List<DevRow> ReadRows(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"dev-data file '{path}' does not exist");
        }

        var rows = new List<DevRow>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name.StartsWith("label_", StringComparison.Ordinal))
                {
                    labels[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString() ?? "",
                        JsonValueKind.Null => "",
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => property.Value.GetRawText(),
                    };
                }
            }

            rows.Add(new DevRow(String(root, "id"), String(root, "lang"), String(root, "text"), labels));
        }

        return rows;
    }

    private static List<RootCauseLabel> ReadRootCauses(string path)
    {
        var rows = new List<RootCauseLabel>();
        if (!File.Exists(path))
        {
            return rows;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            rows.Add(new RootCauseLabel(String(r, "id"), Int(r, "expectation") == 1, Int(r, "rights_claim") == 1, Int(r, "venting") == 1,
                String(r, "primary"), String(r, "conflict"), Int(r, "severity")));
        }

        return rows;
    }

    private static string String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
