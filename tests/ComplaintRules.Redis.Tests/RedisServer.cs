using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace ComplaintRules.Redis.Tests;

/// <summary>
/// A real redis-server on 127.0.0.1, a free port and a temporary directory, with nothing persisted; one per test
/// class (an xunit class fixture). <see cref="Restart"/> kills it and starts a new, empty one on the same port.
/// </summary>
public class RedisServer : IDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("complaintrules-redis-").FullName;
    private Process? _process;

    private readonly bool _persistent;

    public RedisServer()
        : this(persistent: false)
    {
    }

    /// <param name="persistent">Whether every write is in the append-only file before Redis answers, so a killed server restarts with all it acknowledged.</param>
    protected RedisServer(bool persistent)
    {
        _persistent = persistent;
        Port = FreePort();
        Start();
    }

    public int Port { get; }

    /// <summary>The configuration string for StackExchange.Redis: short timeouts, so an outage is noticed fast, and no abort while the server is down.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000,connectRetry=1";

    public ConnectionMultiplexer Connect() => ConnectionMultiplexer.Connect(Configuration);

    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Restart()
    {
        Stop();
        Start();
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private void Start()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] persistence = _persistent ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
        foreach (var arg in (string[])["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", .. persistence, "--dir", _directory, "--daemonize", "no"])
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; install it (apt-get install redis-server)");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                using var probe = ConnectionMultiplexer.Connect($"127.0.0.1:{Port},connectTimeout=2000");
                probe.GetDatabase().Ping();
                return;
            }
            catch (Exception e) when (e is SocketException or RedisException && deadline.Elapsed < s_startTimeout && !_process.HasExited)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A Redis that loses nothing it acknowledged when killed (append-only file, fsync on every write).</summary>
public sealed class PersistentRedisServer() : RedisServer(persistent: true);

/// <summary>Waits for a condition without asserting on time: generous, for a loaded machine.</summary>
public static class Eventually
{
    public static void True(Func<bool> condition, string what, int seconds = 60)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                Assert.Fail($"timed out waiting until {what}");
            }

            Thread.Sleep(50);
        }
    }
}
