using System.Linq.Expressions;
using System.Reflection;
using ComplaintRules.Features;

namespace ComplaintRules.Rules;

// The allow-list walk: what a condition may contain, and the rewriting of names to array indices.
internal sealed partial class RuleExpressionCompiler
{
    private sealed class RuleLanguageException(string message, int position = 0) : Exception(message)
    {
        public int Position { get; } = position;

        public string Code { get; init; } = DiagnosticCodes.DisallowedMember;
    }

    /// <summary>
    /// Walks the parsed tree and lets through only the rule language: constants, the facts' public members, operators,
    /// conditionals and a few pure functions. Anything else (reflection, object members, other types) is an error.
    /// </summary>
    private sealed partial class AllowListRewriter(Decision decision, SignalTable signals) : ExpressionVisitor
    {
        private static readonly HashSet<Type> s_valueTypes =
        [
            typeof(bool), typeof(int), typeof(long), typeof(double), typeof(float), typeof(decimal), typeof(string),
            typeof(bool?), typeof(int?), typeof(long?), typeof(double?), typeof(float?), typeof(decimal?),
        ];

        private static readonly HashSet<string> s_stringMethods = ["Equals", "StartsWith", "EndsWith", "Contains", "IsNullOrEmpty", "Compare", "CompareOrdinal", "op_Equality", "op_Inequality"];

        private static readonly HashSet<string> s_mathMethods = ["Min", "Max", "Abs", "Round", "Floor", "Ceiling"];

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<MemberInfo, OutcomeOfAttribute?> s_outcomes = new();

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
                throw new RuleLanguageException($"the condition is nested more than {MaxTreeDepth} levels deep; split it into several rules") { Code = DiagnosticCodes.ConditionTooComplex };
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

            var (leftWay, rightWay) = OperandWays(node);
            var visitedLeft = VisitWay(node.Left, leftWay);
            var conversion = VisitAndConvert(node.Conversion, nameof(VisitBinary));
            var visitedRight = VisitWay(node.Right, rightWay);
            return CheckedArithmetic.Rewrite(node.Update(visitedLeft, conversion, visitedRight));
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (node.Method is { } method && method.DeclaringType != typeof(decimal))
            {
                throw new RuleLanguageException($"conversion '{method.Name}' is not allowed");
            }

            if (node.NodeType is ExpressionType.Not or ExpressionType.Negate)
            {
                return CheckedArithmetic.Rewrite(node.Update(VisitWay(node.Operand, Way.Against)));
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
                var way = method.Name is "Min" or "Max" ? Way.Along : Way.Either;
                var receiver = node.Object is null ? null : VisitWay(node.Object, Way.Either); // checked like any operand
                return node.Update(receiver, node.Arguments.Select(a => VisitWay(a, way)));
            }

            throw new RuleLanguageException($"calling '{type?.Name}.{method.Name}' is not allowed in a rule condition");
        }

        // Signal and outcome names are looked up once, here, so a condition costs an array read per name at run time.
        private Expression Rewrite(MethodCallExpression node)
        {
            var method = node.Method;
            if (method == s_count || method == s_has || method == s_negated || method == s_demandCount || method == s_closing)
            {
                var name = ConstantName(node, "signal");
                if (!signals.Index.TryGetValue(name, out var signal))
                {
                    var suggestion = NameSuggestions.Closest(name, signals.Names);
                    throw new RuleLanguageException(suggestion is null
                        ? $"unknown signal '{name}'; define a lexicon of that name or use a built-in marker ({string.Join(", ", SignalTable.BuiltIn)})"
                        : $"unknown signal '{name}'; did you mean '{suggestion}'?") { Code = DiagnosticCodes.UnknownName };
                }

                if (method != s_negated && _way != Way.Against)
                {
                    SignalsRead.Add(signal); // a signal that can only count against the condition is a guard, not evidence
                }

                var slot = (signal * ComplaintFacts.CountsPerSignal) + (method == s_negated ? 1 : method == s_demandCount ? 2 : method == s_closing ? 3 : 0);
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
                    throw new RuleLanguageException($"unknown cause '{name}'; expected expectation, rights_claim or venting") { Code = DiagnosticCodes.UnknownName };
                }

                return Expression.ArrayIndex(Expression.Field(FactsParameter, s_causeScores), Expression.Constant((int)cause));
            }

            if (method == s_conflictScore)
            {
                var name = ConstantName(node, "conflict type");
                if (!Vocabulary.TryParseConflict(name, out var type))
                {
                    throw new RuleLanguageException($"unknown conflict type '{name}'; expected one of {string.Join(", ", Vocabulary.Conflicts)}") { Code = DiagnosticCodes.UnknownName };
                }

                return Expression.ArrayIndex(Expression.Field(FactsParameter, s_conflictScores), Expression.Constant((int)type));
            }

            if (method.Name == nameof(ComplaintFacts.HasCause))
            {
                var name = ConstantName(node, "cause");
                if (!Vocabulary.TryParseCause(name, out var cause) || cause == RootCause.None)
                {
                    throw new RuleLanguageException($"unknown cause '{name}'; expected expectation, rights_claim or venting") { Code = DiagnosticCodes.UnknownName };
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

        // Reflection over attributes costs microseconds a call, and a load meets thousands of reads of the same few members.
        private static OutcomeOfAttribute? OutcomeOf(MemberInfo member) =>
            s_outcomes.GetOrAdd(member, static m => m.GetCustomAttribute<OutcomeOfAttribute>());

        private static string ConstantName(MethodCallExpression node, string what) =>
            node.Arguments[0] is ConstantExpression { Value: string name }
                ? name
                : throw new RuleLanguageException($"{node.Method.Name}(...) takes the {what}'s name in quotes, e.g. {node.Method.Name}(\"name\")") { Code = DiagnosticCodes.BadCondition };

        private void CheckAvailable(MemberInfo member, string name)
        {
            if (OutcomeOf(member) is not { } outcome)
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
                    $"only rules of later decisions can read it") { Code = DiagnosticCodes.OutcomeNotYetDecided };
            }
        }
    }
}
