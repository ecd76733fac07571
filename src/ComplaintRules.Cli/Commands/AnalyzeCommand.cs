using System.Globalization;
using System.Text.Json;
using ComplaintRules.Cli.Input;
using ComplaintRules.Cli.Output;
using ComplaintRules.Evaluation;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>analyze INPUT.jsonl|-</c>: one assessment per input line, in input order, on all cores, in memory bounded by
/// bytes: at most <see cref="InFlightBytes"/> of lines between reader and writer, and no line longer than
/// <c>--max-line-length</c> characters (default <see cref="CliCommandLine.DefaultMaxLineLength"/>) is ever held whole.
/// A bad or too long line is reported on stderr with its number and skipped; the batch goes on.
/// </summary>
internal static class AnalyzeCommand
{
    /// <summary>The bytes of lines (UTF-16, as held in memory) queued or being analysed at once.</summary>
    public const long InFlightBytes = 32L << 20;

    private static readonly AssessmentWarning s_invalidUtf8 = new(WarningCodes.CharactersReplaced,
        "the input line is not valid UTF-8; each invalid byte sequence was replaced with U+FFFD");

    public static async Task<int> RunAsync(CliArguments args, TextReader stdin, Stream stdout, TextWriter stderr, InFlightBudget? budget = null)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliUsageException("analyze takes one input file (or - for standard input)");
        }

        var threads = args.Number("--threads") ?? Environment.ProcessorCount;
        var maxLineLength = args.Whole("--max-line-length");
        var profile = args.Single("--output") == "compact" ? AssessmentJsonProfile.Compact : AssessmentJsonProfile.Full;
        // The rule set loads on a thread of its own while this one readies the complaint reader (its first parse is
        // mostly the JIT's work): for one complaint on two cores, the two no longer wait for each other. A load that
        // fails throws here, before the input is opened, as before.
        var loading = Task.Factory.StartNew(args.LoadRuleSet, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        ComplaintJson.ParseComplaint("""{"id":"-","text":"-"}""");
        var analyzer = new ComplaintAnalyzer(await loading);
        // A cold start's first analysis and its JSON are mostly first-call work (~14 ms): sentences of our own go through
        // them on the other core while this thread opens the input and readies the pipeline. Nothing of it is written (a
        // listener on the library's meter sees the two counted).
        _ = Task.Run(() => WarmUp(analyzer, profile));
        var path = args.Positional[0];
        using var file = path == "-" ? null : OpenInput(path);
        budget ??= new InFlightBudget(InFlightBytes);
        var tooLong = $"the line is longer than {maxLineLength.ToString("N0", CultureInfo.InvariantCulture)} characters (--max-line-length); skipped";
        var failed = 0;

        // A file or standard input is split into lines as UTF-8 bytes, decoded only where a line needs it; any other
        // reader, and UTF-16 input, is read as text.
        var source = file ?? stdin;
        var bytes = source is StreamReader { BaseStream: { CanRead: true } stream } ? new Utf8LineReader(stream, maxLineLength) : null;
        if (bytes is not null)
        {
            await bytes.FillAsync();
        }

        var text = bytes is null or { IsUtf16: true } ? Utf8InputReader.Over(bytes?.TextReader() ?? source) : null;
        var chunks = text is null
            ? LineChunks.ReadUtf8Async(bytes!, budget)
            : LineChunks.ReadAsync(new BoundedLineReader(text, maxLineLength), budget);

        // Each chunk is written as UTF-8 into one pooled buffer, so the single writer only copies bytes.
        var context = new ChunkContext(analyzer, tooLong, text as Utf8InputReader, profile);
        await foreach (var chunk in OrderedParallel.SelectAsync(chunks, chunk => (Result: Process(context, chunk), chunk.Bytes), threads))
        {
            using (var output = chunk.Result.Output)
            {
                await stdout.WriteAsync(output.WrittenMemory);
            }

            foreach (var (lineNumber, error) in chunk.Result.Errors ?? [])
            {
                failed++;
                await stderr.WriteLineAsync($"{path}:{lineNumber}: {error}");
            }

            budget.Release(chunk.Bytes);
        }

        await stdout.FlushAsync();
        if (failed > 0)
        {
            await stderr.WriteLineAsync($"{failed} line(s) failed");
        }

        return failed == 0 ? 0 : 1;
    }

    private sealed record ChunkContext(ComplaintAnalyzer Analyzer, string TooLong, Utf8InputReader? Utf8, AssessmentJsonProfile Profile);

    // Readable Chinese, as ComplaintJson.Serialize writes it (JSON Lines never lands in HTML unescaped). The writers
    // are the library's own and always balance their objects, so the per-call structure checks are skipped.
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static (PooledBufferWriter Output, List<(int Line, string Error)>? Errors) Process(ChunkContext context, LineChunk chunk)
    {
        // Sized above the usual line (compact about 1.5 KB, full about 8 KB), so a chunk's buffer seldom grows (and copies).
        var lines = chunk.Lines;
        var output = new PooledBufferWriter(lines.Length * (context.Profile == AssessmentJsonProfile.Compact ? 2048 : 12288));
        List<(int, string)>? errors = null;
        using var writer = new Utf8JsonWriter(output, s_writerOptions);
        foreach (var line in lines)
        {
            var error = Process(context, chunk, line, output, writer);
            if (error is not null)
            {
                (errors ??= []).Add((line.Number, error));
            }
        }

        chunk.ReturnBuffer();
        return (output, errors);
    }

    private static string? Process(ChunkContext context, LineChunk chunk, in InputLine line, PooledBufferWriter output, Utf8JsonWriter writer)
    {
        if (line.IsTooLong)
        {
            return context.TooLong;
        }

        if (line.IsUtf8 ? Utf8Lines.IsBlank(chunk.Utf8Of(line)) : string.IsNullOrWhiteSpace(line.Text))
        {
            return null;
        }

        var start = output.WrittenCount;
        try
        {
            var invalidUtf8 = false;
            var complaint = line.IsUtf8 ? Utf8Lines.Parse(chunk.Utf8Of(line), out invalidUtf8) : ComplaintJson.ParseComplaint(line.Text!);
            if (invalidUtf8 || (context.Utf8 is not null && context.Utf8.HadInvalidUtf8(line.Number)))
            {
                complaint = complaint with
                {
                    IntakeWarnings = [.. complaint.IntakeWarnings ?? [], s_invalidUtf8],
                };
            }

            var assessment = context.Analyzer.Analyze(complaint);
            writer.Reset(output);
            ComplaintJson.Write(writer, assessment, context.Profile);
            writer.Flush();
            output.GetSpan(1)[0] = (byte)'\n';
            output.Advance(1);
            return null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            output.Truncate(start);
            return ex.Message;
        }
    }

    private static readonly string[] s_warmUpTexts =
    [
        "I was told the card had no annual fee, yet I was charged $95 today. Please refund it!",
        "说好的免年费，结果今天被扣了300元年费，请退还！",
    ];

    private static void WarmUp(ComplaintAnalyzer analyzer, AssessmentJsonProfile profile)
    {
        using var output = new PooledBufferWriter(16384);
        using var writer = new Utf8JsonWriter(output, s_writerOptions);
        foreach (var text in s_warmUpTexts)
        {
            writer.Reset(output);
            ComplaintJson.Write(writer, analyzer.Analyze(new Complaint { Id = "warm-up", Text = text }), profile);
            writer.Flush();
        }
    }

    private static StreamReader OpenInput(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"input file '{path}' does not exist");
        }

        return new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }
}
