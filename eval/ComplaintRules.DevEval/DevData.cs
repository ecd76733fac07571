using System.Text.Json.Nodes;
using ComplaintRules.Testing;

namespace ComplaintRules.DevEval;

/// <summary>One scoring group: the rows of some development files, turned into labelled complaints by one map.</summary>
/// <param name="Name">The group's name (also its map's file name without <c>.map.json</c>).</param>
/// <param name="Files">The development files it reads.</param>
/// <param name="OnlyRootCauseRows">Whether only rows with a line in the root-cause label file belong to it.</param>
internal sealed record Group(string Name, string[] Files, bool OnlyRootCauseRows);

/// <summary>A labelled complaint with the split and file of its row.</summary>
internal sealed record DevComplaint(LabelledComplaint Labelled, string Split, string File);

/// <summary>
/// Reads the development folder and turns it into <c>score</c> input: each group's rows through its map. The library
/// sees only what the maps put in the complaint (id, text, language); labels are read by the scorer, after analysis.
/// </summary>
internal static class DevData
{
    public const string RootCauseFile = "rootcause_labels.jsonl";

    /// <summary>The files whose rows carry root-cause labels, in the order the report lists them.</summary>
    public static readonly string[] RootCauseSources = ["en_cfpb_complaints.jsonl", "en_tweets_xci.jsonl", "zh_heimao_finance.jsonl", "zh_reviews_negative.jsonl"];

    public static readonly Group[] Groups =
    [
        new("rootcause", RootCauseSources, true),
        new("tweets", ["en_tweets_xci.jsonl"], false),
        new("cfpb", ["en_cfpb_complaints.jsonl"], false),
        new("heimao", ["zh_heimao_finance.jsonl"], false),
        new("reviews", ["zh_reviews_negative.jsonl"], false),
    ];

    /// <summary>Every group's labelled complaints, read through the maps in <paramref name="mapDirectory"/>.</summary>
    public static Dictionary<string, List<DevComplaint>> Load(string dataDirectory, string mapDirectory)
    {
        var rootCauses = ReadRootCauseLabels(Path.Combine(dataDirectory, RootCauseFile));
        var result = new Dictionary<string, List<DevComplaint>>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var map = LabelMap.Load(Path.Combine(mapDirectory, group.Name + ".map.json"));
            var complaints = new List<DevComplaint>();
            foreach (var file in group.Files)
            {
                var lineNumber = 0;
                foreach (var line in File.ReadLines(Path.Combine(dataDirectory, file)))
                {
                    lineNumber++;
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    var row = (JsonObject)JsonNode.Parse(line)!;
                    var id = (string)row["id"]!;
                    if (group.OnlyRootCauseRows)
                    {
                        if (!rootCauses.TryGetValue(id, out var labels))
                        {
                            continue;
                        }

                        foreach (var (name, value) in labels)
                        {
                            row["rootcause_" + name] = value?.DeepClone();
                        }
                    }

                    var split = (string?)row["split"] ?? "train";
                    var labelled = LabelledComplaintFile.Parse(row.ToJsonString(), map) with { Line = lineNumber };
                    complaints.Add(new DevComplaint(labelled, split, file));
                }
            }

            result[group.Name] = complaints;
        }

        return result;
    }

    private static Dictionary<string, JsonObject> ReadRootCauseLabels(string path)
    {
        var labels = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var row = (JsonObject)JsonNode.Parse(line)!;
            var id = (string)row["id"]!;
            row.Remove("id");
            labels[id] = row;
        }

        return labels;
    }
}
