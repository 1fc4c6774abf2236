using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.ProviderCallbacks;

/// <summary>
/// A stored Clearbit delivery that the process working the queue cannot apply (its Clearbit points at another API than
/// the lookup's, here after a restart with a proxy configured) is retried, then kept as a dead letter with its reason;
/// replayed once the configuration is right again, it becomes the lookup's answer. On a fake clock shared by the
/// gateways, so the retry delays pass only when the test says.
/// </summary>
public sealed class ProviderCallbackDeadLetterTests : IDisposable
{
    private const string Email = "sam.rivera@northwind.example";
    private const string Source = "clearbit-callback";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
    private readonly TempDirectory _directory = new();
    private readonly LogCapture _logs = new();

    private string Database => _directory.File("tributary.db");

    [Fact]
    public async Task ADeliveryThatCannotBeAppliedAnyAttempt_BecomesADeadLetter_AndItsReplayIsKeptOnceItCanBe()
    {
        string id;
        await using (var receiver = await StartAsync(GatewaysWithoutCallbackWorker.Remove, "--Sandbox:Warmup=false"))
        {
            id = ClearbitDelivery.IdFor(receiver.Services, Email, _time.GetUtcNow());
            var body = ClearbitDelivery.Found(id, Email, "Sam Rivera", "Director of Data");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/providers/clearbit") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Request-Signature", ClearbitDelivery.Sign(body));
            using var accepted = await receiver.Client.SendAsync(request);
            accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        JsonElement letter;
        await using (var elsewhere = await StartAsync(null, $"--Providers:Clearbit:ApiKey={ClearbitDelivery.SandboxKey}", "--Providers:Clearbit:BaseUrl=https://clearbit-proxy.example"))
        {
            await RunningClock.UntilAsync(_time, () => Scalar("SELECT count(*) FROM dead_letters") == 1, TimeSpan.FromMinutes(3), "the delivery to be dead-lettered");
            var letters = await elsewhere.Client.GetFromJsonAsync<JsonElement>("/v1/dead-letters");
            letter = letters.EnumerateArray().Single();
            (await elsewhere.Services.GetRequiredService<IStagingQueue>().CountAsync([Source], CancellationToken.None)).ShouldBe(0, "a dead letter is no longer queued");
        }

        letter.GetProperty("kind").GetString().ShouldBe("provider-callback");
        letter.GetProperty("source").GetString().ShouldBe(Source);
        letter.GetProperty("recordId").GetString().ShouldBe(id);
        letter.GetProperty("attempts").GetInt32().ShouldBe(5);
        letter.GetProperty("reason").GetString()!.ShouldContain("BaseUrl");
        letter.GetRawText().ShouldNotContain(Email, Case.Insensitive);
        _logs.All.ShouldNotContain(Email, Case.Insensitive);

        // Back on the lookup's API: the replay queues the delivery again and it is kept; a second replay finds nothing.
        await using var restored = await StartAsync(null, "--Sandbox:Warmup=false");
        var letterId = letter.GetProperty("id").GetInt64();
        using var replayed = await restored.Client.PostAsync($"/v1/dead-letters/{letterId}/replay", null);
        using var again = await restored.Client.PostAsync($"/v1/dead-letters/{letterId}/replay", null);
        var queue = restored.Services.GetRequiredService<IStagingQueue>();
        await Eventually.TrueAsync(async () => await queue.CountAsync([Source], CancellationToken.None) == 0, "the replayed delivery to be kept");
        var answer = await restored.EnrichAsync<JsonElement>($$"""{"email":"{{Email}}","providers":["clearbit"]}""");

        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        again.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        Scalar("SELECT count(*) FROM dead_letters").ShouldBe(0);
        answer.GetProperty("name").GetString().ShouldBe("Sam Rivera");
        answer.GetProperty("providers").GetString().ShouldStartWith("clearbit:cached:");
        restored.Services.GetRequiredService<SandboxSimulators>().Clearbit.Calls.Total.ShouldBe(0);
    }

    public void Dispose() => _directory.Dispose();

    private Task<GatewayServer> StartAsync(Action<IServiceCollection>? more, params string[] settings) =>
        GatewayServer.StartOnDatabaseAsync(
            Database,
            services =>
            {
                services.AddSingleton<TimeProvider>(_time);
                services.AddSingleton<ILoggerProvider>(_logs);
                more?.Invoke(services);
            },
            ["--Logging:LogLevel:Default=Debug", .. settings]);

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
