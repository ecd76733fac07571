using System.Runtime.CompilerServices;
using System.Text;

namespace ComplaintRules.Cli.Input;

/// <summary>
/// Splits input into lines at <c>\n</c> only: a <c>\r</c> before it is dropped (Windows line ends); one inside a line
/// stays in it, so the JSON parser rejects that one line instead of the line being split and every later line number
/// shifted, as <see cref="TextReader.ReadLineAsync()"/> would.
/// </summary>
internal static class LineFeedLines
{
    public static async IAsyncEnumerable<string> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new char[1 << 15];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var data = buffer.AsMemory(0, read);
            int end;
            while ((end = data.Span.IndexOf('\n')) >= 0)
            {
                line.Append(data.Span[..end]);
                yield return Take(line);
                data = data[(end + 1)..];
            }

            line.Append(data.Span);
        }

        if (line.Length > 0)
        {
            yield return Take(line);
        }
    }

    private static string Take(StringBuilder line)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        var text = line.ToString();
        line.Clear();
        return text;
    }
}
