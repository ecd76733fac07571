using System.Security.Cryptography;
using System.Text;

namespace ComplaintRules;

/// <summary>
/// The bytes of a rule set's files as read at one moment, or why a file could not be read, with a fingerprint of
/// it all. The loader compiles exactly these bytes, and an unchanged fingerprint means nothing needs compiling.
/// </summary>
internal sealed class RuleFileSnapshot
{
    private readonly IReadOnlyList<(string Path, byte[]? Content, Exception? Error)> _files;

    private RuleFileSnapshot(IReadOnlyList<(string, byte[]?, Exception?)> files, string fingerprint)
    {
        _files = files;
        Fingerprint = fingerprint;
    }

    /// <summary>SHA-256 over every file's path and content (or its read error), in order.</summary>
    public string Fingerprint { get; }

    public static RuleFileSnapshot Read(IReadOnlyList<string> paths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = new List<(string, byte[]?, Exception?)>(paths.Count);
        foreach (var path in paths)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\0"));
            try
            {
                var content = RuleSetSource.ReadFile(path);
                hash.AppendData(content);
                files.Add((path, content, null));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                hash.AppendData(Encoding.UTF8.GetBytes("\0unreadable\0" + ex.Message));
                files.Add((path, null, ex));
            }

            hash.AppendData("\0"u8);
        }

        return new RuleFileSnapshot(files, Convert.ToHexString(hash.GetHashAndReset()));
    }

    /// <summary>The fixed sources followed by these files, each read from the snapshot rather than from disk again.</summary>
    public IReadOnlyList<RuleSetSource> Sources(IReadOnlyList<RuleSetSource> fixedSources) =>
        [.. fixedSources, .. _files.Select(f => RuleSetSource.FromSnapshot(f.Path, f.Content, f.Error))];
}
