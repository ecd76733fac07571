using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ComplaintRules.Features;

// The automaton written ahead of time and read back instead of built: the trie, its patterns and its failure links
// (what sorting, grouping and searching make) are stored; the output links and dense rows are worked out again, in one
// pass. A snapshot carries a fingerprint of the phrases it was built from and is used only for exactly those phrases.
internal sealed partial class PhraseMatcher
{
    private const uint SnapshotMagic = 0x4D50_5243; // "CRPM"

    /// <summary>
    /// Changes with the stored layout. A change in what <see cref="Build"/> makes of the phrases shows in the test that
    /// keeps the default's snapshot current (it writes the snapshot afresh and compares).
    /// </summary>
    private const uint SnapshotFormat = 1;

    /// <summary>Whether this automaton was read from a snapshot rather than built.</summary>
    public bool FromSnapshot { get; private set; }

    /// <summary>Writes this automaton with the fingerprint of the phrases it was built from (<see cref="Fingerprint"/>).</summary>
    public byte[] WriteSnapshot(ulong fingerprint)
    {
        var chars = new ushort[_rootNext.Length - 1];
        for (var c = 0; c < _charClass.Length; c++)
        {
            if (_charClass[c] != 0)
            {
                chars[_charClass[c] - 1] = (ushort)c;
            }
        }

        var (lengths, flags, familyStart, families) = (new int[_patterns.Length], new byte[_patterns.Length], new int[_patterns.Length + 1], new List<int>());
        for (var i = 0; i < _patterns.Length; i++)
        {
            var p = _patterns[i];
            (lengths[i], flags[i]) = (p.Length, (byte)((p.LeftBoundary ? 1 : 0) | (p.RightBoundary ? 2 : 0)));
            families.AddRange(p.Families);
            familyStart[i + 1] = families.Count;
        }

        using var stream = new MemoryStream();
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, SnapshotMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], SnapshotFormat);
        BinaryPrimitives.WriteUInt64LittleEndian(header[8..], fingerprint);
        stream.Write(header);
        Write(stream, MemoryMarshal.AsBytes(chars.AsSpan()), chars.Length);
        Write(stream, MemoryMarshal.AsBytes(_rootNext.AsSpan()), _rootNext.Length);
        Write(stream, MemoryMarshal.AsBytes(_childStart.AsSpan()), _childStart.Length);
        Write(stream, MemoryMarshal.AsBytes(_childClass.AsSpan()), _childClass.Length);
        Write(stream, MemoryMarshal.AsBytes(_childTarget.AsSpan()), _childTarget.Length);
        Write(stream, MemoryMarshal.AsBytes(_fail.AsSpan()), _fail.Length);
        Write(stream, MemoryMarshal.AsBytes(_patternAt.AsSpan()), _patternAt.Length);
        Write(stream, MemoryMarshal.AsBytes(lengths.AsSpan()), lengths.Length);
        Write(stream, flags, flags.Length);
        Write(stream, MemoryMarshal.AsBytes(familyStart.AsSpan()), familyStart.Length);
        Write(stream, MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(families)), families.Count);
        return stream.ToArray();

        static void Write(Stream stream, ReadOnlySpan<byte> bytes, int count)
        {
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, count);
            stream.Write(length);
            stream.Write(bytes);
        }
    }

    /// <summary>
    /// The automaton of a snapshot written with <paramref name="fingerprint"/>, or <see langword="null"/> when it was
    /// written with another (other phrases) or in another format: build it then.
    /// </summary>
    public static PhraseMatcher? ReadSnapshot(ReadOnlySpan<byte> snapshot, ulong fingerprint)
    {
        if (!BitConverter.IsLittleEndian || snapshot.Length < 16
            || BinaryPrimitives.ReadUInt32LittleEndian(snapshot) != SnapshotMagic
            || BinaryPrimitives.ReadUInt32LittleEndian(snapshot[4..]) != SnapshotFormat
            || BinaryPrimitives.ReadUInt64LittleEndian(snapshot[8..]) != fingerprint)
        {
            return null;
        }

        var reader = new SnapshotReader(snapshot[16..]);
        var chars = reader.UShorts();
        var rootNext = reader.Ints();
        var (childStart, childClass, childTarget) = (reader.Ints(), reader.UShorts(), reader.Ints());
        var (fail, patternAt) = (reader.Ints(), reader.Ints());
        var (lengths, flags, familyStart, families) = (reader.Ints(), reader.Bytes(), reader.Ints(), reader.Ints());

        var charClass = new ushort[char.MaxValue + 1];
        for (var i = 0; i < chars.Length; i++)
        {
            charClass[chars[i]] = (ushort)(i + 1);
        }

        var patterns = new Pattern[lengths.Length];
        for (var i = 0; i < patterns.Length; i++)
        {
            patterns[i] = new Pattern(lengths[i], (flags[i] & 1) != 0, (flags[i] & 2) != 0, families[familyStart[i]..familyStart[i + 1]]);
        }

        var matcher = Link(charClass, rootNext, childStart, childClass, childTarget, patternAt, patterns, fail, MaxDenseRows);
        matcher.FromSnapshot = true;
        return matcher;
    }

    /// <summary>Whether both automata hold the same states, links, rows and patterns (what matching reads).</summary>
    public bool SameAs(PhraseMatcher other) =>
        _charClass.AsSpan().SequenceEqual(other._charClass) && _rootNext.AsSpan().SequenceEqual(other._rootNext)
        && _childStart.AsSpan().SequenceEqual(other._childStart) && _childClass.AsSpan().SequenceEqual(other._childClass)
        && _childTarget.AsSpan().SequenceEqual(other._childTarget) && _fail.AsSpan().SequenceEqual(other._fail)
        && _patternAt.AsSpan().SequenceEqual(other._patternAt) && _outputLink.AsSpan().SequenceEqual(other._outputLink)
        && _firstReport.AsSpan().SequenceEqual(other._firstReport) && _rowAt.AsSpan().SequenceEqual(other._rowAt)
        && _rows.AsSpan().SequenceEqual(other._rows) && _chainMask.AsSpan().SequenceEqual(other._chainMask)
        && MaxPatternLength == other.MaxPatternLength
        && _patterns.Length == other._patterns.Length
        && _patterns.Zip(other._patterns).All(p => (p.First.Length, p.First.LeftBoundary, p.First.RightBoundary) ==
            (p.Second.Length, p.Second.LeftBoundary, p.Second.RightBoundary) && p.First.Families.AsSpan().SequenceEqual(p.Second.Families));

    /// <summary>
    /// A digest of phrases in order with their lexicons, and of the snapshot format. Not cryptographic (the phrases come
    /// from the library's own documents): each step is a bijection of the state, so lists that differ in one word at the
    /// same place never share a digest, and other different lists by a chance of about 2^-64.
    /// </summary>
    public static ulong Fingerprint(ReadOnlySpan<(string Phrase, int Family)> phrases)
    {
        var h = Mix(0x9E37_79B9_7F4A_7C15UL, SnapshotFormat);
        foreach (var (phrase, family) in phrases)
        {
            h = Mix(h, ((ulong)(uint)phrase.Length << 32) | (uint)family);
            var words = MemoryMarshal.Cast<char, ulong>(phrase.AsSpan());
            foreach (var word in words)
            {
                h = Mix(h, word);
            }

            for (var i = words.Length * 4; i < phrase.Length; i++)
            {
                h = Mix(h, phrase[i]);
            }
        }

        return h;

        static ulong Mix(ulong h, ulong value)
        {
            h = (h ^ value) * 0xFF51_AFD7_ED55_8CCDUL;
            return h ^ (h >> 32);
        }
    }

    // Reads the length-prefixed arrays in the order they were written.
    private ref struct SnapshotReader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public int[] Ints() => MemoryMarshal.Cast<byte, int>(Next(sizeof(int))).ToArray();

        public ushort[] UShorts() => MemoryMarshal.Cast<byte, ushort>(Next(sizeof(ushort))).ToArray();

        public byte[] Bytes() => Next(1).ToArray();

        private ReadOnlySpan<byte> Next(int size)
        {
            var count = BinaryPrimitives.ReadInt32LittleEndian(_rest);
            var bytes = _rest.Slice(4, count * size);
            _rest = _rest[(4 + (count * size))..];
            return bytes;
        }
    }
}
