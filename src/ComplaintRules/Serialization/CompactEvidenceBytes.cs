using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ComplaintRules;

/// <summary>
/// Writes a compact evidence array as one raw value: the bytes <see cref="Utf8JsonWriter"/> would write call by call
/// (<c>[{"start":0,"length":10,"signal":"promise"},…]</c>), composed directly, with each signal name encoded once per
/// rule set. Only names no encoder escapes (ASCII letters, digits, <c>_</c>, <c>-</c>, <c>.</c>) take this path, and
/// only on a writer that does not indent, so the output is the same byte for byte whatever the writer's options.
/// </summary>
internal static class CompactEvidenceBytes
{
    // The names of a rule set's signals as UTF-8, or null for one that an encoder might escape.
    private static readonly ConditionalWeakTable<string[], byte[]?[]> s_names = [];

    // The last rule set's names: a batch writes one rule set's evidence, and a reference test is cheaper than the table.
    private static NamesOf? s_last;

    private static ReadOnlySpan<byte> Start => "{\"start\":"u8;

    private static ReadOnlySpan<byte> Length => ",\"length\":"u8;

    private static ReadOnlySpan<byte> Signal => ",\"signal\":\""u8;

    private static ReadOnlySpan<byte> InDemand => "\",\"field\":\"customerDemand\"}"u8;

    private static ReadOnlySpan<byte> InText => "\"}"u8;

    // The most one item takes beside its signal name: the punctuation above and two 11-digit numbers.
    private const int ItemBytes = 80;

    [SkipLocalsInit] // the buffer is written before it is read: no need to zero 1 KB per finding
    public static bool TryWrite(Utf8JsonWriter writer, JsonEncodedText propertyName, EvidenceList evidence)
    {
        if (writer.Options.Indented)
        {
            return false;
        }

        var names = Names(evidence.SignalNames);
        var count = evidence.Count;
        var size = 2;
        for (var i = 0; i < count; i++)
        {
            if (names[evidence.Signal(i)] is not { } name)
            {
                return false;
            }

            size += ItemBytes + name.Length;
        }

        byte[]? rented = null;
        Span<byte> buffer = size <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(size));
        var at = 0;
        buffer[at++] = (byte)'[';
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                buffer[at++] = (byte)',';
            }

            Append(buffer, ref at, Start);
            Utf8Formatter.TryFormat(evidence.Start(i), buffer[at..], out var written);
            at += written;
            Append(buffer, ref at, Length);
            Utf8Formatter.TryFormat(evidence.Length(i), buffer[at..], out written);
            at += written;
            Append(buffer, ref at, Signal);
            Append(buffer, ref at, names[evidence.Signal(i)]);
            Append(buffer, ref at, evidence.InDemand(i) ? InDemand : InText);
        }

        buffer[at++] = (byte)']';
        writer.WritePropertyName(propertyName);
        writer.WriteRawValue(buffer[..at], skipInputValidation: true);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return true;
    }

    private static byte[]?[] Names(string[] signalNames)
    {
        if (s_last is { } last && ReferenceEquals(last.Signals, signalNames))
        {
            return last.Encoded;
        }

        var encoded = s_names.GetValue(signalNames, static n => Array.ConvertAll(n, Encode));
        s_last = new NamesOf(signalNames, encoded);
        return encoded;
    }

    private sealed record NamesOf(string[] Signals, byte[]?[] Encoded);

    private static void Append(Span<byte> buffer, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer[at..]);
        at += bytes.Length;
    }

    private static byte[]? Encode(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return null;
            }
        }

        return System.Text.Encoding.ASCII.GetBytes(name);
    }
}
