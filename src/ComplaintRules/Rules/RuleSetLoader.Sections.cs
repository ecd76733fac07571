using ComplaintRules.Features;

namespace ComplaintRules.Rules;

// The sections of one layer: settings, lexicons and their phrases, the remedy catalogue, disabled ids and the rules,
// each checked as it is read and merged over the layers before it.
internal sealed partial class RuleSetLoader
{
    private void AddSettings(SourceDocument source, RuleSetSettings? settings)
    {
        if (settings?.CauseThreshold is { } threshold)
        {
            if (threshold is > 0 and <= 1)
            {
                _causeThreshold = threshold;
            }
            else
            {
                Error(DiagnosticCodes.InvalidSetting, source, "$.settings.causeThreshold", null, $"causeThreshold must be above 0 and at most 1, not {threshold}");
            }
        }

        if (settings?.ConflictNeedsCause is { } needsCause)
        {
            _conflictNeedsCause = needsCause; // a later layer may turn it off again
        }
    }

    private void AddLexicons(SourceDocument source, Dictionary<string, LexiconDocument>? lexicons)
    {
        if (lexicons is null)
        {
            return;
        }

        foreach (var (name, lexicon) in lexicons)
        {
            var path = $"$.lexicons.{name}";
            if (!NamePatterns.IsLowerSnake(name))
            {
                Error(DiagnosticCodes.InvalidLexicon, source, path, null, $"lexicon name '{name}' must be lower_snake_case (a-z, 0-9, _), starting with a letter");
                continue;
            }

            if (SignalTable.BuiltIn.Contains(name))
            {
                Error(DiagnosticCodes.InvalidLexicon, source, path, null, $"'{name}' is a built-in marker; choose another lexicon name");
                continue;
            }

            if (lexicon is null)
            {
                Error(DiagnosticCodes.InvalidLexicon, source, path, null, "a lexicon must be an object with \"zh\" and/or \"en\" phrase lists, or \"near\" patterns");
                continue;
            }

            if (!_lexiconByName.TryGetValue(name, out var state))
            {
                state = new LexiconState();
                _lexiconByName[name] = state;
                _lexicons.Add((name, state));
            }

            state.Negatable = lexicon.Negatable ?? state.Negatable;
            state.Hides = lexicon.Hides ?? state.Hides;
            state.Evidence = lexicon.Evidence ?? state.Evidence;
            AddPhrases(source, $"{path}.zh", lexicon.Zh, state);
            AddPhrases(source, $"{path}.en", lexicon.En, state);
            AddNearPatterns(source, name, $"{path}.near", lexicon.Near, state);
        }
    }

    private void AddPhrases(SourceDocument source, string path, List<string>? phrases, LexiconState state)
    {
        if (phrases is null)
        {
            return;
        }

        for (var i = 0; i < phrases.Count; i++)
        {
            var phrase = phrases[i];
            if (string.IsNullOrWhiteSpace(phrase) || phrase.Trim() == "*")
            {
                Error(DiagnosticCodes.InvalidLexicon, source, $"{path}[{i}]", null, "a phrase must not be empty");
                continue;
            }

            if (phrase.Length > 200)
            {
                Error(DiagnosticCodes.InvalidLexicon, source, $"{path}[{i}]", null, "a phrase is limited to 200 characters");
                continue;
            }

            state.Phrases.Add(phrase);
        }
    }

    private void AddCatalog(SourceDocument source, Dictionary<string, RemedyDefinition>? catalog)
    {
        if (catalog is null)
        {
            return;
        }

        foreach (var (name, definition) in catalog)
        {
            var path = $"$.remedyCatalog.{name}";
            if (!NamePatterns.IsLowerSnake(name))
            {
                Error(DiagnosticCodes.InvalidRemedy, source, path, null, $"remedy name '{name}' must be lower_snake_case");
            }
            else if (!Vocabulary.TryParseOutcome(definition?.OutcomeClass, out var outcome))
            {
                Error(DiagnosticCodes.InvalidRemedy, source, $"{path}.outcomeClass", null,
                    $"outcomeClass '{definition?.OutcomeClass}' is not one of: {string.Join(", ", Vocabulary.OutcomeClasses)}");
            }
            else
            {
                _catalog[name] = new CatalogEntry(outcome, source, path);
                _remedyLabels[name] = definition!.Label ?? _remedyLabels.GetValueOrDefault(name);
            }
        }
    }

    private void AddDisabled(SourceDocument source, List<string>? disable)
    {
        if (disable is null)
        {
            return;
        }

        for (var i = 0; i < disable.Count; i++)
        {
            var id = disable[i];
            if (id is not null && _ruleById.Remove(id, out var index))
            {
                _rules[index] = null;
            }
            else
            {
                var suggestion = id is null ? null : NameSuggestions.Closest(id, _ruleById.Keys);
                Error(DiagnosticCodes.UnknownDisabledRule, source, $"$.disable[{i}]", null,
                    $"cannot disable '{id}': no earlier rule has that id" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
            }
        }
    }

    private void AddRules<T>(SourceDocument source, Decision decision, List<T>? rules)
        where T : RuleDocument
    {
        if (rules is null)
        {
            return;
        }

        var seenHere = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var path = $"$.rules.{decision.Name()}[{i}]";
            if (rule is null)
            {
                Error(DiagnosticCodes.InvalidRule, source, path, null, "a rule must be an object");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                Error(DiagnosticCodes.InvalidRule, source, path, null, "the rule has no \"id\"; every rule needs a stable, unique id");
                continue;
            }

            var pending = new PendingRule(rule, decision, source, path);
            if (!seenHere.Add(rule.Id))
            {
                Error(DiagnosticCodes.DuplicateId, source, $"{path}.id", rule.Id, "duplicate id in this file");
                continue;
            }

            if (_ruleById.TryGetValue(rule.Id, out var existing))
            {
                var earlier = _rules[existing]!;
                if (rule.Override != true)
                {
                    var (line, _) = earlier.Source.Locator.Locate(earlier.Path);
                    Error(DiagnosticCodes.DuplicateId, source, $"{path}.id", rule.Id,
                        $"duplicate id: already defined in {earlier.Source.Name} line {line}; add \"override\": true to replace it, or list it under \"disable\"");
                }
                else if (earlier.Decision != decision)
                {
                    Error(DiagnosticCodes.InvalidOverride, source, $"{path}.id", rule.Id, $"overrides a {earlier.Decision.Name()} rule from a {decision.Name()} list; an override must stay in its decision");
                }
                else
                {
                    _rules[existing] = pending;
                }

                continue;
            }

            if (rule.Override == true)
            {
                Error(DiagnosticCodes.InvalidOverride, source, $"{path}.override", rule.Id, "\"override\": true, but no earlier rule has this id");
                continue;
            }

            _ruleById[rule.Id] = _rules.Count;
            _rules.Add(pending);
        }
    }

    // Every phrase with its lexicon's signal, listed by a loop: no LINQ over tuples for the JIT to compile at start.
    private (string Phrase, int Family)[] Phrases(SignalTable signals)
    {
        var count = 0;
        foreach (var (_, state) in _lexicons)
        {
            count += state.Phrases.Count;
        }

        var phrases = new (string, int)[count];
        count = 0;
        foreach (var (name, state) in _lexicons)
        {
            var signal = signals.Index[name];
            foreach (var phrase in state.Phrases)
            {
                phrases[count++] = (phrase, signal);
            }
        }

        return phrases;
    }
}
