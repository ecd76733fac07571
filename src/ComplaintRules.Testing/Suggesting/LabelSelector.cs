using System.Globalization;

namespace ComplaintRules.Testing;

/// <summary>Parses <c>NAME=VALUE</c> into a test on a complaint's labels: true, false, or null when it has no such label.</summary>
internal static class LabelSelector
{
    public static Func<ScoreExpectations, bool?> Parse(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var equals = label.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == label.Length - 1)
        {
            throw new FormatException($"--label takes NAME=VALUE (e.g. conflictType=price), not '{label}'");
        }

        var (name, value) = (label[..equals], label[(equals + 1)..]);
        switch (name)
        {
            case "primaryCause" when Vocabulary.TryParseCause(value, out var cause):
                return e => e.PrimaryCause is { } p ? p == cause : null;
            case "conflictType" when Vocabulary.TryParseConflict(value, out var conflict):
                return e => e.ConflictType is { } c ? c == conflict : null;
            case "severity" when Vocabulary.TryParseSeverity(value, out var severity):
                return e => e.Severity is { } s ? s == severity : null;
            case "remedyClass" when Vocabulary.TryParseOutcome(value, out var outcome):
                return e => e.RemedyClass is { } r ? r == outcome : null;
            case "intensity" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var intensity):
                return e => e.Intensity is { } i ? i == intensity : null;
            case "isComplaint" when bool.TryParse(value, out var isComplaint):
                return e => e.IsComplaint is { } b ? b == isComplaint : null;
            case var causes when causes.StartsWith("causes.", StringComparison.Ordinal)
                && Vocabulary.TryParseCause(causes["causes.".Length..], out var present) && bool.TryParse(value, out var wanted):
                return e => e.Causes.TryGetValue(present, out var p) ? p == wanted : null;
            default:
                throw new FormatException($"--label '{label}' is not a label value: use primaryCause, causes.CAUSE, conflictType, severity, intensity, remedyClass or isComplaint with a value of its vocabulary");
        }
    }
}
