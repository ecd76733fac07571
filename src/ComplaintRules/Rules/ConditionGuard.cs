using System.Linq.Expressions;
using ComplaintRules.Features;

namespace ComplaintRules.Rules;

/// <summary>
/// The signal counts a condition needs: slots of <see cref="ComplaintFacts.SignalCounts"/> such that, when every one
/// of them is 0, the condition is false and its evaluation cannot throw. A complaint holds few of a rule set's
/// signals, so most rules are passed over by reading a count or two instead of calling their condition.
/// </summary>
/// <remarks>
/// Found on the tree after the allow-list rewrite (a signal read is <c>SignalCounts[slot]</c>): <c>Has("x")</c>,
/// <c>Count("x") &gt; 0</c>, <c>Count("x") &gt;= 2</c> and sums of counts guard themselves; <c>a &amp;&amp; b</c> is
/// guarded by <c>a</c>'s guard, or by <c>b</c>'s when <c>a</c> cannot throw; <c>a || b</c> by both guards together.
/// Anything else has no guard and always runs.
/// </remarks>
internal static class ConditionGuard
{
    /// <summary>The slots, or <see langword="null"/> when the condition has no guard.</summary>
    public static int[]? Of(Expression condition)
    {
        var slots = new List<int>();
        return Collect(condition, slots, 0) ? [.. slots.Distinct()] : null;
    }

    private static bool Collect(Expression e, List<int> slots, int depth)
    {
        if (depth > RuleExpressionCompiler.MaxTreeDepth)
        {
            return false;
        }

        switch (e)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                var mark = slots.Count;
                if (Collect(and.Left, slots, depth + 1))
                {
                    return true;
                }

                slots.RemoveRange(mark, slots.Count - mark);
                return CannotThrow(and.Left, depth + 1) && Collect(and.Right, slots, depth + 1);
            case BinaryExpression { NodeType: ExpressionType.OrElse } or:
                return Collect(or.Left, slots, depth + 1) && Collect(or.Right, slots, depth + 1);
            case BinaryExpression { Method: null } compare when compare.Left.Type == typeof(int) && compare.Right.Type == typeof(int):
                // count > c (c >= 0), count >= c (c >= 1), and the same written the other way round: false at 0.
                return compare switch
                {
                    { NodeType: ExpressionType.GreaterThan, Right: ConstantExpression { Value: int c } } when c >= 0 => Counts(compare.Left, slots, depth + 1),
                    { NodeType: ExpressionType.GreaterThanOrEqual, Right: ConstantExpression { Value: int c } } when c >= 1 => Counts(compare.Left, slots, depth + 1),
                    { NodeType: ExpressionType.LessThan, Left: ConstantExpression { Value: int c } } when c >= 0 => Counts(compare.Right, slots, depth + 1),
                    { NodeType: ExpressionType.LessThanOrEqual, Left: ConstantExpression { Value: int c } } when c >= 1 => Counts(compare.Right, slots, depth + 1),
                    _ => false,
                };
            default:
                return false;
        }
    }

    // A signal count, or a sum of them (0 when every one is 0, so a checked sum cannot overflow; counts are never negative).
    private static bool Counts(Expression e, List<int> slots, int depth)
    {
        if (depth > RuleExpressionCompiler.MaxTreeDepth)
        {
            return false;
        }

        if (e is BinaryExpression { NodeType: ExpressionType.Add or ExpressionType.AddChecked, Method: null } sum)
        {
            return Counts(sum.Left, slots, depth + 1) && Counts(sum.Right, slots, depth + 1);
        }

        if (IsSlot(e, out var slot))
        {
            slots.Add(slot);
            return true;
        }

        return false;
    }

    private static bool IsSlot(Expression e, out int slot)
    {
        slot = e is BinaryExpression
        {
            NodeType: ExpressionType.ArrayIndex,
            Left: MemberExpression { Member.Name: nameof(ComplaintFacts.SignalCounts), Expression: var facts },
            Right: ConstantExpression { Value: int s },
        } && facts == RuleExpressionCompiler.FactsParameter ? s : -1;
        return slot >= 0;
    }

    // Reads of the facts' properties, counts and scores, constants, comparisons (also of strings and decimals), ! && ||:
    // nothing that divides, casts, or calls a method.
    private static bool CannotThrow(Expression e, int depth) => depth <= RuleExpressionCompiler.MaxTreeDepth && e switch
    {
        ConstantExpression => true,
        MemberExpression { Expression: var owner } => owner == RuleExpressionCompiler.FactsParameter, // the facts' fields and plain properties
        UnaryExpression { NodeType: ExpressionType.Not, Method: null } u => CannotThrow(u.Operand, depth + 1),
        UnaryExpression { NodeType: ExpressionType.Convert, Method: null } u when u.Type.IsPrimitive && u.Operand.Type.IsPrimitive => CannotThrow(u.Operand, depth + 1),
        BinaryExpression { NodeType: ExpressionType.ArrayIndex, Left: MemberExpression { Expression: var owner }, Right: ConstantExpression } =>
            owner == RuleExpressionCompiler.FactsParameter, // a slot or a score, fixed at load
        BinaryExpression b when IsComparison(b.NodeType) && (b.Method is null || b.Method.DeclaringType == typeof(string) || b.Method.DeclaringType == typeof(decimal)) =>
            CannotThrow(b.Left, depth + 1) && CannotThrow(b.Right, depth + 1),
        BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse } b => CannotThrow(b.Left, depth + 1) && CannotThrow(b.Right, depth + 1),
        _ => false,
    };

    private static bool IsComparison(ExpressionType type) => type is ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan
        or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual;
}
