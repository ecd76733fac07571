using System.Linq.Expressions;
using System.Reflection;
using ComplaintRules.Features;

namespace ComplaintRules.Rules;

/// <summary>
/// Runs a checked condition tree (after the allow-list walk) as a tree of small delegates instead of compiled code:
/// nothing to emit at load and nothing for the JIT to compile on the first call, which is most of a cold start.
/// Covers the everyday shape — signal counts, scores, the facts' members, one-string calls, comparisons, checked
/// whole-number arithmetic, <c>&amp;&amp; || !</c> — and gives the same values and the same exceptions as the compiled
/// delegate. Anything else returns <see langword="null"/>, and the condition is compiled at load as before.
/// </summary>
internal static class ConditionInterpreter
{
    private static readonly FieldInfo s_signalCounts = typeof(ComplaintFacts).GetField(nameof(ComplaintFacts.SignalCounts), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly FieldInfo s_causeScores = typeof(ComplaintFacts).GetField(nameof(ComplaintFacts.CauseScores), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly FieldInfo s_conflictScores = typeof(ComplaintFacts).GetField(nameof(ComplaintFacts.ConflictScores), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly Func<ComplaintFacts, bool> s_true = _ => true;
    private static readonly Func<ComplaintFacts, bool> s_false = _ => false;

    /// <summary>The delegate that runs <paramref name="body"/>, or <see langword="null"/> when it must be compiled.</summary>
    public static Func<ComplaintFacts, bool>? TryCreate(Expression body) => Bool(body);

    private static Func<ComplaintFacts, bool>? Bool(Expression e)
    {
        switch (e)
        {
            case ConstantExpression { Value: bool value }:
                return value ? s_true : s_false;
            case UnaryExpression { NodeType: ExpressionType.Not, Method: null } u when u.Operand.Type == typeof(bool):
                return Bool(u.Operand) is { } operand ? f => !operand(f) : null;
            case BinaryExpression { NodeType: ExpressionType.AndAlso, Method: null } b:
                return Bool(b.Left) is { } l && Bool(b.Right) is { } r ? f => l(f) && r(f) : null;
            case BinaryExpression { NodeType: ExpressionType.OrElse, Method: null } b:
                return Bool(b.Left) is { } l2 && Bool(b.Right) is { } r2 ? f => l2(f) || r2(f) : null;
            case BinaryExpression b when IsComparison(b.NodeType):
                return Compare(b);
            default:
                return Read<bool>(e);
        }
    }

    private static bool IsComparison(ExpressionType type) => type is ExpressionType.Equal or ExpressionType.NotEqual
        or ExpressionType.LessThan or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual;

    private static Func<ComplaintFacts, bool>? Compare(BinaryExpression b)
    {
        var (left, right, op) = (b.Left, b.Right, b.NodeType);
        if (left.Type != right.Type || b.IsLiftedToNull)
        {
            return null;
        }

        if (left.Type == typeof(int))
        {
            // Has("x") is Count("x") > 0: one array read, the commonest condition of all.
            if (op == ExpressionType.GreaterThan && SignalSlot(left) is { } slot && right is ConstantExpression { Value: int bound })
            {
                return f => f.SignalCounts[slot] > bound;
            }

            return Int(left) is { } l && Int(right) is { } r ? Compare(l, r, op) : null;
        }

        if (left.Type == typeof(double))
        {
            return Double(left) is { } l && Double(right) is { } r ? Compare(l, r, op) : null;
        }

        if (left.Type == typeof(decimal) && b.Method is { DeclaringType: var t } && t == typeof(decimal))
        {
            return Read<decimal>(left) is { } l && Read<decimal>(right) is { } r ? Compare(l, r, op) : null;
        }

        if (left.Type == typeof(string) && b.Method is { Name: "op_Equality" or "op_Inequality" } && b.Method.DeclaringType == typeof(string))
        {
            if (Read<string>(left) is not { } l || Read<string>(right) is not { } r)
            {
                return null;
            }

            return op switch
            {
                ExpressionType.Equal => f => string.Equals(l(f), r(f), StringComparison.Ordinal),
                ExpressionType.NotEqual => f => !string.Equals(l(f), r(f), StringComparison.Ordinal),
                _ => null,
            };
        }

        if (left.Type == typeof(bool) && b.Method is null && op is ExpressionType.Equal or ExpressionType.NotEqual)
        {
            if (Bool(left) is not { } l || Bool(right) is not { } r)
            {
                return null;
            }

            return op == ExpressionType.Equal ? f => l(f) == r(f) : f => l(f) != r(f);
        }

        return null;
    }

    private static Func<ComplaintFacts, bool>? Compare<T>(Func<ComplaintFacts, T> l, Func<ComplaintFacts, T> r, ExpressionType op)
        where T : System.Numerics.IComparisonOperators<T, T, bool> => op switch
        {
            ExpressionType.Equal => f => l(f) == r(f),
            ExpressionType.NotEqual => f => l(f) != r(f),
            ExpressionType.LessThan => f => l(f) < r(f),
            ExpressionType.LessThanOrEqual => f => l(f) <= r(f),
            ExpressionType.GreaterThan => f => l(f) > r(f),
            ExpressionType.GreaterThanOrEqual => f => l(f) >= r(f),
            _ => null,
        };

    private static Func<ComplaintFacts, int>? Int(Expression e)
    {
        if (SignalSlot(e) is { } slot)
        {
            return f => f.SignalCounts[slot];
        }

        if (e is not BinaryExpression { Method: null } b || b.Left.Type != typeof(int) || b.Right.Type != typeof(int))
        {
            return Read<int>(e);
        }

        if (Int(b.Left) is not { } l || Int(b.Right) is not { } r)
        {
            return null;
        }

        // The allow-list walk made + - * checked; / and % throw on a zero divisor, as compiled code does.
        return b.NodeType switch
        {
            ExpressionType.AddChecked => f => checked(l(f) + r(f)),
            ExpressionType.SubtractChecked => f => checked(l(f) - r(f)),
            ExpressionType.MultiplyChecked => f => checked(l(f) * r(f)),
            ExpressionType.Divide => f => l(f) / r(f),
            ExpressionType.Modulo => f => l(f) % r(f),
            _ => null,
        };
    }

    private static Func<ComplaintFacts, double>? Double(Expression e)
    {
        if (e is BinaryExpression { NodeType: ExpressionType.ArrayIndex, Left: MemberExpression { Member: var field }, Right: ConstantExpression { Value: int index } }
            && e.Type == typeof(double))
        {
            if (field == s_causeScores)
            {
                return f => f.CauseScores[index];
            }

            if (field == s_conflictScores)
            {
                return f => f.ConflictScores[index];
            }

            return null;
        }

        if (e is UnaryExpression { NodeType: ExpressionType.Convert, Method: null } u && u.Operand.Type == typeof(int))
        {
            return Int(u.Operand) is { } operand ? f => operand(f) : null;
        }

        return Read<double>(e);
    }

    // SignalCounts[slot]: what Count, Negated and DemandCount become at load.
    private static int? SignalSlot(Expression e) =>
        e is BinaryExpression { NodeType: ExpressionType.ArrayIndex, Left: MemberExpression { Member: var field, Expression: ParameterExpression }, Right: ConstantExpression { Value: int slot } }
            && field == s_signalCounts
            ? slot
            : null;

    // A constant, a property of the facts, or a call of one of their methods with a constant string.
    private static Func<ComplaintFacts, T>? Read<T>(Expression e)
    {
        if (e.Type != typeof(T))
        {
            return null;
        }

        switch (e)
        {
            case ConstantExpression { Value: T value }:
                return _ => value;
            case MemberExpression { Expression: ParameterExpression, Member: PropertyInfo property }
                when property.DeclaringType == typeof(ComplaintFacts) && property.GetGetMethod(nonPublic: true) is { IsStatic: false } getter:
                return getter.CreateDelegate<Func<ComplaintFacts, T>>();
            case MethodCallExpression { Object: ParameterExpression, Method: var method, Arguments: [ConstantExpression { Value: string argument }] }
                when method.DeclaringType == typeof(ComplaintFacts) && !method.IsStatic:
                var call = method.CreateDelegate<Func<ComplaintFacts, string, T>>();
                return f => call(f, argument);
            default:
                return null;
        }
    }
}
