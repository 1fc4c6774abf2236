using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>
/// The real <c>tributary</c> executable (built next to the tests) as a child process: its own working directory,
/// configuration through environment variables only, standard output and error captured for inspection.
/// </summary>
internal sealed class TributaryProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _standardOutput = new();
    private bool _disposed;
    private readonly TempDirectory? _ownedDirectory;

    private TributaryProcess(Process process, TempDirectory? ownedDirectory)
    {
        _process = process;
        _ownedDirectory = ownedDirectory;
        process.OutputDataReceived += (_, e) =>
        {
            Append(e.Data);
            lock (_output)
            {
                _standardOutput.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Standard output alone (what <c>--json</c> prints), without the log lines on standard error.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_output)
            {
                return _standardOutput.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    public static TributaryProcess Start(IEnumerable<string> args, IDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var owned = workingDirectory is null ? new TempDirectory() : null;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? owned!.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tributary.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // A clean slate: no provider credentials or settings leak in from the machine running the tests.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Providers__", StringComparison.Ordinal) || k.StartsWith("Gateway__", StringComparison.Ordinal)).ToArray())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        // An empty secrets directory of its own: the machine's /run/secrets stays out, and a named one must exist.
        info.Environment["TRIBUTARY_SECRETS_DIR"] = Directory.CreateDirectory(Path.Combine(info.WorkingDirectory, "no-secrets")).FullName;
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        return new TributaryProcess(Process.Start(info)!, owned);
    }

    /// <summary>Runs a one-shot verb to completion.</summary>
    public static async Task<TributaryProcess> RunAsync(IEnumerable<string> args, IDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var process = Start(args, environment, workingDirectory);
        await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return process;
    }

    /// <summary>
    /// A loopback port free now, for a process to bind later. Taken below Linux's ephemeral range (32768 and up), where
    /// the OS never hands out ports to a bind of port 0: the simulators a sandboxed process starts bind so, and one of
    /// them could otherwise take the port before the process's own listener does.
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException("No free loopback port between 20000 and 32000.");
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200, or fails with the process output.</summary>
    public async Task WaitUntilHealthyAsync(string url, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"tributary exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the probe's own timeout: ask again.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{url} did not answer within {timeout}:\n{Output}");
    }

    /// <summary>Asks the process to stop as Ctrl+C or a container runtime would (SIGTERM), so it flushes its logs.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _ownedDirectory?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
