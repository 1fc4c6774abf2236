using System.Diagnostics;

namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>
/// The Redis server scale-out tests use: the one named by <c>TRIBUTARY_TEST_REDIS</c> (CI starts one), or else a
/// throwaway <c>redis-server</c> started once per test run on a free loopback port, stopped when the tests end. Each
/// test gets its own key prefix, so tests sharing the server never see each other's keys.
/// </summary>
internal static class RedisServer
{
    public const string ConnectionVariable = "TRIBUTARY_TEST_REDIS";

    public const string OwnServer = "/usr/bin/redis-server";

    private static readonly Lazy<string> Shared = new(Start);

    /// <summary>Why Redis tests cannot run here, or null. Never set in CI: there a missing server is a failure.</summary>
    public static string? SkipReason { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable))
        || File.Exists(OwnServer)
            ? null
            : $"redis-server is not installed and {ConnectionVariable} is not set.";

    /// <summary>A StackExchange.Redis connection string to the server.</summary>
    public static string ConnectionString => Shared.Value;

    /// <summary>A key prefix no other test uses.</summary>
    public static string NewPrefix() => $"test-{Guid.NewGuid():N}:";

    /// <summary>A <c>redis-server</c> of the caller's own on <paramref name="port"/>, to stop and start again; killed at the latest when the tests end.</summary>
    /// <param name="port">Its port.</param>
    /// <param name="dataDirectory">Where it keeps a dump across a <c>SHUTDOWN SAVE</c>; without one it keeps nothing.</param>
    public static Process StartOwn(int port, string? dataDirectory = null)
    {
        string[] persistence = dataDirectory is null ? ["--save", "", "--appendonly", "no"] : ["--save", "", "--appendonly", "no", "--dir", dataDirectory];
        var server = Process.Start(new ProcessStartInfo(OwnServer, ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. persistence])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!server.HasExited)
            {
                server.Kill();
            }
        };
        WaitForPort(port);
        return server;
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var port = TributaryProcess.FreePort();
        StartOwn(port);
        return $"127.0.0.1:{port}";
    }

    /// <summary>Waits until the server accepts connections; a server that never does fails the test run here, not later.</summary>
    private static void WaitForPort(int port)
    {
        if (!SpinWait.SpinUntil(() => Accepts(port), TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException($"redis-server did not accept connections on 127.0.0.1:{port} within 10 s.");
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpClient("127.0.0.1", port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
