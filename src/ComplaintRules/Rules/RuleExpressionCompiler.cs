using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Reflection;
using ComplaintRules.Features;
using FastExpressionCompiler;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace ComplaintRules.Rules;

/// <summary>
/// Compiles a rule condition once, at load: RulesEngine's <see cref="RuleExpressionParser"/> parses it (Dynamic LINQ,
/// the engine's own settings), an allow-list walk rejects anything outside the rule language, signal and cause names
/// are resolved to array indices, and FastExpressionCompiler (the engine's compiler) turns it into a typed delegate.
/// </summary>
internal sealed partial class RuleExpressionCompiler
{
    /// <summary>Longest condition accepted, in characters.</summary>
    public const int MaxExpressionLength = 4000;

    /// <summary>
    /// Deepest nesting of brackets accepted, and the most prefix operators in a row (<c>!!x</c>) and conditional or
    /// lambda operators (<c>?</c>, <c>??</c>, <c>=&gt;</c>) in one condition: Dynamic LINQ's parser recurses on each,
    /// and must never run out of stack (a stack overflow kills the process).
    /// </summary>
    public const int MaxNestingDepth = 32;

    /// <summary>Deepest parsed expression tree accepted (e.g. a chain of 300 <c>||</c>); the allow-list walk and the compiler recurse over it.</summary>
    public const int MaxTreeDepth = 256;

