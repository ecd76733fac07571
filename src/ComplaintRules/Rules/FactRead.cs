using System.Globalization;
using System.Reflection;
using ComplaintRules.Features;

namespace ComplaintRules.Rules;

/// <summary>
/// One fact a rule's condition reads, e.g. <c>Count("anger")</c> or <c>Amount</c>, recorded at compile time so an
/// explanation can show the value the rule saw. Read by reflection, only when a complaint is explained.
/// </summary>
/// <param name="Name">The fact as the condition names it; <c>Has("x")</c> is shown as <c>Count("x")</c>, which says more.</param>
/// <param name="Member">The <see cref="ComplaintFacts"/> property or method.</param>
/// <param name="Argument">The method's constant argument, or <see langword="null"/> for a property (or an argument computed at run time).</param>
internal sealed record FactRead(string Name, MemberInfo Member, string? Argument)
{
    /// <summary>The value in <paramref name="facts"/>, formatted invariantly; strings in quotes.</summary>
    public string ValueIn(ComplaintFacts facts)
    {
        object? value = Member switch
        {
            PropertyInfo property => property.GetValue(facts),
            MethodInfo method when Argument is not null => method.Invoke(facts, [Argument]),
            _ => null,
        };

        return value switch
        {
            null => "?",
            string s => $"\"{s}\"",
            bool b => b ? "true" : "false",
            double d => d.ToString("0.####", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
