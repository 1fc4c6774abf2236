using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Privacy;

/// <summary>
/// <c>DELETE /v1/subjects</c> through the real gateway on a real SQLite file: the subject is put in every place the
/// store has, erased, and then searched for in the bytes of the database files.
/// </summary>
public sealed class ErasureTests
{
    private const string Email = SampleIdentifiers.JaneDoeEmail;

    [Fact]
    public async Task Forget_RemovesTheSubjectFromEveryPlace_AndItsValueIsInNoDatabaseFile()
    {
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        await using (var gateway = await GatewayServer.StartOnDatabaseAsync(database, "--Sandbox:Enabled=true", "--Sandbox:Warmup=false", "--Cdp:OutcomeSettleSeconds=3600"))
        {
            var profileId = await SpreadTheSubjectAsync(gateway);
            await gateway.Services.GetRequiredService<Tributary.Caching.ILookupLedger>().FlushAsync(CancellationToken.None);
            FilesContain(database, Email).ShouldBeTrue("the subject must be in the files before the erasure, or the scan proves nothing");

            var (status, receipt) = await ForgetAsync(gateway, $$"""{"email":"  {{Email.ToUpperInvariant()}} "}""");

            status.ShouldBe(200, receipt.ToString());
            receipt.GetProperty("ledger").GetInt32().ShouldBeGreaterThan(0);
            receipt.GetProperty("jobRecords").GetInt32().ShouldBe(1);
            receipt.GetProperty("identityLinks").GetInt32().ShouldBe(4, "the profile's email, phone and user id links, and the name + company its enrichment answer linked");
            receipt.GetProperty("profiles").GetInt32().ShouldBe(1);
            receipt.GetProperty("outcomes").GetInt32().ShouldBe(1);
            receipt.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
            receipt.GetProperty("subject").GetString().ShouldNotBeNull().ShouldNotContain("@");

            using var profile = await gateway.Client.GetAsync($"/v1/profiles/{profileId}");
            profile.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var again = await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{Email}}"}""");
            again.GetProperty("source").GetString().ShouldBe("none", "a suppressed subject is asked of no provider, and not served from memory");
            var audit = await gateway.Client.GetFromJsonAsync<JsonElement>("/v1/audit");
            audit.GetProperty("entries").EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "subject.forget");
        }

        foreach (var form in new[] { Email, Email.ToUpperInvariant(), "Jane.Doe@acme.com" })
        {
            FilesContain(database, form).ShouldBeFalse($"'{form}' is still in a database file");
        }
    }

    [Fact]
    public async Task Forget_APhoneAndAPlusAddress_LeavesNeitherInAnyDatabaseFile()
    {
        // Stored JSON escapes '+' as \u002B, and a staged phone may be typed in any format: neither may hide the subject.
        const string PlusEmail = "mary+vip@example.com";
        const string Phone = SampleIdentifiers.JaneDoePhone;
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        await using (var gateway = await GatewayServer.StartOnDatabaseAsync(database, "--Sandbox:Enabled=true", "--Sandbox:Warmup=false", "--Pipeline:Enabled=false"))
        {
            (await gateway.EnrichAsync<JsonElement>($$"""{"phone":"{{Phone}}"}""")).GetProperty("source").GetString().ShouldNotBe("none");
            using var staged = await gateway.Client.PostAsync(
                "/v1/staging", Json($$"""[{"source":"none","phone":"+1 (415) 222-0123"},{"source":"none","email":"{{PlusEmail}}"}]"""));
            staged.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            using var job = await gateway.Client.PostAsync("/v1/jobs", Json($$"""[{"id":"p","phone":"{{Phone}}"},{"id":"e","email":"{{PlusEmail}}"}]"""));
            job.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var jobId = (await job.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
            await Eventually.TrueAsync(
                async () => (await gateway.Client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}")).GetProperty("status").GetString() == "completed",
                "the job to complete");
            var letter = JsonSerializer.Serialize(new Dictionary<string, string> { ["ani"] = Phone, ["email"] = PlusEmail });
            await gateway.Services.GetRequiredService<Tributary.Storage.IDeadLetterStore>().AddAsync(
                new Tributary.Storage.NewDeadLetter("genesys", "genesys", "conv-1", letter, "failed", 5, DateTimeOffset.UtcNow), CancellationToken.None);
            await gateway.Services.GetRequiredService<Tributary.Caching.ILookupLedger>().FlushAsync(CancellationToken.None);
            FilesContain(database, "4152220123").ShouldBeTrue("the phone must be in the files before the erasure, or the scan proves nothing");
            FilesContain(database, "vip@example.com").ShouldBeTrue("the address must be in the files before the erasure");

            var (phoneStatus, byPhone) = await ForgetAsync(gateway, """{"phone":"+1 415 222 0123"}""");
            var (emailStatus, byEmail) = await ForgetAsync(gateway, $$"""{"email":"{{PlusEmail}}"}""");

            (phoneStatus, emailStatus).ShouldBe((200, 200), byPhone + " " + byEmail);
            byPhone.GetProperty("ledger").GetInt32().ShouldBeGreaterThan(0);
            (byPhone.GetProperty("staging").GetInt32(), byPhone.GetProperty("jobRecords").GetInt32(), byPhone.GetProperty("deadLetters").GetInt32()).ShouldBe((1, 1, 1));
            (byEmail.GetProperty("staging").GetInt32(), byEmail.GetProperty("jobRecords").GetInt32()).ShouldBe((1, 1));
        }

        foreach (var form in new[] { "4152220123", "vip@example.com" })
        {
            FilesContain(database, form).ShouldBeFalse($"'{form}' is still in a database file");
        }
    }

    [Theory]
    [InlineData("""{}""", "email")]
    [InlineData("""{"email":"a@b.example","phone":"+14155550100"}""", "phone")]
    [InlineData("""{"email":"not an email"}""", "email")]
    [InlineData("""{"phone":"call me"}""", "phone")]
    [InlineData("""{"email":42}""", null)]
    [InlineData("""{"email":""", null)]
    [InlineData("""{"email":"a@b.example","email":"c@d.example"}""", "body")]
    [InlineData("""{"email":"a@b.example","Email":"c@d.example"}""", "body")]
    public async Task Forget_WithBadInput_Is400NamingTheField(string body, string? field)
    {
        await using var gateway = await GatewayServer.StartAsync("--Sandbox:Enabled=false");

        var (status, problem) = await ForgetAsync(gateway, body);

        status.ShouldBe(400, problem.ToString());
        if (field is not null)
        {
            problem.GetProperty("field").GetString().ShouldBe(field);
        }
    }

    [Fact]
    public async Task Forget_AnUnknownSubject_AnswersAnEmptyReceipt_AndTwiceIsHarmless()
    {
        await using var gateway = await GatewayServer.StartAsync("--Sandbox:Enabled=false");

        var (first, receipt) = await ForgetAsync(gateway, """{"phone":"+1 (212) 555-0199"}""");
        var (second, _) = await ForgetAsync(gateway, """{"phone":"+12125550199"}""");

        (first, second).ShouldBe((200, 200));
        receipt.GetProperty("ledger").GetInt32().ShouldBe(0);
        receipt.GetProperty("profiles").GetInt32().ShouldBe(0);
    }

    /// <summary>Puts the subject in the ledger, the identity graph, a job, staging and a pending outcome; returns the profile id.</summary>
    internal static async Task<string> SpreadTheSubjectAsync(GatewayServer gateway)
    {
        (await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{Email}}"}""")).GetProperty("name").GetString().ShouldBe("Jane Doe");

        // The answer links Jane in the background (Identity:LinkOnEnrich); waited for, so the links counted are known.
        await Eventually.TrueAsync(async () => await MatchAsync(gateway) == "deterministic", "the answer to be linked");
        using var identified = await gateway.Client.PostAsync(
            "/v1/identity/identify", Json($$$"""{"userId":"CUST-ERASE-1","traits":{"email":"{{{Email}}}","phone":"{{{SampleIdentifiers.JaneDoePhone}}}","name":"Jane Doe"}}"""));
        var profileId = (await identified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profileId").GetString()!;
        using var job = await gateway.Client.PostAsync("/v1/jobs", Json($$"""[{"id":"row-1","email":"{{Email}}"}]"""));
        job.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        using var outcome = await gateway.Client.PostAsync(
            $"/v1/interactions/conv-erase-1/outcome", Json($$"""{"profileId":"{{profileId}}","disposition":"resolved","durationSeconds":60,"agentId":"a-1"}"""));
        outcome.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var jobId = (await job.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        await Eventually.TrueAsync(
            async () => (await gateway.Client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{jobId}")).GetProperty("status").GetString() == "completed",
            "the job to complete");
        return profileId;
    }

    private static async Task<string?> MatchAsync(GatewayServer gateway)
    {
        using var response = await gateway.Client.PostAsync("/v1/identity/resolve", Json($$"""{"email":"{{Email}}"}"""));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("match").GetString();
    }

    internal static async Task<(int Status, JsonElement Body)> ForgetAsync(GatewayServer gateway, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/v1/subjects") { Content = Json(body) };
        using var response = await gateway.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Whether any file of the database (the file, its write-ahead log, its shared memory) holds the text.</summary>
    internal static bool FilesContain(string database, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return new[] { database, database + "-wal", database + "-shm", database + "-journal" }
            .Where(File.Exists)
            .Any(path => ReadShared(path).AsSpan().IndexOf(needle) >= 0);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
