using ComplaintRules.Features;

namespace ComplaintRules.Rules;

// Proximity patterns of lexicons ("near"): checked as each layer is read, resolved to signals once all layers are in.
internal sealed partial class RuleSetLoader
{
    /// <summary>Most words (Latin) or characters (CJK) a near pattern may allow between its two lexicons.</summary>
    public const int MaxNearWithin = 50;

    private void AddNearPatterns(SourceDocument source, string lexicon, string path, List<NearPatternDocument>? patterns, LexiconState state)
    {
        if (patterns is null)
        {
            return;
        }

        for (var i = 0; i < patterns.Count; i++)
        {
            var p = patterns[i];
            var at = $"{path}[{i}]";
            if (p is null)
            {
                Error(DiagnosticCodes.InvalidNearPattern, source, at, null, $"lexicon '{lexicon}': a near pattern must be an object: {{\"first\": \"…\", \"then\": \"…\", \"within\": 3}}");
                continue;
            }

            var ok = true;
            foreach (var (member, value) in (ReadOnlySpan<(string, string?)>)[("first", p.First), ("then", p.Then)])
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    Error(DiagnosticCodes.InvalidNearPattern, source, $"{at}.{member}", null, $"lexicon '{lexicon}': a near pattern needs \"{member}\", the name of a lexicon");
                    ok = false;
                }
            }

            if (p.Within is not { } within || within is < 0 or > MaxNearWithin)
            {
                Error(DiagnosticCodes.InvalidNearPattern, source, $"{at}.within", null,
                    $"lexicon '{lexicon}': \"within\" must be a whole number from 0 to {MaxNearWithin} (words between, or characters in Chinese), not {p.Within?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}");
                ok = false;
            }

            if (p.Language is not (null or "zh" or "en"))
            {
                Error(DiagnosticCodes.InvalidNearPattern, source, $"{at}.language", null, $"lexicon '{lexicon}': language '{p.Language}' is not one of: zh, en");
                ok = false;
            }

            if (p.Order is not (null or "ordered" or "any"))
            {
                Error(DiagnosticCodes.InvalidNearPattern, source, $"{at}.order", null, $"lexicon '{lexicon}': order '{p.Order}' is not one of: ordered, any");
                ok = false;
            }

            if (p.Scope is not (null or "clause" or "sentence" or "text"))
            {
                Error(DiagnosticCodes.InvalidNearPattern, source, $"{at}.scope", null, $"lexicon '{lexicon}': scope '{p.Scope}' is not one of: clause, sentence, text");
                ok = false;
            }

            if (ok)
            {
                state.Near.Add(new PendingNear(lexicon, p.First!, p.Then!, p.Within!.Value, p.Language, p.Order == "any", p.Scope switch { "sentence" => NearScope.Sentence, "text" => NearScope.Text, _ => NearScope.Clause }, source, at));
            }
        }
    }

    // Names to signals, then the patterns in dependency order (a pattern's lexicons before the pattern's own); a cycle is an error.
    private List<NearPattern> ResolveNearPatterns(SignalTable signals)
    {
        var resolved = new List<NearPattern>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: being visited; true: done
        foreach (var (name, lexicon) in _lexicons)
        {
            if (lexicon.Near.Count > 0)
            {
                Visit(name, lexicon, [], state, signals, resolved);
            }
        }

        return resolved;
    }

    private void Visit(string name, LexiconState lexicon, List<string> path, Dictionary<string, bool> state, SignalTable signals, List<NearPattern> resolved)
    {
        state[name] = false;
        path.Add(name);
        var ok = true;
        foreach (var pattern in lexicon.Near)
        {
            foreach (var (member, other) in (ReadOnlySpan<(string, string)>)[("first", pattern.First), ("then", pattern.Then)])
            {
                if (!_lexiconByName.TryGetValue(other, out var referenced))
                {
                    ok = false;
                    var suggestion = NameSuggestions.Closest(other, _lexiconByName.Keys);
                    var builtIn = SignalTable.BuiltIn.Contains(other) ? $"; '{other}' is a built-in marker, and near patterns combine lexicons" : "";
                    Error(DiagnosticCodes.UnknownNearLexicon, pattern.Source, $"{pattern.Path}.{member}", null,
                        $"lexicon '{name}': unknown lexicon '{other}' in a near pattern" + (builtIn.Length > 0 ? builtIn : suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
                    continue;
                }

                if (referenced.Near.Count == 0)
                {
                    continue;
                }

                if (state.TryGetValue(other, out var done))
                {
                    if (!done)
                    {
                        ok = false;
                        var cycle = string.Join(" → ", path[path.IndexOf(other)..]) + " → " + other;
                        Error(DiagnosticCodes.NearPatternCycle, pattern.Source, $"{pattern.Path}.{member}", null,
                            $"lexicon '{name}': near patterns form a cycle ({cycle}); a pattern cannot build on itself");
                    }

                    continue;
                }

                Visit(other, referenced, path, state, signals, resolved);
            }
        }

        path.RemoveAt(path.Count - 1);
        state[name] = true;
        if (!ok)
        {
            return;
        }

        var target = signals.Index[name];
        foreach (var p in lexicon.Near)
        {
            resolved.Add(new NearPattern(target, signals.Index[p.First], signals.Index[p.Then], p.Within, p.Language, p.AnyOrder, p.Scope));
        }
    }

    private sealed record PendingNear(string Lexicon, string First, string Then, int Within, string? Language, bool AnyOrder, NearScope Scope, SourceDocument Source, string Path);
}
