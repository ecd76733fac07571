// A stream worker: complaints in from a Redis Stream (consumer group), assessments out to another stream.
//   StreamWorker run     --redis HOST:PORT [--consumer NAME] [--input complaints] [--output assessments] [--group analyzers] [--claim-idle-ms 30000]
//   StreamWorker produce --redis HOST:PORT FILE.jsonl [--input complaints] [--count N]   (repeats the file with new ids up to N)
// Start as many `run` processes as you like, on as many machines: each entry is analysed by one of them.
using ComplaintRules;
using ComplaintRules.Samples.StreamWorker;
using StackExchange.Redis;

var command = args.Length > 0 ? args[0] : "";
string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var defaults = new StreamWorkerOptions();
var options = defaults with
{
    Consumer = Arg("--consumer") ?? defaults.Consumer,
    Input = Arg("--input") ?? defaults.Input,
    Output = Arg("--output") ?? defaults.Output,
    Group = Arg("--group") ?? defaults.Group,
    ClaimIdle = Arg("--claim-idle-ms") is { } idle ? TimeSpan.FromMilliseconds(int.Parse(idle, System.Globalization.CultureInfo.InvariantCulture)) : defaults.ClaimIdle,
};
if (options.ClaimIdle < defaults.ClaimInterval)
{
    options = options with { ClaimInterval = options.ClaimIdle };
}

var configuration = ConfigurationOptions.Parse(Arg("--redis") ?? "127.0.0.1:6379");
configuration.AbortOnConnectFail = false; // start, and keep going, while Redis is down
using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);

switch (command)
{
    case "run":
        using (var stop = new CancellationTokenSource())
        {
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            var worker = new ComplaintStreamWorker(redis, new ComplaintAnalyzer(), options, Console.Error.WriteLine);
            Console.Error.WriteLine($"{options.Consumer}: reading {options.Input} as group {options.Group}, writing {options.Output}");
            await worker.RunAsync(stop.Token);
            Console.Error.WriteLine($"{options.Consumer}: stopped after {worker.Processed} entries ({worker.Written} written, {worker.Claimed} taken over)");
        }

        return 0;
    case "produce" when args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a != Arg("--redis")) is { } file:
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).Select(ComplaintJson.ParseComplaint).ToArray();
        var count = Arg("--count") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : lines.Length;
        var added = await StreamProducer.AddAsync(redis.GetDatabase(), options.Input, Enumerable.Range(0, count)
            .Select(i => lines[i % lines.Length] with { Id = i < lines.Length ? lines[i].Id : $"{lines[i % lines.Length].Id}-{i / lines.Length}" }));
        Console.Error.WriteLine($"added {added} complaints to {options.Input}");
        return 0;
    default:
        Console.Error.WriteLine("usage: StreamWorker run --redis HOST:PORT [--consumer NAME] | produce --redis HOST:PORT FILE.jsonl [--count N]");
        return 2;
}
