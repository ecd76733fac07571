using System.Text;
using System.Text.Json;

namespace ComplaintRules.Rules;

/// <summary>
/// Maps JSON paths (<c>$.rules.causes[2].when</c>) to 1-based line and character column, so diagnostics point at
/// the exact value. System.Text.Json reports 0-based lines and byte columns; this converts to what editors show.
/// </summary>
/// <remarks>
/// The document is indexed on the first question only: a document without problems (every load of the default rule
/// set) never pays for it. Not thread-safe; one loader uses it.
/// </remarks>
internal sealed class JsonLocator(byte[] utf8)
{
    private readonly byte[] _utf8 = utf8;
    private readonly List<int> _lineStarts = [0];
    private readonly Dictionary<string, int> _offsets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nameOffsets = new(StringComparer.Ordinal);
    private (string Name, int Offset)? _firstRepeat;
    private bool _indexed;

    private void EnsureIndexed()
    {
        if (_indexed)
        {
            return;
        }

        _indexed = true;
        var utf8 = _utf8;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }

        try
        {
            Index();
        }
        catch (JsonException)
        {
            // Malformed JSON is reported by the deserialiser; whatever was indexed before the fault still helps.
        }
    }

    /// <summary>The position of the value at <paramref name="path"/>, or of its nearest indexed ancestor.</summary>
    public (int Line, int Column) Locate(string path)
    {
        EnsureIndexed();
        while (true)
        {
            if (_offsets.TryGetValue(path, out var offset))
            {
                return FromByteOffset(offset);
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return (1, 1);
            }

            path = path[..cut];
        }
    }

    /// <summary>The position of the property name of the member at <paramref name="path"/>, or of its value when the name is unknown.</summary>
    public (int Line, int Column) LocateName(string path)
    {
        EnsureIndexed();
        return _nameOffsets.TryGetValue(path, out var offset) ? FromByteOffset(offset) : Locate(path);
    }

    /// <summary>The position of the character <paramref name="charIndex"/> inside the string value at <paramref name="path"/>.</summary>
    public (int Line, int Column) LocateInString(string path, int charIndex)
    {
        var (line, column) = Locate(path);
        if (!_offsets.TryGetValue(path, out var offset) || _utf8[offset] != (byte)'"')
        {
            return (line, column);
        }

        // charIndex counts decoded characters; in the file an escape takes more ("\"" two, "\u4E2D" six).
        // A JSON string never spans lines, so the rest of its line holds it.
        var lineEnd = Array.IndexOf(_utf8, (byte)'\n', offset);
        var raw = Encoding.UTF8.GetString(_utf8, offset + 1, (lineEnd < 0 ? _utf8.Length : lineEnd) - offset - 1);
        var i = 0;
        for (var decoded = 0; decoded < charIndex && i < raw.Length && raw[i] != '"'; decoded++)
        {
            i += raw[i] != '\\' ? 1 : i + 1 < raw.Length && raw[i + 1] == 'u' ? 6 : 2;
        }

        return (line, column + 1 + Math.Min(i, raw.Length));
    }

    /// <summary>The first member written a second time in the same object (its second name), if any.</summary>
    public (int Line, int Column, string Name)? FirstRepeatedMember()
    {
        EnsureIndexed();
        if (_firstRepeat is not { } repeat)
        {
            return null;
        }

        var (line, column) = FromByteOffset(repeat.Offset);
        return (line, column, repeat.Name);
    }

    /// <summary>Converts a 0-based line and byte position, as <see cref="JsonException"/> reports them, to 1-based characters.</summary>
    public (int Line, int Column) FromReaderPosition(long? line, long? bytePositionInLine)
    {
        EnsureIndexed();
        var l = (int)Math.Clamp(line ?? 0, 0, _lineStarts.Count - 1);
        var start = _lineStarts[l];
        var bytes = (int)Math.Clamp(bytePositionInLine ?? 0, 0, _utf8.Length - start);
        return (l + 1, Encoding.UTF8.GetCharCount(_utf8, start, bytes) + 1);
    }

    private (int Line, int Column) FromByteOffset(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var start = _lineStarts[line];
        return (line + 1, Encoding.UTF8.GetCharCount(_utf8, start, offset - start) + 1);
    }

    private void Index()
    {
        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        var containers = new List<(string Path, bool IsArray, int NextIndex)>();
        string? pendingProperty = null;

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pendingProperty = reader.GetString();
                if (!_nameOffsets.TryAdd($"{containers[^1].Path}.{pendingProperty}", (int)reader.TokenStartIndex))
                {
                    _firstRepeat ??= (pendingProperty!, (int)reader.TokenStartIndex);
                }

                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.RemoveAt(containers.Count - 1);
                continue;
            }

            // A value starts: name it after its property, or its index in the enclosing array.
            string path;
            if (containers.Count == 0)
            {
                path = "$";
            }
            else if (containers[^1].IsArray)
            {
                var (parent, _, index) = containers[^1];
                containers[^1] = (parent, true, index + 1);
                path = $"{parent}[{index}]";
            }
            else
            {
                path = $"{containers[^1].Path}.{pendingProperty}";
            }

            pendingProperty = null;
            _offsets.TryAdd(path, (int)reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Add((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
    }
}
