using System.Text;

namespace ComplaintRules.Cli.Input;

/// <summary>A UTF-8 line read as the text it encodes would be, decoding it only when that text is needed.</summary>
internal static class Utf8Lines
{
    /// <summary>Whether the line's text is empty or white space (<see cref="string.IsNullOrWhiteSpace"/>).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b >= 0x80)
            {
                // White space beyond ASCII (U+3000, U+00A0) or invalid UTF-8: decided on the text.
                return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line));
            }

            if (!char.IsWhiteSpace((char)b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The complaint of a line, as <see cref="ComplaintJson.ParseComplaint(string)"/> reads its text; a line that is
    /// not valid UTF-8 is decoded with U+FFFD for each invalid sequence, and <paramref name="invalidUtf8"/> says so.
    /// </summary>
    public static Complaint Parse(ReadOnlySpan<byte> line, out bool invalidUtf8)
    {
        invalidUtf8 = !System.Text.Unicode.Utf8.IsValid(line);
        return invalidUtf8 ? ComplaintJson.ParseComplaint(Encoding.UTF8.GetString(line)) : ComplaintJson.ParseComplaintUtf8(line);
    }
}
