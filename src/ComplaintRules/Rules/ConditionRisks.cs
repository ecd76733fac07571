using System.Linq.Expressions;

namespace ComplaintRules.Rules;

/// <summary>
/// Integer arithmetic in conditions is checked: <c>2147483647 + PriorComplaints &lt; 0</c> must not fire by wrapping
/// around. An overflow throws instead, and a condition that throws counts as not fired (a rule fault).
/// </summary>
internal static class CheckedArithmetic
{
    public static Expression Rewrite(BinaryExpression node)
    {
        if (node.Method is not null || !IsIntegral(node.Type))
        {
            return node;
        }

        var checkedType = node.NodeType switch
        {
            ExpressionType.Add => ExpressionType.AddChecked,
            ExpressionType.Subtract => ExpressionType.SubtractChecked,
            ExpressionType.Multiply => ExpressionType.MultiplyChecked,
            _ => node.NodeType,
        };
        return checkedType == node.NodeType ? node : Expression.MakeBinary(checkedType, node.Left, node.Right, node.IsLiftedToNull, null);
    }

    public static Expression Rewrite(UnaryExpression node)
    {
        if (node.Method is not null || !IsIntegral(node.Type))
        {
            return node;
        }

        return node.NodeType switch
        {
            ExpressionType.Negate => Expression.NegateChecked(node.Operand),
            ExpressionType.Convert when node.Operand.Type != node.Type => Expression.ConvertChecked(node.Operand, node.Type),
            _ => node,
        };
    }

    private static bool IsIntegral(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) || type == typeof(long);
    }
}

/// <summary>
/// Finds where a condition can throw at run time, for warnings at load: division or modulo by a value that can be 0
/// (unless an <c>&amp;&amp;</c> to its left guards it), a null argument, <c>Math.Round</c> digits out of range, and
/// <c>string.Compare</c> with indexes. The rule still loads; where it throws it counts as not fired.
/// </summary>
internal sealed class RunTimeRisks
{
    private readonly List<string> _guarded = []; // divisors known to be non-zero where the walk is now

    public List<string> Warnings { get; } = [];

    /// <summary>Marks what <paramref name="left"/> proves non-zero (<c>X &gt; 0</c>, <c>X != 0</c>) until disposed.</summary>
    public IDisposable Guard(Expression left)
    {
        var before = _guarded.Count;
        AddGuards(left);
        return new Scope(_guarded, before);
    }

    public void CheckDivisor(BinaryExpression node)
    {
        var divisor = Unwrap(node.Right);
        var type = Nullable.GetUnderlyingType(node.Type) ?? node.Type;
        if (type == typeof(double) || type == typeof(float))
        {
            return; // floating-point division gives infinity or NaN, it does not throw
        }

        if (divisor is ConstantExpression constant)
        {
            if (constant.Value is not null && Convert.ToDecimal(constant.Value, System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                Add($"'{Describe(node)}' divides by 0 and always fails");
            }

            return;
        }

        if (_guarded.Contains(Describe(divisor)) || IsPositiveMax(divisor))
        {
            return;
        }

        Add($"'{Describe(node)}' fails when {Describe(divisor)} is 0; guard it: {Operand(divisor)} > 0 && …");
    }

    public void CheckCall(MethodCallExpression node)
    {
        var method = node.Method;
        var parameters = method.GetParameters();
        for (var i = 0; i < node.Arguments.Count; i++)
        {
            if (Unwrap(node.Arguments[i]) is ConstantExpression { Value: null } && !parameters[i].ParameterType.IsValueType)
            {
                Add($"{method.Name}(…) is given null for '{parameters[i].Name}' and fails; give a string in quotes");
            }
        }

        if (method.DeclaringType == typeof(Math) && method.Name == nameof(Math.Round))
        {
            var digitsAt = Array.FindIndex(parameters, p => p.Name is "digits" or "decimals");
            var max = parameters[0].ParameterType == typeof(decimal) ? 28 : 15;
            if (digitsAt >= 0)
            {
                var digits = Unwrap(node.Arguments[digitsAt]);
                if (digits is not ConstantExpression)
                {
                    Add($"Math.Round(…) fails when its digits are outside 0 to {max}");
                }
                else if (digits is ConstantExpression { Value: int n } && n is < 0 || digits is ConstantExpression { Value: int m } && m > max)
                {
                    Add($"Math.Round(…) is given {Describe(digits)} digits and fails; the digits must be from 0 to {max}");
                }
            }
        }

        if (method.DeclaringType == typeof(string) && method.Name == nameof(string.Compare) && Array.Exists(parameters, p => p.ParameterType == typeof(int)))
        {
            Add("string.Compare(…) with indexes fails when an index or length falls outside the strings");
        }
    }

    private void Add(string warning)
    {
        var message = $"{warning}; where it fails, the rule counts as not fired for that complaint (warning {WarningCodes.RuleFault})";
        if (!Warnings.Contains(message))
        {
            Warnings.Add(message);
        }
    }

    private void AddGuards(Expression left)
    {
        left = Unwrap(left);
        if (left.NodeType == ExpressionType.AndAlso && left is BinaryExpression both)
        {
            AddGuards(both.Left);
            AddGuards(both.Right);
            return;
        }

        if (left is not BinaryExpression comparison)
        {
            return;
        }

        var (l, r) = (Unwrap(comparison.Left), Unwrap(comparison.Right));
        var guarded = comparison.NodeType switch
        {
            ExpressionType.GreaterThan when IsConstant(r, v => v >= 0) => l,
            ExpressionType.GreaterThanOrEqual when IsConstant(r, v => v > 0) => l,
            ExpressionType.LessThan when IsConstant(l, v => v >= 0) => r,
            ExpressionType.LessThanOrEqual when IsConstant(l, v => v > 0) => r,
            ExpressionType.NotEqual when IsConstant(r, v => v == 0) => l,
            ExpressionType.NotEqual when IsConstant(l, v => v == 0) => r,
            _ => null,
        };
        if (guarded is not null)
        {
            _guarded.Add(Describe(guarded));
        }
    }

    private static bool IsPositiveMax(Expression divisor) =>
        divisor is MethodCallExpression { Method.Name: nameof(Math.Max) } max && max.Method.DeclaringType == typeof(Math)
        && max.Arguments.Any(a => IsConstant(Unwrap(a), v => v > 0));

    private static bool IsConstant(Expression e, Func<decimal, bool> test) =>
        e is ConstantExpression { Value: { } value } && value is int or long or decimal or double or float
        && test(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));

