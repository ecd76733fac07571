using System.Globalization;
using System.Text;
using System.Text.Json;
using ComplaintRules.Features;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>explain "TEXT"</c> or <c>explain --id ID --input FILE</c>: a readable report of one assessment, with the rules
/// that fired and the facts they read; <c>--all-rules</c> also lists the rules that did not fire.
/// </summary>
internal static class ExplainCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var complaint = ReadComplaint(args);
        var rules = args.LoadRuleSet();
        var explanation = new ComplaintAnalyzer(rules).Explain(complaint);
        var color = !args.Flag("--no-color") && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        stdout.Write(Render(complaint, explanation, color, args.Flag("--all-rules"), rules));
        return 0;
    }

    private static Complaint ReadComplaint(CliArguments args)
    {
        var id = args.Single("--id");
        if (id is null)
        {
            if (args.Positional.Count != 1)
            {
                throw new CliUsageException("explain takes the complaint text in quotes, or --id ID --input FILE");
            }

            return new Complaint { Id = "cli", Text = args.Positional[0], Language = args.Single("--language") };
        }

        var input = args.Single("--input") ?? throw new CliUsageException("--id needs --input FILE");
        if (!File.Exists(input))
        {
            throw new CliUsageException($"input file '{input}' does not exist");
        }

        var number = 0;
        foreach (var line in File.ReadLines(input))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || !line.Contains(id, StringComparison.Ordinal))
            {
                continue;
            }

            Complaint complaint;
            try
            {
                complaint = ComplaintJson.ParseComplaint(line);
            }
            catch (JsonException ex)
            {
                // Another line may merely mention the id; only the line that is this complaint's is an error.
                if (IdOf(line) == id)
                {
                    throw new CliUsageException($"{input}:{number}: the complaint with id '{id}' cannot be read: {ex.Message}");
                }

                continue;
            }

            if (complaint.Id == id)
            {
                return complaint;
            }
        }

        throw new CliUsageException($"no complaint with id '{id}' in {input}");
    }

    // The "id" of a line that is no complaint, when it is a JSON object with a string id; else null.
    private static string? IdOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The causes left off the list because only rules marked primaryOnly found them, and another cause is the primary:
    // said (here and in the workbench) with the score they reached, so the rules that fired for them are no puzzle.
    internal static IEnumerable<(RootCause Cause, double Score)> SetAside(ComplaintExplanation explanation, ComplaintRuleSet? rules)
    {
        var a = explanation.Assessment;
        if (rules is null || a.PrimaryCause == RootCause.None)
        {
            yield break;
        }

        var firedIds = explanation.Rules.Where(r => r.Fired).Select(r => r.RuleId).ToHashSet(StringComparer.Ordinal);
        foreach (var cause in new[] { RootCause.Expectation, RootCause.RightsClaim, RootCause.Venting })
        {
            var fired = rules.Causes.Concat(rules.CauseFallbacks).Where(rule => rule.Cause == cause && firedIds.Contains(rule.Id)).ToList();
            if (fired.Count == 0 || fired.Any(rule => !rule.PrimaryOnly) || a.RootCauses.Any(c => c.Cause == cause))
            {
                continue;
            }

            var score = Math.Round(1 - fired.Aggregate(1.0, (miss, rule) => miss * (1 - rule.Weight)), 4);
            if (score >= rules.CauseThreshold)
            {
                yield return (cause, score);
            }
        }
    }

    /// <summary>Renders the report; matched phrases are shown in colour, or between [[ ]] without colour.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="explanation">Its explanation.</param>
    /// <param name="color">Whether to use ANSI colours.</param>
    /// <param name="allRules">Whether to list the rules that did not fire too.</param>
    /// <param name="rules">The rule set, to list the sources of the complaint's regime and calendar; optional.</param>
    internal static string Render(Complaint complaint, ComplaintExplanation explanation, bool color, bool allRules, ComplaintRuleSet? rules = null)
    {
        var a = explanation.Assessment;
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"Complaint {a.Id} ({a.Language})");
        s.AppendLine(Highlight(complaint.Text, a, color));
        s.AppendLine();
        s.AppendLine(inv, $"Primary cause: {Name(a.PrimaryCause)}");
        foreach (var cause in a.RootCauses)
        {
            s.AppendLine(inv, $"  {Name(cause.Cause),-13} {cause.Score:0.00}  {Phrases(cause.Evidence)}");
        }

        foreach (var (cause, score) in SetAside(explanation, rules))
        {
            s.AppendLine(inv, $"  {Name(cause),-13} {score:0.00}  not listed: only primaryOnly rules found it, and it is not the primary cause");
        }

        // Conflict rules can fire on a text that is no complaint; say why none is listed, so the trace below is no puzzle.
        var unlisted = a.ConflictTypes.Count == 0 && a.PrimaryCause == RootCause.None && a.Trace.Any(f => f.Decision == Decision.Conflicts.Name());
        s.AppendLine(inv, $"Conflict: {Name(a.ConflictType)}{(unlisted ? "  (no complaint, so no conflict: the conflict rules that fired are in the trace)" : "")}");
        foreach (var conflict in a.ConflictTypes)
        {
            s.AppendLine(inv, $"  {Name(conflict.Type),-13} {conflict.Score:0.00}  {conflict.Subtype}  {Phrases(conflict.Evidence)}");
        }

        s.AppendLine(inv, $"Severity: {Name(a.Severity)}{(a.SeverityReasons.Count > 0 ? " — " + string.Join("; ", a.SeverityReasons) : "")}");
        s.AppendLine(inv, $"Intensity: {a.Intensity}/4");
        s.AppendLine("Steps:");
        var n = 1;
        foreach (var step in a.Steps)
        {
            s.AppendLine(inv, $"  {n++}. {Name(step.Step)}{(step.Emphasis == "extended" ? " (extended)" : "")}: {step.Guidance}");
            foreach (var item in step.Checklist)
            {
                s.AppendLine(inv, $"       [ ] {item}");
            }
        }

        s.AppendLine("Remedies:");
        foreach (var remedy in a.Remedies)
        {
            s.AppendLine(inv, $"  - {remedy.Remedy} ({Name(remedy.OutcomeClass)}, priority {remedy.Priority}): {remedy.Reason}  [{remedy.RuleId}]");
            if (remedy.GrantedBy is { } role)
            {
                var why = rules?.Authority?.Decide(remedy.Remedy, a.Severity, complaint.Amount, complaint.Currency, explain: true).Why;
                s.AppendLine(inv, $"      granted by: {role}{(why is null ? "" : " — " + why)}");
            }
        }

        if (a.Authority is { } authority)
        {
            s.AppendLine(inv, $"Authority for {authority.HandlerRole}: offer now [{string.Join(", ", authority.OfferNow.Select(r => r.Remedy))}], ask for approval [{string.Join(", ", authority.NeedsApproval.Select(r => $"{r.Remedy} → {r.GrantedBy}"))}]");
        }

        if (explanation.PatternMatches.Count > 0)
        {
            s.AppendLine("Near patterns matched:");
            foreach (var match in explanation.PatternMatches)
            {
                s.AppendLine(inv, $"  {match.Lexicon}: \"{match.Text}\"{(match.Negated ? " (negated)" : "")}{(match.Field == "text" ? "" : " in " + match.Field)}");
            }
        }

        s.AppendLine(allRules ? "Rules ([x] fired, [ ] did not, [!] failed), with the facts each read:" : "Rules fired or failed ([!]), with the facts each read (--all-rules lists every rule):");
        foreach (var group in explanation.Rules.Where(r => allRules || r.Fired || r.Fault is not null).GroupBy(r => r.Fallback ? $"{r.Decision}, fallback stage (after the other {r.Decision} rules, seeing their outcome)"
            : r.Condition == "tieBreak" ? $"{r.Decision}, tie-break (orders causes whose scores are close by the words of the text; scores unchanged)" : r.Decision))
        {
            s.AppendLine(inv, $"  {group.Key}");
            var width = group.Max(r => r.RuleId.Length);
            var outcomeWidth = group.Max(r => r.Outcome.Length);
            foreach (var rule in group)
            {
                var mark = rule.Fault is not null ? "[!] " : allRules ? (rule.Fired ? "[x] " : "[ ] ") : "";
                var line = $"    {mark}{rule.RuleId.PadRight(width)}  → {rule.Outcome.PadRight(outcomeWidth)}  {string.Join("  ", rule.Reads)}";
                s.AppendLine(color && !rule.Fired && rule.Fault is null ? $"\u001b[2m{line.TrimEnd()}\u001b[0m" : line.TrimEnd());
                if (rule.Fault is not null)
                {
                    s.AppendLine(inv, $"        failed, counted as not fired: {rule.Fault}");
                }
            }
        }

        if (a.Deadlines.Count > 0)
        {
            s.AppendLine(inv, $"Deadlines ({a.Deadlines[0].Regime}):");
            if (rules is not null && rules.Regimes.TryGetValue(a.Deadlines[0].Regime, out var regime))
            {
                var calendarSources = regime.Calendar is HolidayCalendar holidays ? holidays.Sources : [];
                foreach (var source in regime.Sources.Concat(calendarSources))
                {
                    s.AppendLine(inv, $"  regime source: {source}");
                }
            }

            foreach (var deadline in a.Deadlines)
            {
                var due = deadline.Due?.ToString("yyyy-MM-dd HH:mm zzz", inv) ?? (deadline.From == DeadlineStart.Decision ? "from the decision's receipt" : "open");
                s.AppendLine(string.Create(inv, $"  {Name(deadline.Kind),-18} {due,-27} {deadline.Condition}").TrimEnd());
                s.AppendLine(inv, $"      basis: {deadline.Basis}");
                if (deadline.Source is { } source)
                {
                    s.AppendLine(inv, $"      source: {source}");
                }
            }
        }

        foreach (var warning in a.Warnings)
        {
            s.AppendLine(inv, $"Warning: {warning}");
        }

        return s.ToString();
    }

    private static string Highlight(string text, ComplaintAssessment a, bool color)
    {
        // Spans used as evidence by causes or conflicts, merged where they overlap.
        var spans = a.RootCauses.SelectMany(c => c.Evidence).Concat(a.ConflictTypes.SelectMany(c => c.Evidence))
            .Where(e => e.Field == "text")
            .Select(e => (Start: e.Start, End: e.Start + e.Length))
            .OrderBy(e => e.Start)
            .ToList();
        var s = new StringBuilder();
        var at = 0;
        foreach (var (start, end) in spans)
        {
            if (start < at)
            {
                continue;
            }

            s.Append(text, at, start - at);
            s.Append(color ? "\u001b[1;33m" : "[[").Append(text, start, end - start).Append(color ? "\u001b[0m" : "]]");
            at = end;
        }

        s.Append(text, at, text.Length - at);
        return s.ToString();
    }

    private static string Phrases(IReadOnlyList<Evidence> evidence) =>
        evidence.Count == 0 ? "" : "\u2190 " + string.Join(", ", evidence.Select(e => $"\"{e.Text}\"").Distinct());

    private static string Name<T>(T value)
        where T : struct, Enum =>
        JsonSerializer.Serialize(value, CliJson.Options).Trim('"');
}
