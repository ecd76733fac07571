using System.Text;

namespace ComplaintRules;

/// <summary>Where a rule-set document comes from: a file, a string, a stream, or the embedded default.</summary>
/// <remarks>Sources are read when a rule set is loaded, so a file source picks up the file's current content each time.</remarks>
public sealed class RuleSetSource
{
    /// <summary>Largest rule-set document accepted, in bytes (4 MiB).</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    private readonly Func<byte[]> _read;

    private RuleSetSource(string name, Func<byte[]> read)
    {
        Name = name;
        _read = read;
    }

    /// <summary>The name diagnostics use for this source: the file path, or the name given.</summary>
    public string Name { get; }

    /// <summary>The default rule set embedded in the library (Chinese and English).</summary>
    public static RuleSetSource Default { get; } = Embedded("default.rules.json");

    /// <summary>The default's tie-break (last of <see cref="DefaultCompanions"/>): with the default alone it is read on first use.</summary>
    internal static RuleSetSource DefaultTieBreak { get; } = Embedded("tiebreak.rules.json");

    /// <summary>
    /// The documents layered right after <see cref="Default"/> wherever it is used: the tone lexicons (thousands of
    /// words derived from a published lexicon, see THIRD-PARTY-NOTICES.md) and the regimes (they change on the rhythm
    /// of holiday notices and amendments, not of the triage rules), the example authority limits (each bank replaces
    /// them with its own delegated authorities) and the tie-break (a table trained from labelled complaints by
    /// eval/train-tiebreak.sh, not written by hand).
    /// </summary>
    internal static IReadOnlyList<RuleSetSource> DefaultCompanions { get; } =
        [Embedded("tone.rules.json"), Embedded("regimes.rules.json"), Embedded("authority.rules.json"), DefaultTieBreak];

    /// <summary>A rule-set file on disk, read (again) at every load.</summary>
    /// <param name="path">The file's path.</param>
    public static RuleSetSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new RuleSetSource(path, () => ReadFile(path));
    }

    /// <summary>A rule-set document held in a string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="name">The name diagnostics use for it.</param>
    public static RuleSetSource FromJson(string json, string name = "inline.rules.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var bytes = Encoding.UTF8.GetBytes(json);
        return new RuleSetSource(name, () => bytes);
    }

    /// <summary>A rule-set document read from a stream now (the stream is read to its end, not disposed).</summary>
    /// <param name="stream">The stream, UTF-8.</param>
    /// <param name="name">The name diagnostics use for it.</param>
    public static RuleSetSource FromStream(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var bytes = ReadBounded(stream, name);
        return new RuleSetSource(name, () => bytes);
    }

    /// <summary>A file's content read earlier (or the error reading it), under the file's path.</summary>
    internal static RuleSetSource FromSnapshot(string path, byte[]? content, Exception? error) =>
        new(path, () => content ?? throw error!);

    internal byte[] Read() => _read();

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal static byte[] ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"Rule-set file '{path}' does not exist.", path);
        }

        if (info.Length > MaxDocumentBytes)
        {
            throw new InvalidDataException($"Rule-set file '{path}' is {info.Length} bytes; the limit is {MaxDocumentBytes}.");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return ReadBounded(stream, path);
    }

    // A document of DefaultRules/, embedded in the library under its file name.
    private static RuleSetSource Embedded(string fileName)
    {
        var resource = "ComplaintRules.DefaultRules." + fileName;
        return new RuleSetSource(fileName, () =>
        {
            using var stream = typeof(RuleSetSource).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded rule-set document '{resource}' is missing.");
            return ReadBounded(stream, resource);
        });
    }

    private static byte[] ReadBounded(Stream stream, string name)
    {
        // A stream that knows its length (embedded documents, files) is read into one array of that size: growing a
        // buffer by doubling cost a load of the default rule set 2.2 MB. The bound still holds on the way, since
        // a file can grow after its length was read.
        if (stream.CanSeek && stream.Position is var start && stream.Length - start is var length and <= MaxDocumentBytes)
        {
            var exact = new byte[length];
            var filled = stream.ReadAtLeast(exact, exact.Length, throwOnEndOfStream: false);
            if (filled < exact.Length)
            {
                return exact[..filled]; // it shrank meanwhile
            }

            if (stream.ReadByte() < 0)
            {
                return exact;
            }

            stream.Position = start; // it grew meanwhile: read it the bounded way
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                throw new InvalidDataException($"Rule-set document '{name}' is larger than the limit of {MaxDocumentBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
