using System.Reflection;

namespace ComplaintRules.Tests;

public class DependencyClosureTests
{
    [Fact]
    public void The_library_loads_nothing_from_Roslyn_at_run_time()
    {
        var seen = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<AssemblyName>([typeof(ComplaintAnalyzer).Assembly.GetName()]);
        while (pending.TryDequeue(out var name))
        {
            if (!seen.TryAdd(name.Name!, name))
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
                continue; // a facade the runtime does not ship; its name is recorded, which is what matters here
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                pending.Enqueue(reference);
            }
        }

        Assert.Contains("RulesEngine", seen.Keys);
        Assert.Contains("System.Linq.Dynamic.Core", seen.Keys);
        Assert.DoesNotContain(seen.Keys, n => n.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }
}
