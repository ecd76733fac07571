using System.Globalization;
using ComplaintRules.Features;

namespace ComplaintRules.Rules;

// Once every layer is in: each rule's condition compiled, its outcome fields checked, the compiled rule built.
internal sealed partial class RuleSetLoader
{
    private CompiledRule? Compile(PendingRule pending, SignalTable signals, RuleExpressionCompiler compiler)
    {
        var (doc, decision, source, path) = pending;
        var id = doc.Id!;
        var errorsBefore = _diagnostics.Count;
        var outcome = ValidateOutcome(pending);
        if (doc.When is null)
        {
            Error(DiagnosticCodes.MissingCondition, source, path, id, "the rule has no \"when\" condition; write \"true\" for a rule that always fires");
            return null;
        }

        if (ExpandConditions(pending) is not { } expansion)
        {
            return null;
        }

        var condition = compiler.Compile(expansion.Text, decision, signals);
        if (condition.Error is not null)
        {
            if (TryPlaceError(expansion, condition, out var position, out var message))
            {
                var (line, column) = source.Locator.LocateInString($"{path}.when", position);
                _diagnostics.Add(new RuleDiagnostic(source.Name, line, column, id, $"{path}.when", message) { Code = condition.ErrorCode });
            }

            return null;
        }

        if (_diagnostics.Count > errorsBefore || outcome is null)
        {
            return null;
        }

        foreach (var warning in condition.Warnings)
        {
            var (line, column) = source.Locator.LocateInString($"{path}.when", 0);
            _warnings.Add(new RuleDiagnostic(source.Name, line, column, id, $"{path}.when", warning) { Code = DiagnosticCodes.ConditionMayFail, Severity = DiagnosticSeverity.Warning });
        }

        var rule = outcome(condition.Evaluate!, condition.SignalsRead) with
        {
            Reads = condition.Reads, Fallback = condition.ReadsOwnOutcome, ExpandedWhen = expansion.Text, Guard = condition.Guard,
        };
        condition.Tiered?.WhenCompiled(compiled => rule.Condition = compiled); // then the rule calls the compiled delegate directly
        return rule;
    }

    // Checks the rule's outcome fields; returns a factory for the compiled rule, or null after reporting errors.
    private Func<Func<ComplaintFacts, bool>, int[], CompiledRule>? ValidateOutcome(PendingRule pending)
    {
        var (doc, _, source, path) = pending;
        var id = doc.Id!;
        var when = doc.When ?? "";
        switch (doc)
        {
            case CauseRuleDocument r:
                var causeOk = Vocabulary.TryParseCause(r.Cause, out var cause);
                if (!causeOk)
                {
                    Error(DiagnosticCodes.InvalidRuleField, source, $"{path}.cause", id, $"cause '{r.Cause}' is not one of: expectation, rights_claim, venting, none (not a complaint)");
                }

                if (causeOk && cause == RootCause.None && r.PrimaryOnly == true)
                {
                    causeOk = false;
                    Error(DiagnosticCodes.InvalidRuleField, source, $"{path}.primaryOnly", id, "primaryOnly applies to a rule for expectation, rights_claim or venting; a rule for none lists no cause");
                }

                var weight = CheckWeight(source, path, id, r.Weight);
                return causeOk && weight is { } w ? (c, s) => new CauseRule(id, when, c, s, cause, w) { PrimaryOnly = r.PrimaryOnly ?? false } : null;

            case IntensityRuleDocument r:
                if (r.Points is not { } points || points is < -4 or > 4 or 0)
                {
                    Error(DiagnosticCodes.InvalidRuleField, source, $"{path}.points", id, $"points must be a whole number from -4 to 4, not 0 ({r.Points?.ToString(CultureInfo.InvariantCulture) ?? "missing"})");
                    return null;
                }

                return (c, s) => new IntensityRule(id, when, c, s, points);

            case ConflictRuleDocument r:
                var typeOk = Vocabulary.TryParseConflict(r.Type, out var type);
                if (!typeOk)
                {
                    Error(DiagnosticCodes.InvalidRuleField, source, $"{path}.type", id, $"type '{r.Type}' is not one of: {string.Join(", ", Vocabulary.Conflicts)}");
                }

                var conflictWeight = CheckWeight(source, path, id, r.Weight);
                return typeOk && conflictWeight is { } cw ? (c, s) => new ConflictRule(id, when, c, s, type, r.Subtype, cw) : null;

            case SeverityRuleDocument r:
                if (!Vocabulary.TryParseSeverity(r.Level, out var level))
                {
                    Error(DiagnosticCodes.InvalidRuleField, source, $"{path}.level", id, $"level '{r.Level}' is not one of: {string.Join(", ", Vocabulary.Severities)}");
                    return null;
                }

                var reason = r.Reason ?? new LocalizedText();
                return (c, s) => new SeverityRule(id, when, c, s, level, reason);

            case StepRuleDocument r:
                if (!Vocabulary.TryParseStep(r.Step, out var step))
                {
                    Error(DiagnosticCodes.InvalidRuleField, source, $"{path}.step", id, $"step '{r.Step}' is not one of: {string.Join(", ", Vocabulary.Steps)}");
                    return null;
                }

                var emphasis = r.Emphasis ?? "normal";
                if (emphasis is not ("normal" or "extended"))
                {
                    Error(DiagnosticCodes.InvalidRuleField, source, $"{path}.emphasis", id, $"emphasis '{emphasis}' is not one of: normal, extended");
                    return null;
                }

                if (r.Guidance is null)
                {
                    Error(DiagnosticCodes.InvalidRuleField, source, $"{path}.guidance", id, "a step rule needs \"guidance\" ({\"zh\": \"…\", \"en\": \"…\"})");
                    return null;
                }

                var order = r.Order ?? ((int)step + 1) * 10;
                var stepPriority = r.Priority ?? 0;
                var checklist = r.Checklist?.Where(t => t is not null).ToArray() ?? [];
                return (c, s) => new StepRule(id, when, c, s, step, order, stepPriority, emphasis, r.Guidance, checklist);

            case RemedyRuleDocument r:
                if (r.Remedy is null || !_catalog.TryGetValue(r.Remedy, out var entry))
                {
                    var suggestion = r.Remedy is null ? null : NameSuggestions.Closest(r.Remedy, _catalog.Keys);
                    Error(DiagnosticCodes.InvalidRuleField, source, $"{path}.remedy", id, $"remedy '{r.Remedy}' is not in the remedyCatalog" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
                    return null;
                }

                var remedy = r.Remedy;
                var priority = r.Priority ?? 50;
                var remedyReason = r.Reason ?? new LocalizedText();
                return (c, s) => new RemedyRule(id, when, c, s, remedy, entry.Class, priority, remedyReason);

            default:
                throw new InvalidOperationException($"Unexpected rule document {doc.GetType().Name}.");
        }
    }

    private double? CheckWeight(SourceDocument source, string path, string id, double? weight)
    {
        if (weight is { } w && w > 0 && w <= 1)
        {
            return w;
        }

        Error(DiagnosticCodes.InvalidRuleField, source, $"{path}.weight", id, $"weight must be above 0 and at most 1 ({weight?.ToString(CultureInfo.InvariantCulture) ?? "missing"})");
        return null;
    }
}
