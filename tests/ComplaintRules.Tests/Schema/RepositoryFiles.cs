namespace ComplaintRules.Tests.Schema;

/// <summary>Files of the repository itself (schema, default rules, samples, docs), found from the test assembly upwards.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplaintRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with ComplaintRules.sln) is not above the test assembly.");
    });

    public static string Root => s_root.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Files under a folder of the repository matching a pattern, as paths relative to the root (stable test names).</summary>
    public static IEnumerable<string> Find(string folder, string pattern, SearchOption option = SearchOption.AllDirectories) =>
        Directory.EnumerateFiles(PathOf(folder), pattern, option)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
}
