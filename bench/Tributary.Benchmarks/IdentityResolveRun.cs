using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Tributary.Host.Gateway;
using Tributary.Privacy;
using Tributary.Storage.Postgres;
using Tributary.Storage.Sqlite;

namespace Tributary.Benchmarks;

/// <summary>
/// <c>POST /v1/identity/resolve</c> latency over a graph of many linked identifiers. Seeds the store directly (bulk
/// insert, the gateway's own pepper so hashes match), then starts the real gateway on it and resolves random known
/// emails and phones over loopback HTTP, one request at a time.
/// Usage: identity-resolve [links=1000000] [requests=20000] [sqlite|postgres] [postgres connection string].
/// Each profile has one email and one phone, so links / 2 profiles.
/// </summary>
internal static class IdentityResolveRun
{
    private const int PhoneBase = 2_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var links = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var postgres = args.Length > 2 && args[2] == "postgres";
        var profiles = links / 2;
        var database = Path.Combine(Path.GetTempPath(), $"tributary-identity-{Guid.NewGuid():N}.db");
        string[] store = postgres
            ? ["--Storage:Provider=postgres", $"--Storage:ConnectionString={(args.Length > 3 ? args[3] : "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres")}"]
            : [$"--Storage:ConnectionString=Data Source={database}"];
        await using var app = await GatewayApp.BuildAsync(
            [.. store, "--Sandbox:Enabled=false", "--Pipeline:Enabled=false", "--Logging:LogLevel:Default=Warning", "--Gateway:QuotaPerMinute=10000000"],
            "http://127.0.0.1:0",
            CancellationToken.None);
        var hasher = app.Services.GetRequiredService<IdentifierHasher>();

        var seeding = Stopwatch.StartNew();
        if (postgres)
        {
            await SeedPostgresAsync(app.Services.GetRequiredService<PostgresDatabase>(), hasher, profiles);
        }
        else
        {
            await SeedSqliteAsync(app.Services.GetRequiredService<SqliteDatabase>(), hasher, profiles);
        }

        Console.WriteLine(FormattableString.Invariant($"seeded {profiles * 2:N0} links ({profiles:N0} profiles) in {seeding.Elapsed.TotalSeconds:F1} s"));

        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var random = new Random(42);
        async Task ResolveAsync()
        {
            var i = random.Next(profiles);
            var body = random.Next(2) == 0 ? $$"""{"email":"person{{i}}@bench.example"}""" : $$"""{"phone":"+1212{{PhoneBase + i}}"}""";
            using var response = await client.PostAsync("/v1/identity/resolve", new StringContent(body));
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || text.Contains("\"guest\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"resolve of a seeded identifier failed: {(int)response.StatusCode} {text}");
            }
        }

        for (var i = 0; i < 500; i++)
        {
            await ResolveAsync();
        }

        var latencies = new double[requests];
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await ResolveAsync();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(latencies);
        double At(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        Console.WriteLine(FormattableString.Invariant(
            $"identity-resolve ({(postgres ? "postgres" : "sqlite")}, {profiles * 2:N0} links, {requests:N0} sequential requests): p50 {At(0.5):F2} ms  p90 {At(0.9):F2} ms  p99 {At(0.99):F2} ms  max {latencies[^1]:F2} ms  ({requests / wall.Elapsed.TotalSeconds:F0}/s)"));
        await app.StopAsync();
        if (postgres)
        {
            await using var connection = await app.Services.GetRequiredService<PostgresDatabase>().OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand("TRUNCATE identity_links, identity_profiles", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            File.Delete(database);
        }

        return 0;
    }

    private static async Task SeedSqliteAsync(SqliteDatabase database, IdentifierHasher hasher, int profiles)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var link = connection.CreateCommand();
        link.Transaction = transaction;
        link.CommandText = "INSERT INTO identity_links (id_type, id_hash, profile_id, value, linked_at) VALUES ($type, $hash, $profile, NULL, '2026-01-01T00:00:00.0000000Z')";
        var type = link.Parameters.Add("$type", SqliteType.Text);
        var hash = link.Parameters.Add("$hash", SqliteType.Text);
        var linkProfile = link.Parameters.Add("$profile", SqliteType.Text);
        await using var profile = connection.CreateCommand();
        profile.Transaction = transaction;
        profile.CommandText = "INSERT INTO identity_profiles (id, created_at, updated_at, traits) VALUES ($id, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z', $traits)";
        var id = profile.Parameters.Add("$id", SqliteType.Text);
        var traits = profile.Parameters.Add("$traits", SqliteType.Text);
        for (var i = 0; i < profiles; i++)
        {
            var profileId = ProfileId(i);
            id.Value = profileId;
            traits.Value = Traits(i);
            await profile.ExecuteNonQueryAsync();
            linkProfile.Value = profileId;
            foreach (var (kind, value) in Identifiers(i))
            {
                type.Value = kind;
                hash.Value = hasher.Hash(value);
                await link.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task SeedPostgresAsync(PostgresDatabase database, IdentifierHasher hasher, int profiles)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using (var truncate = new NpgsqlCommand("TRUNCATE identity_links, identity_profiles", connection))
        {
            await truncate.ExecuteNonQueryAsync();
        }

        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY identity_profiles (id, created_at, updated_at, traits) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < profiles; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(ProfileId(i), NpgsqlDbType.Text);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(Traits(i), NpgsqlDbType.Jsonb);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY identity_links (id_type, id_hash, profile_id, linked_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < profiles; i++)
            {
                foreach (var (kind, value) in Identifiers(i))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(kind, NpgsqlDbType.Text);
                    await copy.WriteAsync(hasher.Hash(value), NpgsqlDbType.Text);
                    await copy.WriteAsync(ProfileId(i), NpgsqlDbType.Text);
                    await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                }
            }

            await copy.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE identity_links; ANALYZE identity_profiles", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static string ProfileId(int i) => i.ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>The normalised forms the gateway hashes: a lower-case email, an E.164 New York number.</summary>
    private static (string Type, string Value)[] Identifiers(int i) =>
        [("email", $"person{i}@bench.example"), ("phone", $"+1212{PhoneBase + i}")];

    private static string Traits(int i) =>
        $$"""{"name":"Person {{i}}","company":"Company {{i % 1000}}","jobTitle":"Engineer","tier":"gold"}""";
}
