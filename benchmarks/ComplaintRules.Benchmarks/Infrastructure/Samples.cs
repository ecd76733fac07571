using System.Globalization;
using System.Reflection;
using System.Text;

namespace ComplaintRules.Benchmarks.Infrastructure;

/// <summary>
/// Synthetic complaints for the benchmarks. The sentences live in <c>Data/complaints.{zh,en}.txt</c> (written for
/// these benchmarks); a text of any length is built by joining them in order, cycling as often as needed.
/// </summary>
public static class Samples
{
    /// <summary>About one line of a chat message.</summary>
    public const int ShortLength = 80;

    /// <summary>A typical written complaint (the "typical", 300–400 characters).</summary>
    public const int TypicalLength = 350;

    /// <summary>A long letter.</summary>
    public const int LongLength = 5_000;

    private static readonly Dictionary<string, string[]> s_sentences = new(StringComparer.Ordinal)
    {
        ["zh"] = ReadSentences("complaints.zh.txt"),
        ["en"] = ReadSentences("complaints.en.txt"),
    };

    /// <summary>Sample names for <c>[Params]</c>: language and size, e.g. <c>zh-typical</c>.</summary>
    public static readonly string[] AllSizes = ["zh-short", "zh-typical", "zh-long", "en-short", "en-typical", "en-long"];

    /// <summary>
    /// A text of about <paramref name="length"/> characters: whole sentences until the length is reached, or exactly
    /// <paramref name="length"/> characters when <paramref name="exact"/>.
    /// </summary>
    public static string Text(string language, int length, bool exact = false)
    {
        var sentences = s_sentences[language];
        var separator = language == "zh" ? "" : " ";
        var builder = new StringBuilder(length + 200);
        for (var i = 0; builder.Length < length; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(sentences[i % sentences.Length]);
        }

        return exact ? builder.ToString(0, length) : builder.ToString();
    }

    /// <summary>The text of a named sample (<see cref="AllSizes"/>).</summary>
    public static string TextOf(string sample)
    {
        var (language, size) = Split(sample);
        return Text(language, size switch
        {
            "short" => ShortLength,
            "typical" => TypicalLength,
            "long" => LongLength,
            _ => throw new ArgumentException($"Unknown sample size '{size}'.", nameof(sample)),
        });
    }

    /// <summary>A complaint as an app intake form sends it: text plus channel, product and amount; language detected.</summary>
    public static Complaint Complaint(string text, string id = "bench-1") => new()
    {
        Id = id,
        Text = text,
        Channel = "app",
        Product = "credit_card",
        Amount = 235m,
        Currency = "CNY",
        PriorComplaints = 1,
    };

    /// <summary>The complaint of a named sample (<see cref="AllSizes"/>).</summary>
    public static Complaint ComplaintOf(string sample) => Complaint(TextOf(sample), sample);

    /// <summary>Every sentence of both languages, for generating lexicons that resemble real ones.</summary>
    public static IReadOnlyList<string> Sentences(string language) => s_sentences[language];

    /// <summary>Reads an embedded resource of this assembly as UTF-8.</summary>
    public static string Resource(string name)
    {
        var fullName = "ComplaintRules.Benchmarks." + name;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(fullName)
            ?? throw new InvalidOperationException($"Embedded resource '{fullName}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Formats a number for generated JSON and ids.</summary>
    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static (string Language, string Size) Split(string sample)
    {
        var dash = sample.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? throw new ArgumentException($"Sample '{sample}' is not language-size.", nameof(sample)) : (sample[..dash], sample[(dash + 1)..]);
    }

    private static string[] ReadSentences(string file) =>
        Resource("Data." + file)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .ToArray();
}
