using System.Security.Cryptography;
using System.Text.Json;
using ComplaintRules.Deadlines;
using ComplaintRules.EarlyWarning;
using ComplaintRules.Features;

namespace ComplaintRules.Rules;

// Each document of a load: read once, up front, then parsed and added as a layer over the ones before it.
internal sealed partial class RuleSetLoader
{
    // Every document is read once, up front: its bytes decide whether an identical load can be reused.
    private static List<(RuleSetSource Source, byte[]? Bytes, Exception? Error)> ReadLayers(IReadOnlyList<RuleSetSource> sources)
    {
        var layers = new List<(RuleSetSource, byte[]?, Exception?)>(sources.Count + 2);
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(sources));
            layers.Add(Read(source));
            if (ReferenceEquals(source, RuleSetSource.Default))
            {
                foreach (var companion in RuleSetSource.DefaultCompanions)
                {
                    layers.Add(Read(companion));
                }
            }
        }

        return layers;

        static (RuleSetSource, byte[]?, Exception?) Read(RuleSetSource source)
        {
            try
            {
                return (source, source.Read(), null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return (source, null, ex);
            }
        }
    }

    private void AddLayer(RuleSetSource source, byte[]? bytes, Exception? error)
    {
        if (_defaultOnly && bytes is not null && ReferenceEquals(source, RuleSetSource.DefaultTieBreak))
        {
            _deferredTieBreak = bytes; // thirteen thousand grams: read when a complaint first needs them
            return;
        }

        if (bytes is null)
        {
            _diagnostics.Add(new RuleDiagnostic(source.Name, 1, 1, null, "$", error!.Message) { Code = DiagnosticCodes.FileUnreadable });
            return;
        }

        if (bytes.Length > RuleSetSource.MaxDocumentBytes)
        {
            // Files and streams are cut off while reading; a document given as a string is checked here.
            _diagnostics.Add(new RuleDiagnostic(source.Name, 1, 1, null, "$",
                $"the document is {bytes.Length} bytes; the limit is {RuleSetSource.MaxDocumentBytes}. Split it into layered files") { Code = DiagnosticCodes.DocumentTooLarge });
            return;
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            _diagnostics.Add(new RuleDiagnostic(source.Name, 1, 1, null, "$", "the file is UTF-16; save it as UTF-8") { Code = DiagnosticCodes.WrongEncoding });
            return;
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        if (!_defaultOnly)
        {
            (_hash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256)).AppendData(bytes);
        }
        var document = new SourceDocument(source.Name, new JsonLocator(bytes));
        RuleSetDocument? parsed;
        try
        {
            // A well-formed document is read straight off the reader; anything else by the serializer, as before.
            parsed = RuleSetDocumentReader.TryRead(bytes) ?? JsonSerializer.Deserialize(bytes, RuleSetJsonContext.Default.RuleSetDocument);
        }
        catch (JsonException ex)
        {
            // Not a syntax error: the tolerant pass reports every unknown member and wrong type, and the rest is validated as usual.
            if (ex.InnerException is JsonException || !TryReshape(document, bytes, out parsed))
            {
                _malformed |= ex.InnerException is JsonException; // the reader's syntax error, wrapped with a path
                var (line, column, message) = JsonErrors.Locate(ex, document.Locator, JsonErrors.Explain(ex));
                _diagnostics.Add(new RuleDiagnostic(source.Name, line, column, null, ex.Path ?? "$", message) { Code = DiagnosticCodes.JsonSyntax });
                return;
            }

            if (parsed is null)
            {
                return;
            }
        }

        if (parsed is null)
        {
            _diagnostics.Add(new RuleDiagnostic(source.Name, 1, 1, null, "$", "the document is empty; it must be a JSON object") { Code = DiagnosticCodes.EmptyDocument });
            return;
        }

        _name = parsed.Name ?? _name;
        _version = parsed.Version ?? _version;
        AddSettings(document, parsed.Settings);
        AddLexicons(document, parsed.Lexicons);
        AddConditions(document, parsed.Conditions);
        AddCatalog(document, parsed.RemedyCatalog);
        AddDisabled(document, parsed.Disable);
        if (parsed.Calendars is not null || parsed.Regimes is not null)
        {
            (_regimes ??= new RegimeSectionLoader(_diagnostics)).Add(source.Name, document.Locator, parsed.Calendars, parsed.Regimes);
        }

        if (parsed.Alerts is not null)
        {
            (_alerts ??= new AlertSectionLoader(_diagnostics)).Add(source.Name, document.Locator, parsed.Alerts);
        }

        AddTieBreak(document, parsed.TieBreak);
        if (parsed.Authority is not null)
        {
            (_authority ??= new Authority.AuthoritySectionLoader(_diagnostics)).Add(source.Name, document.Locator, parsed.Authority);
        }

        var rules = parsed.Rules;
        if (rules is not null)
        {
            AddRules(document, Decision.Causes, rules.Causes);
            AddRules(document, Decision.Intensity, rules.Intensity);
            AddRules(document, Decision.Conflicts, rules.Conflicts);
            AddRules(document, Decision.Severity, rules.Severity);
            AddRules(document, Decision.Steps, rules.Steps);
            AddRules(document, Decision.Remedies, rules.Remedies);
        }
    }
}
