using System.Collections;
using System.Reflection;
using System.Text;
using ComplaintRules.Rules;

namespace ComplaintRules.Deadlines.Tests;

/// <summary>
/// The embedded default's regimes build on first use: the same regimes as an eager load, and only for the default
/// alone (a user's files layered over it are checked at load, as always).
/// </summary>
public class DeferredRegimesTests
{
    [Fact]
    public void The_default_loaded_eagerly_has_no_problem_and_the_same_regimes_as_the_deferred_build()
    {
        var (eager, diagnostics) = RuleSetLoader.LoadDefaultEagerly();
        Assert.Empty(diagnostics);
        Assert.NotNull(eager);
        Assert.Null(eager.DeferredRegimes);
        Assert.Null(eager.DeferredHash);

        var (deferred, _, _) = RuleSetLoader.TryLoadDetailed([RuleSetSource.Default]);
        Assert.NotNull(deferred?.DeferredRegimes);
        Assert.Equal(eager.Hash, deferred.Hash);
        var dump = Dump(eager.Regimes);
        Assert.Equal(dump, Dump(deferred.Regimes));
        Assert.Equal(3, deferred.Regimes.Count);
        Assert.True(dump.Length > 10_000, dump); // holidays, deadlines and sources all read
    }

    [Fact]
    public void Files_layered_over_the_default_build_their_regimes_at_load()
    {
        var extra = RuleSetSource.FromJson("""{ "name": "extra" }""", "extra.rules.json");
        var (layered, diagnostics, _) = RuleSetLoader.TryLoadDetailed([RuleSetSource.Default, extra]);
        Assert.Empty(diagnostics);
        Assert.Null(layered!.DeferredRegimes);
        Assert.Equal(Dump(RuleSetLoader.LoadDefaultEagerly().RuleSet!.Regimes), Dump(layered.Regimes));

        var broken = RuleSetSource.FromJson("""{ "regimes": { "CN-NFRA": { "name": "x", "timeZone": "Nowhere/Atlantis" } } }""", "broken.rules.json");
        Assert.Contains(ComplaintRuleSet.Validate(RuleSetSource.Default, broken), d => d.File == "broken.rules.json" && d.Path.EndsWith(".timeZone", StringComparison.Ordinal));
    }

    // Every field of the regimes, their calendars and deadlines, in order; a delegate only as present or absent.
    private static string Dump(IReadOnlyDictionary<string, RegulatoryRegime> regimes)
    {
        var text = new StringBuilder();
        foreach (var key in regimes.Keys.Order(StringComparer.Ordinal))
        {
            Write(text, regimes[key], 0);
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        Assert.True(depth < 12, "unexpectedly deep");
        switch (value)
        {
            case null:
                text.Append("null;");
                return;
            case Delegate:
                text.Append("delegate;");
                return;
            case TimeZoneInfo zone:
                text.Append(zone.Id).Append(';');
                return;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)).Append(';');
                return;
            case string or Uri or bool:
                text.Append(value).Append(';');
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, item, depth + 1);
                }

                text.Append(']');
                return;
        }

        if (value.GetType() is { IsGenericType: true } lazy && lazy.GetGenericTypeDefinition() == typeof(Lazy<>))
        {
            Write(text, lazy.GetProperty("Value")!.GetValue(value), depth + 1);
            return;
        }

        text.Append(value.GetType().Name).Append('{');
        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                text.Append(field.Name).Append('=');
                Write(text, field.GetValue(value), depth + 1);
            }
        }

        text.Append('}');
    }
}