    private static Expression Unwrap(Expression e)
    {
        while (e is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            e = convert.Operand;
        }

        return e;
    }

    // How the rule author wrote it, near enough: "Amount / PriorComplaints", without the parameter or conversions.
    private static string Describe(Expression e) => Unwrap(e) switch
    {
        MemberExpression { Expression: ParameterExpression } member => member.Member.Name,
        MemberExpression member => $"{Describe(member.Expression!)}.{member.Member.Name}",
        ConstantExpression { Value: string text } => $"\"{text}\"",
        ConstantExpression constant => Convert.ToString(constant.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
        UnaryExpression { NodeType: ExpressionType.Negate or ExpressionType.NegateChecked } negate => $"-{Operand(negate.Operand)}",
        BinaryExpression binary when Operators.TryGetValue(binary.NodeType, out var op) => $"{Operand(binary.Left)} {op} {Operand(binary.Right)}",
        MethodCallExpression call => $"{Target(call)}{call.Method.Name}({string.Join(", ", call.Arguments.Select(Describe))})",
        var other => other.ToString(),
    };

    private static string Operand(Expression e) => Unwrap(e) is BinaryExpression ? $"({Describe(e)})" : Describe(e);

    private static string Target(MethodCallExpression call) => call.Object switch
    {
        null => $"{call.Method.DeclaringType?.Name}.",
        ParameterExpression => "",
        var target => $"{Describe(target)}.",
    };

    private static readonly Dictionary<ExpressionType, string> Operators = new()
    {
        [ExpressionType.Add] = "+", [ExpressionType.AddChecked] = "+", [ExpressionType.Subtract] = "-", [ExpressionType.SubtractChecked] = "-",
        [ExpressionType.Multiply] = "*", [ExpressionType.MultiplyChecked] = "*", [ExpressionType.Divide] = "/", [ExpressionType.Modulo] = "%",
        [ExpressionType.GreaterThan] = ">", [ExpressionType.GreaterThanOrEqual] = ">=", [ExpressionType.LessThan] = "<",
        [ExpressionType.LessThanOrEqual] = "<=", [ExpressionType.Equal] = "==", [ExpressionType.NotEqual] = "!=",
        [ExpressionType.AndAlso] = "&&", [ExpressionType.OrElse] = "||",
    };

    private sealed class Scope(List<string> guarded, int before) : IDisposable
    {
        public void Dispose() => guarded.RemoveRange(before, guarded.Count - before);
    }
}
