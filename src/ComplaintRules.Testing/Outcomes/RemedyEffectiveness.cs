using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ComplaintRules.Testing;

/// <summary>How one remedy fared for complaints of one primary cause: counts first, so a small cell reads as small.</summary>
/// <param name="Cause">The primary cause of the assessments (<c>rights_claim</c>…), or <c>unassessed</c> for outcomes without one.</param>
/// <param name="Remedy">The remedy given, or <c>none</c> for outcomes that gave none.</param>
/// <param name="Count">Outcomes that gave the remedy.</param>
/// <param name="Resolved">Of them, resolved.</param>
/// <param name="Rated">Of them, with a satisfaction score.</param>
/// <param name="SatisfactionSum">The sum of those scores.</param>
/// <param name="Reopened">Of them, reopened.</param>
public sealed record RemedyEffectivenessRow(string Cause, string Remedy, int Count, int Resolved, int Rated, int SatisfactionSum, int Reopened)
{
    /// <summary>Resolved outcomes as a share of <see cref="Count"/> (0 to 1).</summary>
    public double ResolvedRate => Count == 0 ? 0 : (double)Resolved / Count;

    /// <summary>The mean satisfaction (1–5) of the rated outcomes, or <see langword="null"/> when none was rated.</summary>
    public double? MeanSatisfaction => Rated == 0 ? null : (double)SatisfactionSum / Rated;

    /// <summary>Reopened outcomes as a share of <see cref="Count"/> (0 to 1).</summary>
    public double ReopenRate => Count == 0 ? 0 : (double)Reopened / Count;
}

/// <summary>
/// Which remedies worked, per primary cause: outcomes joined to the assessments of their complaints by complaint id.
/// An outcome that gave several remedies counts once under each, so the rows of one cause may add up to more than its outcomes.
/// </summary>
public sealed class RemedyEffectivenessReport
{
    /// <summary>The cause of outcomes whose complaint has no assessment in the input.</summary>
    public const string Unassessed = "unassessed";

    /// <summary>The remedy of outcomes that gave none.</summary>
    public const string NoRemedy = "none";

    private RemedyEffectivenessReport(int outcomes, int unassessed, IReadOnlyList<RemedyEffectivenessRow> rows)
    {
        Outcomes = outcomes;
        WithoutAssessment = unassessed;
        Rows = rows;
    }

    /// <summary>Outcomes counted.</summary>
    public int Outcomes { get; }

    /// <summary>Outcomes whose complaint had no assessment (counted under <see cref="Unassessed"/>).</summary>
    public int WithoutAssessment { get; }

    /// <summary>One row per cause and remedy: causes in the order of the vocabulary, then remedies by count, most first.</summary>
    public IReadOnlyList<RemedyEffectivenessRow> Rows { get; }

    /// <summary>Builds the report.</summary>
    /// <param name="primaryCauses">The primary cause of each assessed complaint, by complaint id.</param>
    /// <param name="outcomes">The outcomes.</param>
    public static RemedyEffectivenessReport Build(IReadOnlyDictionary<string, RootCause> primaryCauses, IEnumerable<ComplaintOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(primaryCauses);
        ArgumentNullException.ThrowIfNull(outcomes);
        var cells = new Dictionary<(string Cause, string Remedy), RemedyEffectivenessRow>();
        var (count, unassessed) = (0, 0);
        foreach (var outcome in outcomes)
        {
            count++;
            var cause = primaryCauses.TryGetValue(outcome.ComplaintId, out var found) ? found.Name() : Unassessed;
            unassessed += cause == Unassessed ? 1 : 0;
            IEnumerable<string> remedies = outcome.RemediesGiven.Count == 0 ? [NoRemedy] : outcome.RemediesGiven.Distinct(StringComparer.Ordinal);
            foreach (var remedy in remedies)
            {
                var row = cells.GetValueOrDefault((cause, remedy)) ?? new RemedyEffectivenessRow(cause, remedy, 0, 0, 0, 0, 0);
                cells[(cause, remedy)] = row with
                {
                    Count = row.Count + 1,
                    Resolved = row.Resolved + (outcome.Resolved ? 1 : 0),
                    Rated = row.Rated + (outcome.Satisfaction is null ? 0 : 1),
                    SatisfactionSum = row.SatisfactionSum + (outcome.Satisfaction ?? 0),
                    Reopened = row.Reopened + (outcome.Reopened ? 1 : 0),
                };
            }
        }

        var causeOrder = Vocabulary.Causes.Append(Unassessed).ToList();
        var rows = cells.Values
            .OrderBy(r => causeOrder.IndexOf(r.Cause))
            .ThenByDescending(r => r.Count)
            .ThenBy(r => r.Remedy, StringComparer.Ordinal)
            .ToArray();
        return new RemedyEffectivenessReport(count, unassessed, Array.AsReadOnly(rows));
    }

    /// <summary>A table for people; rows with fewer than <paramref name="smallCount"/> outcomes are marked <c>*</c>.</summary>
    /// <param name="smallCount">The count under which a row is too small to compare.</param>
    public string ToText(int smallCount = 5)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(inv, $"Remedy effectiveness: {Outcomes} outcomes, {Outcomes - WithoutAssessment} joined to an assessment, {WithoutAssessment} without one");
        s.AppendLine();
        var causeWidth = Math.Max(13, Rows.Select(r => r.Cause.Length).DefaultIfEmpty(0).Max());
        var remedyWidth = Math.Max(6, Rows.Select(r => r.Remedy.Length).DefaultIfEmpty(0).Max());
        s.AppendLine(inv, $"{"cause".PadRight(causeWidth)}  {"remedy".PadRight(remedyWidth)}  {"n",4}   {"resolved",8}  {"satisfaction (rated)",-20}  {"reopened",8}");
        var small = false;
        foreach (var row in Rows)
        {
            var mark = row.Count < smallCount ? "*" : " ";
            small |= row.Count < smallCount;
            var satisfaction = row.MeanSatisfaction is { } mean ? string.Create(inv, $"{mean:0.00} ({row.Rated})") : $"- ({row.Rated})";
            s.AppendLine(inv, $"{row.Cause.PadRight(causeWidth)}  {row.Remedy.PadRight(remedyWidth)}  {row.Count,4}{mark}  {row.ResolvedRate,8:0%}  {satisfaction,-20}  {row.ReopenRate,8:0%}");
        }

        if (small)
        {
            s.AppendLine();
            s.AppendLine(inv, $"* fewer than {smallCount} outcomes: too few to compare; the rates can swing with one more complaint");
        }

        return s.ToString();
    }

    /// <summary>The report as JSON: counts and rates per row.</summary>
    /// <param name="indented">Whether to indent.</param>
    public string ToJson(bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("outcomes", Outcomes);
            w.WriteNumber("withoutAssessment", WithoutAssessment);
            w.WriteStartArray("rows");
            foreach (var row in Rows)
            {
                w.WriteStartObject();
                w.WriteString("cause", row.Cause);
                w.WriteString("remedy", row.Remedy);
                w.WriteNumber("count", row.Count);
                w.WriteNumber("resolved", row.Resolved);
                w.WriteNumber("resolvedRate", Math.Round(row.ResolvedRate, 4));
                w.WriteNumber("rated", row.Rated);
                if (row.MeanSatisfaction is { } mean)
                {
                    w.WriteNumber("meanSatisfaction", Math.Round(mean, 4));
                }
                else
                {
                    w.WriteNull("meanSatisfaction");
                }

                w.WriteNumber("reopened", row.Reopened);
                w.WriteNumber("reopenRate", Math.Round(row.ReopenRate, 4));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
