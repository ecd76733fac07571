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
internal sealed class RuleExpressionCompiler
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

    private readonly RuleExpressionParser _parser = new(CreateSettings());

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
            return CompiledCondition.Fail(0, $"the condition is {expression.Length} characters long; the limit is {MaxExpressionLength}. Split it into several rules");
        }

        var depthError = CheckNesting(expression);
        if (depthError is not null)
        {
            return depthError;
        }

        Expression body;
        try
        {
            body = _parser.Parse(expression, [FactsParameter], typeof(bool));
            if (body is LambdaExpression lambda)
            {
                body = lambda.Body;
            }
        }
        catch (ParseException ex)
        {
            return CompiledCondition.Fail(ex.Position, Explain(ex.Message));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException or FormatException or OverflowException)
        {
            return CompiledCondition.Fail(0, Explain(ex.Message));
        }

        var walker = new AllowListRewriter(decision, signals);
        Expression rewritten;
        try
        {
            rewritten = walker.Visit(body)!;
        }
        catch (RuleLanguageException ex)
        {
            return CompiledCondition.Fail(ex.Position, ex.Message);
        }

        if (rewritten.Type != typeof(bool))
        {
            return CompiledCondition.Fail(0, $"the condition must be true or false, but it gives a {rewritten.Type.Name}");
        }

        var compiled = Expression.Lambda<Func<ComplaintFacts, bool>>(rewritten, FactsParameter).CompileFast(ifFastFailedReturnNull: false);
        return new CompiledCondition(compiled, [.. walker.SignalsRead], null, 0)
        {
            Reads = [.. walker.Reads],
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
                    return CompiledCondition.Fail(i, $"brackets are nested more than {MaxNestingDepth} deep; simplify the condition");
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
                    return CompiledCondition.Fail(i, $"more than {MaxNestingDepth} conditional or lambda operators ('?', '??', '=>'); split the condition into several rules");
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
                return CompiledCondition.Fail(i, $"more than {MaxNestingDepth} prefix operators in a row; simplify the condition");
            }

            prefixRun = prefix ? prefixRun : 0;
            operandEnd = !prefix && (char.IsLetterOrDigit(c) || c is '_' or ')' or ']' or '}' or '"' or '\'');
        }

        return null;
    }

    // Dynamic LINQ says "No property or field 'Cout' exists in type 'ComplaintFacts'"; add the member the author meant.
    private static string Explain(string message)
    {
        var quoted = message.Split('\'');
        if (quoted.Length >= 3 && (message.StartsWith("No property or field", StringComparison.Ordinal) || message.StartsWith("No applicable method", StringComparison.Ordinal)))
        {
            var suggestion = Suggest(quoted[1], FactMembers);
            return suggestion is null
                ? $"unknown name '{quoted[1]}'. Conditions can read: {string.Join(", ", FactMembers)}"
                : $"unknown name '{quoted[1]}'; did you mean '{suggestion}'?";
        }

        return message.TrimEnd('.');
    }

    /// <summary>The known name closest to <paramref name="name"/> by edit distance, if close enough to be a typo.</summary>
    public static string? Suggest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var d = EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static MethodInfo Method(string name) => typeof(ComplaintFacts).GetMethod(name, [typeof(string)])!;

    private sealed class RuleLanguageException(string message, int position = 0) : Exception(message)
    {
        public int Position { get; } = position;
    }

    /// <summary>
    /// Walks the parsed tree and lets through only the rule language: constants, the facts' public members, operators,
    /// conditionals and a few pure functions. Anything else (reflection, object members, other types) is an error.
    /// </summary>
    private sealed class AllowListRewriter(Decision decision, SignalTable signals) : ExpressionVisitor
    {
        private static readonly HashSet<Type> s_valueTypes =
        [
            typeof(bool), typeof(int), typeof(long), typeof(double), typeof(float), typeof(decimal), typeof(string),
            typeof(bool?), typeof(int?), typeof(long?), typeof(double?), typeof(float?), typeof(decimal?),
        ];

        private static readonly HashSet<string> s_stringMethods = ["Equals", "StartsWith", "EndsWith", "Contains", "IsNullOrEmpty", "Compare", "CompareOrdinal", "op_Equality", "op_Inequality"];

        private static readonly HashSet<string> s_mathMethods = ["Min", "Max", "Abs", "Round", "Floor", "Ceiling"];

        private int _depth;

        public HashSet<int> SignalsRead { get; } = [];

        /// <summary>Whether the condition reads its own decision's outcome: a fallback rule, run in a second stage.</summary>
        public bool ReadsOwnOutcome { get; private set; }

        /// <summary>Where the condition can throw at run time; reported as load warnings.</summary>
        public RunTimeRisks Risks { get; } = new();

        /// <summary>The facts the condition reads, in order of first appearance, for explanations.</summary>
        public List<FactRead> Reads { get; } = [];

        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                return null;
            }

            // A long operator chain parses without recursion but makes a deep tree; stop before the walk runs out of stack.
            if (++_depth > MaxTreeDepth)
            {
                throw new RuleLanguageException($"the condition is nested more than {MaxTreeDepth} levels deep; split it into several rules");
            }

            try
            {
                return VisitAllowed(node);
            }
            finally
            {
                _depth--;
            }
        }

        private Expression? VisitAllowed(Expression node)
        {

            if (!s_valueTypes.Contains(node.Type) && node.Type != typeof(ComplaintFacts))
            {
                throw new RuleLanguageException($"values of type '{node.Type.Name}' are not part of the rule language");
            }

            return node.NodeType switch
            {
                ExpressionType.Constant or ExpressionType.Parameter or ExpressionType.Conditional
                    or ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.Not
                    or ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                    or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual or ExpressionType.Add or ExpressionType.Subtract
                    or ExpressionType.Multiply or ExpressionType.Divide or ExpressionType.Modulo or ExpressionType.Negate
                    or ExpressionType.UnaryPlus or ExpressionType.Convert or ExpressionType.Coalesce
                    or ExpressionType.MemberAccess or ExpressionType.Call => base.Visit(node),
                _ => throw new RuleLanguageException($"'{node.NodeType}' expressions are not allowed in a rule condition"),
            };
        }

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == FactsParameter ? node : throw new RuleLanguageException("lambda parameters are not allowed in a rule condition");

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.Method is { } method && method.DeclaringType != typeof(string) && method.DeclaringType != typeof(decimal))
            {
                throw new RuleLanguageException($"operator method '{method.Name}' is not allowed");
            }

            if (node.NodeType is ExpressionType.Divide or ExpressionType.Modulo)
            {
                Risks.CheckDivisor(node);
            }

            if (node.NodeType == ExpressionType.AndAlso)
            {
                // "PriorComplaints > 0 && Amount / PriorComplaints > 100": the left side guards the right one.
                var left = Visit(node.Left)!;
                using (Risks.Guard(node.Left))
                {
                    return node.Update(left, node.Conversion, Visit(node.Right)!);
                }
            }

            var visited = (BinaryExpression)base.VisitBinary(node);
            return CheckedArithmetic.Rewrite(visited);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (node.Method is { } method && method.DeclaringType != typeof(decimal))
            {
                throw new RuleLanguageException($"conversion '{method.Name}' is not allowed");
            }

            return CheckedArithmetic.Rewrite((UnaryExpression)base.VisitUnary(node));
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == FactsParameter && node.Member is PropertyInfo property && property.GetMethod is { IsPublic: true })
            {
                CheckAvailable(property, property.Name);
                AddRead(new FactRead(property.Name, property, null));
                return node;
            }

            if (node.Expression is not null && node.Expression.Type == typeof(string) && node.Member.Name == nameof(string.Length))
            {
                return base.VisitMember(node);
            }

            throw new RuleLanguageException($"'{node.Member.Name}' is not part of the rule language; conditions can read: {string.Join(", ", FactMembers)}");
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            var method = node.Method;
            if (node.Object == FactsParameter && method.DeclaringType == typeof(ComplaintFacts) && method.IsPublic)
            {
                CheckAvailable(method, method.Name);
                var rewritten = Rewrite(node);
                AddRead(node);
                return rewritten;
            }

            var type = method.DeclaringType;
            if ((type == typeof(string) && s_stringMethods.Contains(method.Name)) || (type == typeof(Math) && s_mathMethods.Contains(method.Name)))
            {
                Risks.CheckCall(node);
                return base.VisitMethodCall(node);
            }

            throw new RuleLanguageException($"calling '{type?.Name}.{method.Name}' is not allowed in a rule condition");
        }

        // Signal and outcome names are looked up once, here, so a condition costs an array read per name at run time.
        private Expression Rewrite(MethodCallExpression node)
        {
            var method = node.Method;
            if (method == s_count || method == s_has || method == s_negated || method == s_demandCount)
            {
                var name = ConstantName(node, "signal");
                if (!signals.Index.TryGetValue(name, out var signal))
                {
                    var suggestion = Suggest(name, signals.Names);
                    throw new RuleLanguageException(suggestion is null
                        ? $"unknown signal '{name}'; define a lexicon of that name or use a built-in marker ({string.Join(", ", SignalTable.BuiltIn)})"
                        : $"unknown signal '{name}'; did you mean '{suggestion}'?");
                }

                if (method != s_negated)
                {
                    SignalsRead.Add(signal);
                }

                var slot = (signal * ComplaintFacts.CountsPerSignal) + (method == s_negated ? 1 : method == s_demandCount ? 2 : 0);
                Expression read = Expression.ArrayIndex(Expression.Field(FactsParameter, s_signalCounts), Expression.Constant(slot));
                return method == s_has ? Expression.GreaterThan(read, Expression.Constant(0)) : read;
            }

            if (method.Name == nameof(ComplaintFacts.Attr) || method.Name == nameof(ComplaintFacts.HasTag))
            {
                Risks.CheckCall(node);
            }

            if (method == s_causeScore)
            {
                var name = ConstantName(node, "cause");
                if (!Vocabulary.TryParseCause(name, out var cause) || cause == RootCause.None)
                {
                    throw new RuleLanguageException($"unknown cause '{name}'; expected expectation, rights_claim or venting");
                }

                return Expression.ArrayIndex(Expression.Field(FactsParameter, s_causeScores), Expression.Constant((int)cause));
            }

            if (method == s_conflictScore)
            {
                var name = ConstantName(node, "conflict type");
                if (!Vocabulary.TryParseConflict(name, out var type))
                {
                    throw new RuleLanguageException($"unknown conflict type '{name}'; expected one of {string.Join(", ", Vocabulary.Conflicts)}");
                }

                return Expression.ArrayIndex(Expression.Field(FactsParameter, s_conflictScores), Expression.Constant((int)type));
            }

            if (method.Name == nameof(ComplaintFacts.HasCause))
            {
                var name = ConstantName(node, "cause");
                if (!Vocabulary.TryParseCause(name, out var cause) || cause == RootCause.None)
                {
                    throw new RuleLanguageException($"unknown cause '{name}'; expected expectation, rights_claim or venting");
                }

                return Expression.GreaterThanOrEqual(
                    Expression.ArrayIndex(Expression.Field(FactsParameter, s_causeScores), Expression.Constant((int)cause)),
                    Expression.Property(FactsParameter, s_causeThreshold));
            }

            return base.VisitMethodCall(node);
        }

        private void AddRead(MethodCallExpression node)
        {
            // Has("x") reads the same count as Count("x"); the count says more in an explanation.
            var method = node.Method == s_has ? s_count : node.Method;
            var argument = node.Arguments.Count == 1 && node.Arguments[0] is ConstantExpression { Value: string value } ? value : null;
            var name = argument is null ? $"{method.Name}(…)" : $"{method.Name}(\"{argument.Replace("\"", "\\\"", StringComparison.Ordinal)}\")";
            AddRead(new FactRead(name, method, argument));
        }

        private void AddRead(FactRead read)
        {
            foreach (var existing in Reads)
            {
                if (existing.Name == read.Name)
                {
                    return;
                }
            }

            Reads.Add(read);
        }

        private static string ConstantName(MethodCallExpression node, string what) =>
            node.Arguments[0] is ConstantExpression { Value: string name }
                ? name
                : throw new RuleLanguageException($"{node.Method.Name}(...) takes the {what}'s name in quotes, e.g. {node.Method.Name}(\"name\")");

        private void CheckAvailable(MemberInfo member, string name)
        {
            if (member.GetCustomAttribute<OutcomeOfAttribute>() is not { } outcome)
            {
                return;
            }

            // Causes and conflicts combine scores, so a rule can wait for the others' scores: a fallback rule.
            if (outcome.Decision == decision && decision is Decision.Causes or Decision.Conflicts)
            {
                ReadsOwnOutcome = true;
                return;
            }

            if (outcome.Decision >= decision)
            {
                throw new RuleLanguageException(
                    $"'{name}' is the outcome of the {outcome.Decision.Name()} decision, which is not made yet when {decision.Name()} rules run; " +
                    $"only rules of later decisions can read it");
            }
        }
    }
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

    public static CompiledCondition Fail(int position, string error) => new(null, [], error, position);
}
