namespace ComplaintRules.Rules;

internal sealed partial class RuleSetLoader
{
    // The documents after the first are read on another core while this one reads the first (the default's tone
    // words, a third of its bytes, beside its rules). Only the straight reading of well-formed documents is done ahead:
    // it has no side effects, and whatever it leaves (null) is read in AddLayer as before, with the same diagnostics.
    private static Task<RuleSetDocument?[]>? ReadAhead(List<(RuleSetSource Source, byte[]? Bytes, Exception? Error)> layers)
    {
        if (layers.Count < 2)
        {
            return null;
        }

        return Task.Run(() =>
        {
            var documents = new RuleSetDocument?[layers.Count];
            for (var i = 1; i < layers.Count; i++)
            {
                if (layers[i].Bytes is { } bytes && bytes.Length <= RuleSetSource.MaxDocumentBytes && !IsUtf16(bytes))
                {
                    documents[i] = RuleSetDocumentReader.TryRead(WithoutByteOrderMark(bytes));
                }
            }

            return documents;
        });
    }

    private static bool IsUtf16(byte[] bytes) => bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));

    private static ReadOnlySpan<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes.AsSpan(3) : bytes;
}
