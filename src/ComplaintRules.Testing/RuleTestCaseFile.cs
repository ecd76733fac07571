using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintRules.Rules;

namespace ComplaintRules.Testing;

/// <summary>
/// Reads rule-test case files (<c>*.cases.json</c>, see <c>schema/complaint-rules-cases.schema.json</c>):
/// <c>{"cases": [{"name": "…", "complaint": {"text": "…", …}, "expect": {"primaryCause": "…", …}}]}</c>.
/// Comments and trailing commas are allowed; every problem in a file is reported at once, with its position.
/// </summary>
public static class RuleTestCaseFile
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false, // else the node keeps one of two and throws when read: a member twice is an error here
        MaxDepth = 32,
    };

    /// <summary>Reads the cases of a file.</summary>
    /// <param name="path">The case file.</param>
    /// <returns>The cases, in file order.</returns>
    /// <exception cref="RuleTestCaseException">The file cannot be read or has errors; every problem is listed.</exception>
    public static IReadOnlyList<RuleTestCase> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new FileNotFoundException($"Case file '{path}' does not exist.", path);
            }

            if (info.Length > RuleSetSource.MaxDocumentBytes)
            {
                throw new InvalidDataException($"Case file '{path}' is {info.Length} bytes; the limit is {RuleSetSource.MaxDocumentBytes}.");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new RuleTestCaseException([new RuleDiagnostic(path, 1, 1, null, "$", ex.Message) { Code = DiagnosticCodes.FileUnreadable }]);
        }

        return Parse(bytes, path);
    }

    /// <summary>Reads the cases of a document held in a string.</summary>
    /// <param name="json">The case file's content.</param>
    /// <param name="name">The name reports and diagnostics use for it.</param>
    /// <returns>The cases, in file order.</returns>
    /// <exception cref="RuleTestCaseException">The document has errors; every problem is listed.</exception>
    public static IReadOnlyList<RuleTestCase> Parse(string json, string name = "inline.cases.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Parse(Encoding.UTF8.GetBytes(json), name);
    }

    private static List<RuleTestCase> Parse(byte[] utf8, string name)
    {
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            utf8 = utf8[3..];
        }

        var locator = new JsonLocator(utf8);
        var reader = new Reader(name, locator);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8, documentOptions: s_options);
        }
        catch (JsonException ex)
        {
            var cut = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var (line, column, message) = JsonErrors.Locate(ex, locator, (cut > 0 ? ex.Message[..cut] : ex.Message).TrimEnd('.', ' '));
            throw new RuleTestCaseException([new RuleDiagnostic(name, line, column, null, "$", message) { Code = DiagnosticCodes.JsonSyntax }]);
        }

        var cases = reader.Read(root);
        if (reader.Diagnostics.Count > 0)
        {
            throw new RuleTestCaseException([.. reader.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column)]);
        }

        return cases;
    }

    private sealed class Reader(string file, JsonLocator locator)
    {
        // Members the author probably meant where an unknown member stood: their absence is the same mistake, reported once.
        private readonly HashSet<string> _meant = new(StringComparer.Ordinal);

        public List<RuleDiagnostic> Diagnostics { get; } = [];

        public List<RuleTestCase> Read(JsonNode? root)
        {
            var problems = new List<ShapeProblem>();
            var info = RuleTestJsonContext.Default.RuleTestFileDocument;
            if (root is not JsonObject || !RuleSetShape.Check(root, info, "$", null, problems))
            {
                Error("$", "a case file must be a JSON object: { \"cases\": [ … ] }");
                return [];
            }

            // The complaint is read as the CLI's input is: the same camelCase members, checked the same way.
            if (root["cases"] is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JsonObject item && item["complaint"] is { } complaint
                        && !RuleSetShape.Check(complaint, ComplaintJsonContext.Default.Complaint, $"$.cases[{i}].complaint", null, problems))
                    {
                        item.Remove("complaint");
                    }
                }
            }

            foreach (var problem in problems)
            {
                var (line, column) = problem.AtName ? locator.LocateName(problem.Path) : locator.Locate(problem.Path);
                Diagnostics.Add(new RuleDiagnostic(file, line, column, null, problem.Path, problem.Message)
                {
                    Code = problem.AtName ? DiagnosticCodes.UnknownMember : DiagnosticCodes.WrongType,
                });
                if (problem.Meant is not null)
                {
                    _meant.Add(problem.Meant);
                }
            }

            RuleTestFileDocument? document;
            try
            {
                document = root.Deserialize(info);
            }
            catch (JsonException ex)
            {
                Error(ex.Path ?? "$", ex.Message);
                return [];
            }

            if (document?.Cases is not { } documents)
            {
                Error("$", "the file has no \"cases\" array");
                return [];
            }

            var cases = new List<RuleTestCase>(documents.Count);
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < documents.Count; i++)
            {
                var path = $"$.cases[{i}]";
                if (documents[i] is not { } doc)
                {
                    Error(path, "a case must be an object with \"name\", \"complaint\" and \"expect\"");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(doc.Name))
                {
                    Error(path, "the case has no \"name\"");
                    continue;
                }

                if (!names.Add(doc.Name))
                {
                    Error($"{path}.name", $"two cases are named '{doc.Name}'; give each case its own name");
                }

                var complaint = ReadComplaint(doc, path);
                var expect = ReadExpectations(doc.Expect, $"{path}.expect");
                if (complaint is not null && expect is not null)
                {
                    cases.Add(new RuleTestCase { Name = doc.Name, Complaint = complaint, Expect = expect, Pending = doc.Pending, File = file, Line = locator.Locate(path).Line });
                }
            }

            return cases;
        }

        private Complaint? ReadComplaint(RuleTestCaseDocument doc, string path)
        {
            if (doc.Complaint is not { } complaint)
            {
                Missing($"{path}.complaint", path, $"case '{doc.Name}' has no \"complaint\"; write at least {{ \"text\": \"…\" }}");
                return null;
            }

            if (complaint["text"] is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            {
                Missing($"{path}.complaint.text", $"{path}.complaint", $"the complaint of case '{doc.Name}' has no \"text\"");
                return null;
            }

            if (complaint["id"] is null)
            {
                complaint["id"] = doc.Name;
            }

            try
            {
                return complaint.Deserialize(ComplaintJsonContext.Default.Complaint);
            }
            catch (JsonException ex)
            {
                Error($"{path}.complaint", ex.Message);
                return null;
            }
        }

        private RuleTestExpectations? ReadExpectations(RuleTestExpectDocument? expect, string path)
        {
            if (expect is null)
            {
                Missing(path, path[..path.LastIndexOf('.')], "the case has no \"expect\"; add at least one expectation, e.g. \"primaryCause\"");
                return null;
            }

            var errorsBefore = Diagnostics.Count;
            var result = new RuleTestExpectations
            {
                PrimaryCause = One<RootCause>(expect.PrimaryCause, $"{path}.primaryCause", Vocabulary.TryParseCause, Vocabulary.Causes),
                CausesPresent = Many<RootCause>(expect.CausesPresent, $"{path}.causesPresent", TryParseRealCause, Vocabulary.Causes.Skip(1)),
                CausesAbsent = Many<RootCause>(expect.CausesAbsent, $"{path}.causesAbsent", TryParseRealCause, Vocabulary.Causes.Skip(1)),
                ConflictType = One<ConflictType>(expect.ConflictType, $"{path}.conflictType", Vocabulary.TryParseConflict, Vocabulary.Conflicts),
                Severity = One<Severity>(expect.Severity, $"{path}.severity", Vocabulary.TryParseSeverity, Vocabulary.Severities),
                SeverityAtLeast = One<Severity>(expect.SeverityAtLeast, $"{path}.severityAtLeast", Vocabulary.TryParseSeverity, Vocabulary.Severities),
                RemediesPresent = Ids(expect.RemediesPresent, $"{path}.remediesPresent"),
                RemediesAbsent = Ids(expect.RemediesAbsent, $"{path}.remediesAbsent"),
                StepsInOrder = Many<HandlingStep>(expect.StepsInOrder, $"{path}.stepsInOrder", Vocabulary.TryParseStep, Vocabulary.Steps),
                RulesFired = Ids(expect.RulesFired, $"{path}.rulesFired"),
                RulesNotFired = Ids(expect.RulesNotFired, $"{path}.rulesNotFired"),
            };

            if (result.Severity is not null && result.SeverityAtLeast is not null)
            {
                Error($"{path}.severityAtLeast", "give \"severity\" (exact) or \"severityAtLeast\", not both");
            }

            var empty = result.PrimaryCause is null && result.CausesPresent.Count == 0 && result.CausesAbsent.Count == 0 && result.ConflictType is null
                && result.Severity is null && result.SeverityAtLeast is null && result.RemediesPresent.Count == 0 && result.RemediesAbsent.Count == 0
                && result.StepsInOrder.Count == 0 && result.RulesFired.Count == 0 && result.RulesNotFired.Count == 0;
            if (empty && Diagnostics.Count == errorsBefore)
            {
                Error(path, "\"expect\" is empty; add at least one expectation, e.g. \"primaryCause\"");
            }

            return Diagnostics.Count == errorsBefore ? result : null;
        }

        private static bool TryParseRealCause(string? name, out RootCause cause) => Vocabulary.TryParseCause(name, out cause) && cause != RootCause.None;

        private delegate bool TryParse<T>(string? name, out T value);

        private T? One<T>(string? name, string path, TryParse<T> parse, IEnumerable<string> known)
            where T : struct
        {
            if (name is null)
            {
                return null;
            }

            if (parse(name, out var value))
            {
                return value;
            }

            Unknown(name, path, known);
            return null;
        }

        private T[] Many<T>(List<string?>? names, string path, TryParse<T> parse, IEnumerable<string> known)
        {
            if (names is null)
            {
                return [];
            }

            var values = new List<T>(names.Count);
            for (var i = 0; i < names.Count; i++)
            {
                if (parse(names[i], out var value))
                {
                    values.Add(value);
                }
                else
                {
                    Unknown(names[i], $"{path}[{i}]", known);
                }
            }

            return [.. values];
        }

        private string[] Ids(List<string?>? ids, string path)
        {
            if (ids is null)
            {
                return [];
            }

            for (var i = 0; i < ids.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(ids[i]))
                {
                    Error($"{path}[{i}]", "an id must not be empty");
                }
            }

            return [.. ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!)];
        }

        private void Unknown(string? name, string path, IEnumerable<string> known)
        {
            var names = known.ToArray();
            var suggestion = name is null ? null : NameSuggestions.Closest(name, names);
            Error(path, $"'{name}' is not one of: {string.Join(", ", names)}" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
        }

        private void Missing(string member, string path, string message)
        {
            if (!_meant.Contains(member))
            {
                Error(path, message);
            }
        }

        private void Error(string path, string message)
        {
            var (line, column) = locator.Locate(path);
            Diagnostics.Add(new RuleDiagnostic(file, line, column, null, path, message) { Code = DiagnosticCodes.InvalidTestCase });
        }
    }
}
