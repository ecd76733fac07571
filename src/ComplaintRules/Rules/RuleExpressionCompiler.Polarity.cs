using System.Linq.Expressions;

namespace ComplaintRules.Rules;

// Which signals a condition reads in its favour. Evidence is what supports a finding: "!Has(x)" and "Count(x) == 0" read
// x only to rule the finding out, so x's phrases are never its evidence.
internal sealed partial class RuleExpressionCompiler
{
    private sealed partial class AllowListRewriter
    {
        /// <summary>How a part of the condition bears on its being true: more of it helps, hurts, or either.</summary>
        private enum Way { Along, Against, Either }

        private Way _way = Way.Along;

        protected override Expression VisitConditional(ConditionalExpression node) =>
            node.Update(VisitWay(node.Test, Way.Either), Visit(node.IfTrue)!, Visit(node.IfFalse)!);

        private Expression VisitWay(Expression operand, Way way)
        {
            var outer = _way;
            _way = Combine(outer, way);
            try
            {
                return Visit(operand)!;
            }
            finally
            {
                _way = outer;
            }
        }

        private static Way Combine(Way outer, Way inner) => (outer, inner) switch
        {
            (Way.Either, _) or (_, Way.Either) => Way.Either,
            _ => outer == inner ? Way.Along : Way.Against,
        };

        // A comparison or an arithmetic operator: which way more of each operand moves the result.
        private static (Way Left, Way Right) OperandWays(BinaryExpression node) => node.NodeType switch
        {
            ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual or ExpressionType.Subtract => (Way.Along, Way.Against),
            ExpressionType.Add or ExpressionType.OrElse or ExpressionType.Coalesce => (Way.Along, Way.Along),
            ExpressionType.LessThan or ExpressionType.LessThanOrEqual => (Way.Against, Way.Along),
            ExpressionType.Equal when IsZero(node.Right) => (Way.Against, Way.Either),
            ExpressionType.Equal when IsZero(node.Left) => (Way.Either, Way.Against),
            ExpressionType.NotEqual when IsZero(node.Right) => (Way.Along, Way.Either),
            ExpressionType.NotEqual when IsZero(node.Left) => (Way.Either, Way.Along),
            ExpressionType.Multiply => (SignOf(node.Right), SignOf(node.Left)),
            ExpressionType.Divide => (SignOf(node.Right), Way.Either),
            _ => (Way.Either, Way.Either),
        };

        // A constant factor keeps (positive) or turns (negative) the way of the other operand; anything else could do both.
        private static Way SignOf(Expression factor) => Constant(factor) switch
        {
            >= 0 => Way.Along,
            < 0 => Way.Against,
            _ => Way.Either,
        };

        private static bool IsZero(Expression e) => Constant(e) == 0;

        private static double? Constant(Expression e) => e switch
        {
            ConstantExpression { Value: int i } => i,
            ConstantExpression { Value: long l } => l,
            ConstantExpression { Value: double d } => d,
            ConstantExpression { Value: decimal m } => (double)m,
            UnaryExpression { NodeType: ExpressionType.Convert } c => Constant(c.Operand),
            _ => null,
        };
    }
}
