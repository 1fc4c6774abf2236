using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Tributary.IntegrationTests.Storage;

/// <summary>
/// The PostgreSQL server the storage tests use: the one named by <c>TRIBUTARY_TEST_POSTGRES</c> (CI starts one), or
/// else a throwaway server started once per test run from the installed binaries, in a temporary directory on a free
/// port, stopped when the test process exits. Each test class creates its own database on it.
/// </summary>
internal sealed class PostgresServer
{
    public const string ConnectionVariable = "TRIBUTARY_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    /// <summary>
    /// Why PostgreSQL tests cannot run here, or null when they can. Never set in CI (<c>CI=true</c>): there a missing
    /// server is a failure, not a skip.
    /// </summary>
    public static string? SkipReason { get; } = FindSkipReason();

    /// <summary>A connection string to the server's <c>postgres</c> database, for creating and dropping databases.</summary>
    public string AdminConnectionString { get; }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>A new empty database, <c>tributary_test_&lt;guid&gt;</c>; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        // CREATE DATABASE takes no parameters; the name is built from a Guid only, never from input.
        var name = $"tributary_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string? FindSkipReason()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable)))
        {
            return null;
        }

        if (FindBinaries() is null)
        {
            return $"PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and {ConnectionVariable} is not set.";
        }

        if (IsRoot && (!File.Exists("/usr/sbin/runuser") || !UserExists("postgres")))
        {
            return $"Running as root, initdb needs 'runuser' and a 'postgres' user, and {ConnectionVariable} is not set.";
        }

        return null;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured)
        {
            return new PostgresServer(configured);
        }

        var bin = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL is required here (CI) but neither {ConnectionVariable} is set nor /usr/lib/postgresql/*/bin/initdb exists.");
        var directory = Directory.CreateTempSubdirectory("tributary-pg-").FullName;
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:", directory]);
        }

        var data = Path.Combine(directory, "data");
        await RunPostgresToolAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"]);

        // A free port can be taken between asking and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            try
            {
                await RunPostgresToolAsync(Path.Combine(bin, "pg_ctl"), [
                    "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "30", "-o",
                    $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c max_connections=200", "start"]);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                continue;
            }

            await StartWatchdogAsync(bin, data, directory);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(bin, data, directory);
            return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres");
        }
    }

    /// <summary>
    /// The test runner may kill the test process before exit handlers finish. A detached shell waits for this process
    /// to end, then stops the server and removes its directory, so no server outlives the test run.
    /// </summary>
    private static Task StartWatchdogAsync(string bin, string data, string directory)
    {
        var script = $"while [ -d /proc/{Environment.ProcessId} ]; do sleep 1; done; '{bin}/pg_ctl' -D '{data}' -m immediate -w stop; rm -rf '{directory}'";
        return RunPostgresToolAsync("/bin/sh", ["-c", $"setsid sh -c \"{script}\" </dev/null >/dev/null 2>&1 &"]);
    }

    private static void Stop(string bin, string data, string directory)
    {
        try
        {
            RunPostgresToolAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process is exiting; a leftover temporary directory is all that can remain.
        }
    }

    /// <summary>initdb refuses to run as root: as root, run the tools as the postgres user.</summary>
    private static Task RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments) =>
        IsRoot ? RunAsync("/usr/sbin/runuser", ["-u", "postgres", "--", tool, .. arguments]) : RunAsync(tool, arguments);

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;

    private static bool IsRoot => Environment.UserName == "root";

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
