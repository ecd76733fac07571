using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using ComplaintRules.Features;

namespace ComplaintRules.Rules;

/// <summary>
/// Parses the everyday shape of a condition — facts' members, one-string calls (<c>Has("x")</c>), whole and decimal
/// numbers, comparisons, <c>+ - * /</c>, <c>&amp;&amp; || !</c> (and <c>and or not</c>), brackets — into the very tree
/// Dynamic LINQ builds for it, without Dynamic LINQ. That parser costs about 100 ms the first time in a process and
/// some 80 µs a condition after; this one a few microseconds, which is most of the cold start of the default rule set.
/// </summary>
/// <remarks>
/// Anything else, and anything it is not sure of (an unknown name, a string escape, mixed number types, a syntax
/// error), returns <see langword="null"/>: Dynamic LINQ then parses the condition as always, so every diagnostic
/// comes from the same place as before. A test holds the trees of both parsers equal over every shipped condition.
/// </remarks>
internal ref struct SimpleConditionParser
{
    private readonly string _text;
    private readonly ParameterExpression _facts;
    private int _pos;
    private int _depth;

    private SimpleConditionParser(string text, ParameterExpression facts)
    {
        _text = text;
        _facts = facts;
    }

    /// <summary>The tree of <paramref name="expression"/>, or <see langword="null"/> when Dynamic LINQ must parse it.</summary>
    public static Expression? TryParse(string expression, ParameterExpression facts)
    {
        var parser = new SimpleConditionParser(expression, facts);
        var result = parser.ParseOr();
        parser.SkipSpace();
        return result is not null && parser._pos == expression.Length && result.Type == typeof(bool) ? result : null;
    }

    private Expression? ParseOr()
    {
        var left = ParseAnd();
        while (left is not null && (Take("||") || TakeWord("or")))
        {
            var right = ParseAnd();
            left = Bools(left, right) ? Expression.OrElse(left, right!) : null;
        }

        return left;
    }

    private Expression? ParseAnd()
    {
        var left = ParseComparison();
        while (left is not null && (Take("&&") || TakeWord("and")))
        {
            var right = ParseComparison();
            left = Bools(left, right) ? Expression.AndAlso(left, right!) : null;
        }

        return left;
    }

    private Expression? ParseComparison()
    {
        var left = ParseAdditive();
        if (left is null)
        {
            return null;
        }

        ExpressionType op;
        if (Take("==")) { op = ExpressionType.Equal; }
        else if (Take("!=")) { op = ExpressionType.NotEqual; }
        else if (Take("<=")) { op = ExpressionType.LessThanOrEqual; }
        else if (Take(">=")) { op = ExpressionType.GreaterThanOrEqual; }
        else if (Peek('<') && !Peek("<>")) { _pos++; op = ExpressionType.LessThan; }
        else if (Peek('>')) { _pos++; op = ExpressionType.GreaterThan; }
        else { return left; }

        var right = ParseAdditive();
        if (right is null || Peek('=') || Peek('<') || Peek('>') || Peek('!'))
        {
            return null; // a chain of comparisons, or an operator this parser does not know
        }

        if (left.Type == typeof(string) && right.Type == typeof(string))
        {
            return op is ExpressionType.Equal or ExpressionType.NotEqual ? Expression.MakeBinary(op, left, right) : null;
        }

        return Numbers(ref left, ref right) ? Expression.MakeBinary(op, left, right) : null;
    }

    private Expression? ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (left is not null)
        {
            ExpressionType op;
            if (Peek('+')) { op = ExpressionType.Add; }
            else if (Peek('-')) { op = ExpressionType.Subtract; }
            else { break; }

            _pos++;
            var right = ParseMultiplicative();
            left = right is not null && left.Type == typeof(int) && right.Type == typeof(int) ? Expression.MakeBinary(op, left, right) : null;
        }

        return left;
    }

    private Expression? ParseMultiplicative()
    {
        var left = ParseUnary();
        while (left is not null)
        {
            ExpressionType op;
            if (Peek('*')) { op = ExpressionType.Multiply; }
            else if (Peek('/')) { op = ExpressionType.Divide; }
            else if (Peek('%')) { op = ExpressionType.Modulo; }
            else { break; }

            _pos++;
            var right = ParseUnary();
            left = right is not null && left.Type == typeof(int) && right.Type == typeof(int) ? Expression.MakeBinary(op, left, right) : null;
        }

        return left;
    }

    private Expression? ParseUnary()
    {
        if ((Peek('!') && !Peek("!=")) || PeekWord("not"))
        {
            _pos += _text[_pos] == '!' ? 1 : 3;
            if (++_depth > RuleExpressionCompiler.MaxNestingDepth)
            {
                return null;
            }

            var operand = ParseUnary();
            _depth--;
            return operand is not null && operand.Type == typeof(bool) ? Expression.Not(operand) : null;
        }

        return ParsePrimary();
    }

    private Expression? ParsePrimary()
    {
        SkipSpace();
        if (_pos >= _text.Length)
        {
            return null;
        }

        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            if (++_depth > RuleExpressionCompiler.MaxNestingDepth)
            {
                return null;
            }

            var inner = ParseOr();
            _depth--;
            return inner is not null && Take(")") ? inner : null;
        }

        if (char.IsAsciiDigit(c))
        {
            return ParseNumber();
        }

        if (c == '"')
        {
            return StringLiteral() is { } literal ? Expression.Constant(literal) : null;
        }

        if (!char.IsAsciiLetter(c))
        {
            return null;
        }

        var name = Word();
        if (name is "true" or "false")
        {
            return Expression.Constant(name == "true");
        }

        SkipSpace();
        if (!Peek('('))
        {
            var property = typeof(ComplaintFacts).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            return property is { GetMethod.IsPublic: true } ? Expression.Property(_facts, property) : null;
        }

        _pos++;
        SkipSpace();
        var argument = StringLiteral();
        if (argument is null || !Take(")"))
        {
            return null;
        }

        var method = typeof(ComplaintFacts).GetMethod(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly, [typeof(string)]);
        return method is null ? null : Expression.Call(_facts, method, Expression.Constant(argument));
    }

    // Whole numbers that fit an int, and decimals written with a point; no exponents, suffixes or leading signs.
    private ConstantExpression? ParseNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        var isDecimal = _pos + 1 < _text.Length && _text[_pos] == '.' && char.IsAsciiDigit(_text[_pos + 1]);
        if (isDecimal)
        {
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < _text.Length && (char.IsAsciiLetter(_text[_pos]) || _text[_pos] is '.' or '_'))
        {
            return null;
        }

        var digits = _text.AsSpan(start, _pos - start);
        if (isDecimal)
        {
            return double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && digits.Length <= 15 ? Expression.Constant(d) : null;
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? Expression.Constant(i) : null;
    }

    // Both sides of a comparison as Dynamic LINQ types them: the same number type, or a decimal fact against a number
    // written in the condition (the constant becomes a decimal). Anything else is left to Dynamic LINQ.
    private static bool Numbers(ref Expression left, ref Expression right)
    {
        if (left.Type == right.Type && (left.Type == typeof(int) || left.Type == typeof(double)))
        {
            return true;
        }

        if (left.Type == typeof(decimal) && right is ConstantExpression { Value: int or double } r)
        {
            right = Expression.Constant(Convert.ToDecimal(r.Value, CultureInfo.InvariantCulture));
            return true;
        }

        return false;
    }

    private static bool Bools(Expression left, Expression? right) => right is not null && left.Type == typeof(bool) && right.Type == typeof(bool);

    private string? StringLiteral()
    {
        if (!Peek('"'))
        {
            return null;
        }

        var end = _text.IndexOf('"', _pos + 1);
        if (end < 0 || _text.AsSpan(_pos + 1, end - _pos - 1).Contains('\\'))
        {
            return null; // escapes are Dynamic LINQ's to read
        }

        var value = _text.Substring(_pos + 1, end - _pos - 1);
        _pos = end + 1;
        SkipSpace();
        return value;
    }

    private string Word()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\r' or '\n')
        {
            _pos++;
        }
    }

    private bool Peek(char c)
    {
        SkipSpace();
        return _pos < _text.Length && _text[_pos] == c;
    }

    private bool Peek(string s)
    {
        SkipSpace();
        return _text.AsSpan(_pos).StartsWith(s, StringComparison.Ordinal);
    }

    private bool PeekWord(string word) =>
        Peek(word) && (_pos + word.Length == _text.Length || !(char.IsAsciiLetterOrDigit(_text[_pos + word.Length]) || _text[_pos + word.Length] == '_'));

    private bool Take(string s)
    {
        if (!Peek(s))
        {
            return false;
        }

        _pos += s.Length;
        return true;
    }

    private bool TakeWord(string word)
    {
        if (!PeekWord(word))
        {
            return false;
        }

        _pos += word.Length;
        return true;
    }
}
