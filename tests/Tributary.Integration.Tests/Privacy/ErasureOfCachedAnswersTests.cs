using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Privacy;

/// <summary>
/// After an erasure no cache level serves an answer that names the subject, whichever identifier the lookup that
/// produced it was made by (a phone, a LinkedIn URL, an email with a name and company), in this process or another on
/// the same Redis; and a later lookup by another identifier does not bring the erased value back from the providers.
/// </summary>
public sealed class ErasureOfCachedAnswersTests
{
    private const string Email = SampleIdentifiers.JaneDoeEmail;

    private static readonly string[] OtherLookups =
    [
        $$"""{"phone":"{{SampleIdentifiers.JaneDoePhone}}"}""",
        $$"""{"linkedinUrl":"{{SampleIdentifiers.JaneDoeLinkedInUrl}}"}""",
        $$"""{"email":"{{Email}}","name":"Jane Doe","company":"{{SampleIdentifiers.AcmeName}}"}""",
    ];

    [Fact]
    public async Task Forget_AnswersCachedUnderOtherIdentifiers_AreNotServed_AndTheValueDoesNotComeBack()
    {
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        await using (var gateway = await GatewayServer.StartOnDatabaseAsync(database, "--Sandbox:Enabled=true", "--Sandbox:Warmup=false"))
        {
            (await EnrichTextAsync(gateway, OtherLookups[0])).ShouldContain(Email, Case.Sensitive, "the phone's answer names her email, or the test proves nothing");
            foreach (var lookup in OtherLookups[1..])
            {
                await EnrichTextAsync(gateway, lookup);
            }

            var (status, receipt) = await ErasureTests.ForgetAsync(gateway, $$"""{"email":"{{Email}}"}""");

            status.ShouldBe(200, receipt.ToString());
            foreach (var lookup in OtherLookups)
            {
                (await EnrichTextAsync(gateway, lookup)).ShouldNotContain(Email, Case.Insensitive, $"{lookup} after the erasure");
            }

            receipt.GetProperty("cache").GetInt32().ShouldBeGreaterThan(1, "answers cached under the phone and LinkedIn lookups are removed too");
            receipt.GetProperty("sharedCache").GetInt32().ShouldBe(0, "there is no shared cache");

            await gateway.Services.GetRequiredService<Tributary.Caching.ILookupLedger>().FlushAsync(CancellationToken.None);
        }

        ErasureTests.FilesContain(database, Email).ShouldBeFalse("a lookup by phone after the erasure wrote her email back into the store");
    }

    [RedisFact]
    public async Task Forget_RemovesTheAnswersFromRedis_AndAnotherGatewayStopsServingThemFromItsMemory()
    {
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        var prefix = RedisServer.NewPrefix();
        string[] settings = ["--Sandbox:Enabled=true", "--Sandbox:Warmup=false", "--Privacy:SuppressionRefreshSeconds=1", $"--Cache:Redis={RedisServer.ConnectionString}", $"--Cache:RedisPrefix={prefix}"];
        await using var serving = await GatewayServer.StartOnDatabaseAsync(database, settings);
        await using var erasing = await GatewayServer.StartOnDatabaseAsync(database, settings);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString);
        foreach (var lookup in OtherLookups)
        {
            await EnrichTextAsync(serving, lookup);
        }

        (await SharedCacheHoldingAsync(redis, prefix, Email)).ShouldBeGreaterThan(0, "the answers must be in Redis first, or the test proves nothing");

        var (status, receipt) = await ErasureTests.ForgetAsync(erasing, $$"""{"email":"{{Email}}"}""");

        status.ShouldBe(200, receipt.ToString());
        (await SharedCacheHoldingAsync(redis, prefix, Email)).ShouldBe(0, "no answer naming her is left in Redis");
        receipt.GetProperty("sharedCache").GetInt32().ShouldBeGreaterThan(0);
        await Eventually.TrueAsync(
            async () => !(await EnrichTextAsync(serving, OtherLookups[0])).Contains(Email, StringComparison.OrdinalIgnoreCase),
            "the other gateway to stop serving her from its memory",
            TimeSpan.FromSeconds(10));
        foreach (var lookup in OtherLookups)
        {
            (await EnrichTextAsync(serving, lookup)).ShouldNotContain(Email, Case.Insensitive, $"{lookup} after the erasure");
        }
    }

    [RedisFact]
    public async Task ForgetFromTheCli_RemovesTheAnswersARunningGatewayPutInRedis()
    {
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        var prefix = RedisServer.NewPrefix();
        string[] shared = [$"--Cache:Redis={RedisServer.ConnectionString}", $"--Cache:RedisPrefix={prefix}"];
        await using var gateway = await GatewayServer.StartOnDatabaseAsync(database, ["--Sandbox:Enabled=true", "--Sandbox:Warmup=false", .. shared]);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.ConnectionString);
        await EnrichTextAsync(gateway, OtherLookups[0]);
        (await SharedCacheHoldingAsync(redis, prefix, Email)).ShouldBeGreaterThan(0, "the answers must be in Redis first, or the test proves nothing");

        await using var forget = await TributaryProcess.RunAsync(
            ["forget", "--email", Email, "--json", $"--Storage:ConnectionString=Data Source={database}", .. shared]);

        forget.ExitCode.ShouldBe(0, forget.Output);
        JsonDocument.Parse(forget.StandardOutput).RootElement.GetProperty("sharedCache").GetInt32().ShouldBeGreaterThan(0, forget.Output);
        (await SharedCacheHoldingAsync(redis, prefix, Email)).ShouldBe(0);
    }

    [Fact]
    public async Task Forget_WhenRedisCannotBeReached_SaysSoInTheReceiptAndTheLog_WithoutTheValue()
    {
        var logs = new LogCapture();
        await using var gateway = await GatewayServer.StartAsync(
            services => services.AddSingleton<ILoggerProvider>(logs),
            "--Sandbox:Enabled=false", $"--Cache:Redis=127.0.0.1:{TributaryProcess.FreePort()},connectTimeout=200");

        var (status, receipt) = await ErasureTests.ForgetAsync(gateway, $$"""{"email":"{{Email}}"}""");

        status.ShouldBe(200, receipt.ToString());
        receipt.GetProperty("sharedCache").ValueKind.ShouldBe(JsonValueKind.Null, "the shared cache could not be cleaned");
        logs.All.ShouldContain("shared cache");
        logs.All.ShouldNotContain(Email, Case.Insensitive);
    }

    private static async Task<string> EnrichTextAsync(GatewayServer gateway, string body)
    {
        using var response = await gateway.Client.PostAsync("/v1/enrich", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return text;
    }

    /// <summary>How many of the prefix's shared-cache entries hold <paramref name="text"/>.</summary>
    private static async Task<int> SharedCacheHoldingAsync(ConnectionMultiplexer redis, string prefix, string text)
    {
        var database = redis.GetDatabase();
        var holding = 0;
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: prefix + "cache:*"))
            {
                var fields = await database.HashGetAllAsync(key);
                holding += fields.Any(f => ((string?)f.Value ?? "").Contains(text, StringComparison.OrdinalIgnoreCase)) ? 1 : 0;
            }
        }

        return holding;
    }
}
