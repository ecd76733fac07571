namespace ComplaintRules.Rules;

internal sealed partial class RuleSetLoader
{
    private static bool IsUtf16(byte[] bytes) => bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));

    private static ReadOnlySpan<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes.AsSpan(3) : bytes;

    /// <summary>
    /// The documents after the first, read on another core while the loading thread reads the first (the default's
    /// tone words beside its rules). Only the straight reading of well-formed documents is done ahead: it has no side
    /// effects, and whatever it leaves (null) is read in AddLayer as before, with the same diagnostics. A document the
    /// other core has not started on when it is needed is read by the loading thread, so a busy machine waits for
    /// no thread that has not run yet.
    /// </summary>
    private sealed class ReadAhead
    {
        private readonly List<(RuleSetSource Source, byte[]? Bytes, Exception? Error)> _layers;
        private readonly RuleSetDocument?[] _documents;
        private readonly int[] _taken;
        private readonly Task _reading;

        private ReadAhead(List<(RuleSetSource Source, byte[]? Bytes, Exception? Error)> layers)
        {
            _layers = layers;
            _documents = new RuleSetDocument?[layers.Count];
            _taken = new int[layers.Count];
            _reading = Task.Run(() =>
            {
                for (var i = 1; i < _layers.Count; i++)
                {
                    if (Interlocked.Exchange(ref _taken[i], 1) == 0)
                    {
                        _documents[i] = Read(i);
                    }
                }
            });
        }

        public static ReadAhead? Start(List<(RuleSetSource Source, byte[]? Bytes, Exception? Error)> layers) =>
            layers.Count > 1 ? new ReadAhead(layers) : null;

        /// <summary>Layer <paramref name="index"/>'s document read straight, or null to read it as usual.</summary>
        public RuleSetDocument? Get(int index)
        {
            if (Interlocked.Exchange(ref _taken[index], 1) == 0)
            {
                return Read(index);
            }

            _reading.GetAwaiter().GetResult(); // the other core is on it (or done): its documents are published with it
            return _documents[index];
        }

        private RuleSetDocument? Read(int index) =>
            _layers[index].Bytes is { } bytes && bytes.Length <= RuleSetSource.MaxDocumentBytes && !IsUtf16(bytes)
                ? RuleSetDocumentReader.TryRead(WithoutByteOrderMark(bytes))
                : null;
    }
}
