using System.Text.Json;

namespace ComplaintRules.Workbench.Tests;

/// <summary>Where the tests' data and the repository's files are.</summary>
internal static class TestFiles
{
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    /// <summary>The repository's root: the folder that holds ComplaintRules.sln.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string Repo(string relative) => Path.Combine(RepoRoot, relative);

    /// <summary>The complaints the browser tests paste, by language (kept in a UTF-8 data file, not in C#).</summary>
    public static string Complaint(string language)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestData("complaints.json")));
        return document.RootElement.GetProperty(language).GetString()!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplaintRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ComplaintRules.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A folder of its own under the temp folder, deleted at the end.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("workbench-tests-").FullName;

    public string Copy(string source)
    {
        var target = System.IO.Path.Combine(Path, System.IO.Path.GetFileName(source));
        File.Copy(source, target, overwrite: true);
        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