    private static readonly MethodInfo s_count = Method(nameof(ComplaintFacts.Count));
    private static readonly MethodInfo s_has = Method(nameof(ComplaintFacts.Has));
    private static readonly MethodInfo s_negated = Method(nameof(ComplaintFacts.Negated));
    private static readonly MethodInfo s_demandCount = Method(nameof(ComplaintFacts.DemandCount));
    private static readonly MethodInfo s_closing = Method(nameof(ComplaintFacts.Closing));
    private static readonly MethodInfo s_causeScore = Method(nameof(ComplaintFacts.CauseScore));
    private static readonly MethodInfo s_conflictScore = Method(nameof(ComplaintFacts.ConflictScore));
    private static readonly FieldInfo s_signalCounts = typeof(ComplaintFacts).GetField(nameof(ComplaintFacts.SignalCounts), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly FieldInfo s_causeScores = typeof(ComplaintFacts).GetField(nameof(ComplaintFacts.CauseScores), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly PropertyInfo s_causeThreshold = typeof(ComplaintFacts).GetProperty(nameof(ComplaintFacts.CauseThreshold), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly FieldInfo s_conflictScores = typeof(ComplaintFacts).GetField(nameof(ComplaintFacts.ConflictScores), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>The members a condition may name: the public surface of <see cref="ComplaintFacts"/>.</summary>
    public static readonly IReadOnlyList<string> FactMembers = typeof(ComplaintFacts)
        .GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m is PropertyInfo || (m is MethodInfo mi && !mi.IsSpecialName && mi.Name != nameof(ToString)))
        .Select(m => m.Name)
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray();

    // Made on the first condition the simple parser leaves to it: the default rule set never needs it.
    private RuleExpressionParser? _parser;

    /// <summary>The interpreted conditions compiled by this compiler, which compile together once in steady use.</summary>
    public ConditionTiers Tiers { get; } = new();

    /// <summary>The settings RulesEngine is run with, here and in the equivalence tests: no custom types, no actions.</summary>
    public static ReSettings CreateSettings() => new()
    {
        CustomTypes = [typeof(ComplaintFacts)], // Dynamic LINQ calls methods only on known types
        IgnoreException = false,
        EnableExceptionAsErrorMessage = false,
        AutoRegisterInputType = false,
        IsExpressionCaseSensitive = true,
    };

    /// <summary>The parameter every condition reads; unnamed, so members are named without a prefix (<c>Count("x")</c>).</summary>
    public static ParameterExpression FactsParameter { get; } = Expression.Parameter(typeof(ComplaintFacts), "");

    public CompiledCondition Compile(string expression, Decision decision, SignalTable signals)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return CompiledCondition.Fail(0, "the condition 'when' is empty; write \"true\" for a rule that always fires");
        }

        if (expression.Length > MaxExpressionLength)
        {
            return CompiledCondition.Fail(0, $"the condition is {expression.Length} characters long; the limit is {MaxExpressionLength}. Split it into several rules", DiagnosticCodes.ConditionTooComplex);
        }

        var depthError = CheckNesting(expression);
        if (depthError is not null)
        {
            return depthError;
        }

        Expression body;
        try
        {
            body = SimpleConditionParser.TryParse(expression, FactsParameter)
                ?? (_parser ??= new RuleExpressionParser(CreateSettings())).Parse(expression, [FactsParameter], typeof(bool));
            if (body is LambdaExpression lambda)
            {
                body = lambda.Body;
            }
        }
        catch (ParseException ex)
        {
            return Unparsable(ex.Position, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException or FormatException or OverflowException)
        {
            return Unparsable(0, ex.Message);
        }

        var walker = new AllowListRewriter(decision, signals);
        Expression rewritten;
        try
        {
            rewritten = walker.Visit(body)!;
        }
        catch (RuleLanguageException ex)
        {
            return CompiledCondition.Fail(ex.Position, ex.Message, ex.Code);
        }

        if (rewritten.Type != typeof(bool))
        {
            return CompiledCondition.Fail(0, $"the condition must be true or false, but it gives a {rewritten.Type.Name}");
        }

        // The everyday shape runs interpreted until its rule set is in steady use (TieredCondition); the rest compiles now.
        var condition = Expression.Lambda<Func<ComplaintFacts, bool>>(rewritten, FactsParameter);
        var tiered = ConditionInterpreter.TryCreate(rewritten) is { } interpreted ? new TieredCondition(condition, interpreted, Tiers) : null;
        var compiled = tiered?.Evaluate ?? condition.CompileFast(ifFastFailedReturnNull: false);
        return new CompiledCondition(compiled, [.. walker.SignalsRead.Where(s => signals.IsEvidence[s])], null, 0)
        {
            Tiered = tiered,
            Reads = [.. walker.Reads],
            Guard = ConditionGuard.Of(rewritten),
            ReadsOwnOutcome = walker.ReadsOwnOutcome,
            Warnings = [.. walker.Risks.Warnings],
        };
    }

    private static CompiledCondition? CheckNesting(string expression)
    {
        var depth = 0;
        var prefixRun = 0;    // prefix operators in a row: "!!!x", "- -1", "not not x"
        var conditionals = 0; // '?', '??' and '=>': the parser recurses into their right-hand side
        var operandEnd = false;
        var inString = false;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    operandEnd = true;
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            var prefix = false;
            if (c == '"')
            {
                inString = true;
            }
            else if (c is '(' or '[' or '{')
            {
                if (++depth > MaxNestingDepth)
                {
                    return CompiledCondition.Fail(i, $"brackets are nested more than {MaxNestingDepth} deep; simplify the condition", DiagnosticCodes.ConditionTooComplex);
                }
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (c == '?' || (c == '=' && i + 1 < expression.Length && expression[i + 1] == '>'))
            {
                if (++conditionals > MaxNestingDepth)
                {
                    return CompiledCondition.Fail(i, $"more than {MaxNestingDepth} conditional or lambda operators ('?', '??', '=>'); split the condition into several rules", DiagnosticCodes.ConditionTooComplex);
                }
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                var start = i;
                while (i + 1 < expression.Length && (char.IsLetterOrDigit(expression[i + 1]) || expression[i + 1] == '_'))
                {
                    i++;
                }

                prefix = !operandEnd && expression.AsSpan(start, i - start + 1).Equals("not", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                prefix = !operandEnd && (c is '-' or '+' or '~' || (c == '!' && (i + 1 == expression.Length || expression[i + 1] != '=')));
            }

            if (prefix && ++prefixRun > MaxNestingDepth)
            {
                return CompiledCondition.Fail(i, $"more than {MaxNestingDepth} prefix operators in a row; simplify the condition", DiagnosticCodes.ConditionTooComplex);
            }

            prefixRun = prefix ? prefixRun : 0;
            operandEnd = !prefix && (char.IsLetterOrDigit(c) || c is '_' or ')' or ']' or '}' or '"' or '\'');
        }

        return null;
    }

    // Dynamic LINQ says "No property or field 'Cout' exists in type 'ComplaintFacts'"; add the member the author meant.
    // The parser's message, reworded for rule authors; a name it does not know is an unknown name, the rest bad syntax.
    private static CompiledCondition Unparsable(int position, string message)
    {
        var quoted = message.Split('\'');
        if (quoted.Length >= 3 && (message.StartsWith("No property or field", StringComparison.Ordinal) || message.StartsWith("No applicable method", StringComparison.Ordinal)))
        {
            var suggestion = NameSuggestions.Closest(quoted[1], FactMembers);
            return CompiledCondition.Fail(position, suggestion is null
                ? $"unknown name '{quoted[1]}'. Conditions can read: {string.Join(", ", FactMembers)}"
                : $"unknown name '{quoted[1]}'; did you mean '{suggestion}'?", DiagnosticCodes.UnknownName);
        }

        return CompiledCondition.Fail(position, message.TrimEnd('.'));
    }

    private static MethodInfo Method(string name) => typeof(ComplaintFacts).GetMethod(name, [typeof(string)])!;

}

/// <summary>A compiled condition, or why it could not be compiled.</summary>
/// <param name="Evaluate">The delegate, or <see langword="null"/> on error.</param>
/// <param name="SignalsRead">The signals the condition counts; their occurrences are the rule's evidence.</param>
/// <param name="Error">What is wrong, or <see langword="null"/>.</param>
/// <param name="ErrorPosition">0-based character offset of the error inside the expression.</param>
internal sealed record CompiledCondition(Func<ComplaintFacts, bool>? Evaluate, int[] SignalsRead, string? Error, int ErrorPosition)
{
    /// <summary>The facts the condition reads, for explanations.</summary>
    public FactRead[] Reads { get; init; } = [];

    /// <summary>Whether the condition reads the outcome of its own decision (causes or conflicts): the rule is a fallback.</summary>
    public bool ReadsOwnOutcome { get; init; }

    /// <summary>Where the condition can throw at run time (division by a value that can be 0…), for the rule author.</summary>
    public string[] Warnings { get; init; } = [];

    /// <summary>The interpreted condition behind <see cref="Evaluate"/>, until it compiles; <see langword="null"/> when compiled at load.</summary>
    public TieredCondition? Tiered { get; init; }

    /// <summary>Signal count slots that are all 0 only when the condition is false (<see cref="ConditionGuard"/>), or <see langword="null"/>.</summary>
    public int[]? Guard { get; init; }

    /// <summary>The <see cref="DiagnosticCodes"/> code of <see cref="Error"/>.</summary>
    public string ErrorCode { get; init; } = DiagnosticCodes.BadCondition;

    public static CompiledCondition Fail(int position, string error, string code = DiagnosticCodes.BadCondition) =>
        new(null, [], error, position) { ErrorCode = code };
}
