using ComplaintRules.Features;

namespace ComplaintRules.Rules;

// The "conditions" section: named conditions, checked once on their own, then written out into the rules that call
// them (Is("name")) before those compile. A problem inside a named condition is reported once, where it is written.
internal sealed partial class RuleSetLoader
{
    private readonly NamedConditions _conditions = new();
    private readonly Dictionary<string, (SourceDocument Source, string Path)> _conditionSources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failedConditions = new(StringComparer.Ordinal);

    private void AddConditions(SourceDocument source, Dictionary<string, NamedConditionDocument>? conditions)
    {
        if (conditions is null)
        {
            return;
        }

        foreach (var (name, condition) in conditions)
        {
            var path = $"$.conditions.{name}";
            if (!NamePatterns.IsLowerSnake(name))
            {
                Error(DiagnosticCodes.InvalidCondition, source, path, null, $"condition name '{name}' must be lower_snake_case (a-z, 0-9, _), starting with a letter");
                continue;
            }

            if (condition?.When is not { } when || string.IsNullOrWhiteSpace(when))
            {
                Error(DiagnosticCodes.InvalidCondition, source, path, null, "a named condition needs \"when\": the condition rules read as Is(\"" + name + "\")");
                continue;
            }

            _conditions.Set(name, when); // a later layer redefines it
            _conditionSources[name] = (source, $"{path}.when");
        }
    }

    // Each named condition compiles on its own, as a rule of the last decision would (so it may read any outcome; a
    // rule of an earlier decision that calls it is checked again when it compiles).
    private void CheckConditions(SignalTable signals, RuleExpressionCompiler compiler)
    {
        foreach (var name in _conditions.Names)
        {
            var (source, path) = _conditionSources[name];
            var expansion = _conditions.Expand(_conditions.Body(name), name);
            var (error, code, position) = (expansion.Error, expansion.ErrorCode, expansion.ErrorAt);
            if (error is null)
            {
                var compiled = compiler.Compile(expansion.Text, Decision.Remedies, signals);
                if (compiled.Error is null)
                {
                    continue;
                }

                (position, error) = expansion.Place(compiled);
                code = compiled.ErrorCode;
            }

            _failedConditions.Add(name);
            var (line, column) = source.Locator.LocateInString(path, position);
            _diagnostics.Add(new RuleDiagnostic(source.Name, line, column, null, path, error) { Code = code ?? DiagnosticCodes.BadCondition });
        }
    }

    /// <summary>
    /// The rule's condition with its named conditions written out; null after reporting a problem (or when the
    /// problem lies in a named condition, reported where that is written).
    /// </summary>
    private ConditionExpansion? ExpandConditions(PendingRule pending)
    {
        var (doc, _, source, path) = pending;
        var expansion = _conditions.Expand(doc.When!);
        if (expansion.Error is null)
        {
            return expansion;
        }

        if (expansion.ErrorIn is null || !_failedConditions.Contains(expansion.ErrorIn))
        {
            var (line, column) = source.Locator.LocateInString($"{path}.when", expansion.ErrorAt);
            _diagnostics.Add(new RuleDiagnostic(source.Name, line, column, doc.Id, $"{path}.when", expansion.Error) { Code = expansion.ErrorCode ?? DiagnosticCodes.BadCondition });
        }

        return null;
    }

    // A compile error of an expanded condition, placed in the rule's own text; false when the rule calls a named
    // condition already reported as wrong (it is not blamed again: its own text is checked once that is mended).
    private bool TryPlaceError(ConditionExpansion expansion, CompiledCondition condition, out int position, out string message)
    {
        (position, message) = expansion.Place(condition);
        return !expansion.Splices.Any(s => _failedConditions.Contains(s.Name));
    }
}
