using System.Collections.Frozen;

namespace ComplaintRules.Cli.Workbench;

/// <summary>
/// The page's files, embedded in the tool (see the csproj) and read once: a request can only name one of them, so no
/// path from the page ever reaches the file system.
/// </summary>
internal static class WorkbenchAssets
{
    private const string Prefix = "Workbench.";

    private static readonly Lazy<FrozenDictionary<string, Asset>> s_assets = new(Load);

    /// <summary>The asset at a request path (<c>/</c> is the page), or <see langword="null"/>.</summary>
    public static Asset? Find(string path) =>
        s_assets.Value.TryGetValue(path == "/" ? "/index.html" : path, out var asset) ? asset : null;

    /// <summary>The names of the embedded files.</summary>
    public static IEnumerable<string> Names => s_assets.Value.Keys;

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(WorkbenchAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var file = name[Prefix.Length..];
            assets["/" + file] = new Asset(buffer.ToArray(), ContentType(file));
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };

    /// <summary>An embedded file and its content type.</summary>
    internal sealed record Asset(byte[] Content, string ContentType);
}
