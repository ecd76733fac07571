using System.Reflection;
using System.Runtime.InteropServices;

namespace ComplaintRules.Tests;

public class DependencyClosureTests
{
    [Fact]
    public void The_core_loads_nothing_from_Roslyn_at_run_time()
    {
        var seen = ReferenceClosure(typeof(ComplaintAnalyzer).Assembly);

        Assert.Contains("RulesEngine", seen.Keys);
        Assert.Contains("System.Linq.Dynamic.Core", seen.Keys);
        Assert.DoesNotContain(seen.Keys, n => n.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_core_depends_on_the_rules_engine_and_its_dependencies_only_no_Microsoft_Extensions()
    {
        var outsideTheFramework = ReferenceClosure(typeof(ComplaintAnalyzer).Assembly)
            .Where(pair => pair.Value is { } location && !IsFramework(location))
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal);

        // RulesEngine brings FluentValidation, FastExpressionCompiler and System.Linq.Dynamic.Core; the hosting
        // stack (Options, DependencyInjection, Logging, Hosting, HealthChecks) lives in ComplaintRules.Extensions.
        Assert.Equal(["ComplaintRules", "FastExpressionCompiler", "FluentValidation", "RulesEngine", "System.Linq.Dynamic.Core"], outsideTheFramework);
    }

    private static bool IsFramework(string location) =>
        string.Equals(Path.GetFullPath(Path.GetDirectoryName(location)!).TrimEnd(Path.DirectorySeparatorChar),
            Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory()).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    /// <summary>Every assembly reachable through references, by name, with where it loaded from (null: not shipped).</summary>
    private static Dictionary<string, string?> ReferenceClosure(Assembly root)
    {
        var seen = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<AssemblyName>([root.GetName()]);
        while (pending.TryDequeue(out var name))
        {
            if (seen.ContainsKey(name.Name!))
            {
                continue;
            }

            Assembly assembly;
            try
            {
                assembly = Assembly.Load(name);
            }
            catch (FileNotFoundException)
            {
                seen[name.Name!] = null; // a facade the runtime does not ship; its name is recorded, which is what matters here
                continue;
            }

            seen[name.Name!] = assembly.Location;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                pending.Enqueue(reference);
            }
        }

        return seen;
    }
}
