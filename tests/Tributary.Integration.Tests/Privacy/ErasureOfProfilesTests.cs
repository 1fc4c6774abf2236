using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Storage;

namespace Tributary.IntegrationTests.Privacy;

/// <summary>
/// What erasure does to the identity graph beyond the subject's own links, through the real gateway on a real SQLite
/// file: trait values that name the subject, profiles it leaves with no identifier, and cached profiles it changed.
/// The same scenarios run on PostgreSQL in <see cref="PostgresErasureOfProfilesTests"/>.
/// </summary>
public sealed class ErasureOfProfilesTests
{
    internal const string TraitEmail = "trait.bb@example.com";
    internal const string TraitPhone = "+14152227777";

    [Fact]
    public async Task Forget_RemovesTraitValuesHoldingTheSubject_AndTheValueIsInNoDatabaseFile()
    {
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        await using (var gateway = await GatewayServer.StartOnDatabaseAsync(database, "--Sandbox:Enabled=false"))
        {
            var profiles = await IdentifyTraitHoldersAsync(gateway);
            ErasureTests.FilesContain(database, "trait.bb").ShouldBeTrue("the email must be in the files before the erasure, or the scan proves nothing");
            ErasureTests.FilesContain(database, "4152227777").ShouldBeTrue("the phone must be in the files before the erasure");

            await ForgetTraitHoldersAsync(gateway, profiles);
        }

        foreach (var form in new[] { "trait.bb", "4152227777", "222-7777" })
        {
            ErasureTests.FilesContain(database, form).ShouldBeFalse($"'{form}' is still in a database file");
        }
    }

    [Fact]
    public async Task Forget_APhone_DeletesAProfileItLeavesWithNoIdentifier_WithItsNameAndCompanyLink()
    {
        await using var gateway = await GatewayServer.StartAsync("--Sandbox:Enabled=false");

        await ForgetAPhoneOnlySubjectAsync(gateway);
    }

    [Fact]
    public async Task Forget_APhone_ACachedProfileItChanged_IsBuiltAgainAtOnce_HereAndInAnotherProcess()
    {
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        await using var gateway = await GatewayServer.StartOnDatabaseAsync(database, "--Sandbox:Enabled=false");

        await ForgetAPhoneOfACachedProfileAsync(gateway, async phone =>
        {
            await using var forget = await TributaryProcess.RunAsync(
                ["forget", "--phone", phone, "--json", "--Sandbox:Enabled=false", $"--Storage:ConnectionString=Data Source={database}"]);
            forget.ExitCode.ShouldBe(0, forget.Output);
        });
    }

    /// <summary>Two customers whose traits name the subjects (an email, a phone in a note); returns their profile ids.</summary>
    internal static async Task<(string ByEmail, string ByPhone)> IdentifyTraitHoldersAsync(GatewayServer gateway)
    {
        var byEmail = await IdentifyAsync(gateway, $$$"""{"userId":"CUST-TR","traits":{"contactEmail":"{{{TraitEmail}}}","tier":"gold"}}""");
        var byPhone = await IdentifyAsync(gateway, $$$"""{"userId":"CUST-TR2","traits":{"note":"alt phone {{{TraitPhone}}}","backup":{"phones":["(415) 222-7777"]},"tier":"silver"}}""");
        return (byEmail, byPhone);
    }

    /// <summary>Erases both subjects and checks that their trait values are gone, and the customers' other traits stay.</summary>
    internal static async Task ForgetTraitHoldersAsync(GatewayServer gateway, (string ByEmail, string ByPhone) profiles)
    {
        var (emailStatus, byEmail) = await ErasureTests.ForgetAsync(gateway, """{"email":"Trait.BB@Example.com"}""");
        var (phoneStatus, byPhone) = await ErasureTests.ForgetAsync(gateway, $$"""{"phone":"{{TraitPhone}}"}""");

        (emailStatus, phoneStatus).ShouldBe((200, 200), byEmail + " " + byPhone);
        (byEmail.GetProperty("traits").GetInt32(), byEmail.GetProperty("profiles").GetInt32()).ShouldBe((1, 0), "the customer keeps its user id and tier");
        (byPhone.GetProperty("traits").GetInt32(), byPhone.GetProperty("profiles").GetInt32()).ShouldBe((2, 0), "the note and the typed phone went");
        var (_, again) = await ErasureTests.ForgetAsync(gateway, $$"""{"phone":"{{TraitPhone}}"}""");
        again.GetProperty("traits").GetInt32().ShouldBe(0);

        var first = await gateway.Client.GetStringAsync($"/v1/profiles/{profiles.ByEmail}");
        first.ShouldNotContain("trait.bb");
        first.ShouldContain("gold");
        var summary = await ResolveAsync(gateway, """{"userId":"CUST-TR2"}""");
        summary.GetProperty("profileId").GetString().ShouldBe(profiles.ByPhone);
        var traits = summary.GetProperty("summary");
        traits.TryGetProperty("note", out _).ShouldBeFalse(traits.ToString());
        traits.TryGetProperty("backup", out _).ShouldBeFalse(traits.ToString());
        traits.GetProperty("tier").GetString().ShouldBe("silver");
    }

    /// <summary>
    /// A caller known only by a phone, with a name and company: erasing the phone leaves the profile nothing that
    /// identifies anyone, so it goes, and its name + company no longer resolve.
    /// </summary>
    internal static async Task ForgetAPhoneOnlySubjectAsync(GatewayServer gateway)
    {
        var profileId = await IdentifyAsync(gateway, """{"traits":{"phone":"+1 415 222 7333","name":"Carol Bbtest","company":"Kappa"}}""");
        (await ResolveAsync(gateway, """{"name":"Carol Bbtest","company":"Kappa"}""")).GetProperty("profileId").GetString().ShouldBe(profileId);

        var (status, receipt) = await ErasureTests.ForgetAsync(gateway, """{"phone":"+1 (415) 222-7333"}""");

        status.ShouldBe(200, receipt.ToString());
        (receipt.GetProperty("profiles").GetInt32(), receipt.GetProperty("identityLinks").GetInt32()).ShouldBe((1, 2), "the profile, its phone and its name + company link");
        using var profile = await gateway.Client.GetAsync($"/v1/profiles/{profileId}");
        ((int)profile.StatusCode).ShouldBe(404, await profile.Content.ReadAsStringAsync());
        (await ResolveAsync(gateway, """{"name":"Carol Bbtest","company":"Kappa"}""")).GetProperty("match").GetString().ShouldBe("guest");
    }

    /// <summary>
    /// Two customers with a user id and a phone, each profile read (and so cached) first; one phone is erased by this
    /// gateway, the other by <paramref name="forgetElsewhere"/> (another process on the same store). Both profiles are
    /// then read without <c>refresh</c>: neither may still list its phone.
    /// </summary>
    internal static async Task ForgetAPhoneOfACachedProfileAsync(GatewayServer gateway, Func<string, Task> forgetElsewhere)
    {
        const string Here = "+14152227444";
        const string Elsewhere = "+14152227555";
        var here = await IdentifyAsync(gateway, $$$"""{"userId":"CUST-P3A","traits":{"phone":"{{{Here}}}"}}""");
        var elsewhere = await IdentifyAsync(gateway, $$$"""{"userId":"CUST-P3B","traits":{"phone":"{{{Elsewhere}}}"}}""");
        (await IdentifierTypesAsync(gateway, here)).ShouldContain("phone");
        (await IdentifierTypesAsync(gateway, elsewhere)).ShouldContain("phone");

        var (status, receipt) = await ErasureTests.ForgetAsync(gateway, $$"""{"phone":"{{Here}}"}""");
        await forgetElsewhere(Elsewhere);

        status.ShouldBe(200, receipt.ToString());
        receipt.GetProperty("profiles").GetInt32().ShouldBe(0, "the user id still identifies the customer");
        (await IdentifierTypesAsync(gateway, here)).ShouldBe(["userId"], "erased by this process");
        (await IdentifierTypesAsync(gateway, elsewhere)).ShouldBe(["userId"], "erased by another process on the same store");
    }

    private static async Task<List<string?>> IdentifierTypesAsync(GatewayServer gateway, string profileId)
    {
        var profile = await gateway.Client.GetFromJsonAsync<JsonElement>($"/v1/profiles/{profileId}");
        return [.. profile.GetProperty("identifiers").EnumerateArray().Select(i => i.GetProperty("type").GetString())];
    }

    private static async Task<string> IdentifyAsync(GatewayServer gateway, string json)
    {
        using var response = await gateway.Client.PostAsync("/v1/identity/identify", Json(json));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        ((int)response.StatusCode).ShouldBe(200, body.ToString());
        return body.GetProperty("profileId").GetString()!;
    }

    private static async Task<JsonElement> ResolveAsync(GatewayServer gateway, string json)
    {
        using var response = await gateway.Client.PostAsync("/v1/identity/resolve", Json(json));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        ((int)response.StatusCode).ShouldBe(200, body.ToString());
        return body;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

/// <summary>The scenarios of <see cref="ErasureOfProfilesTests"/> on <c>Storage:Provider=postgres</c>.</summary>
[RequiresPostgres]
public sealed class PostgresErasureOfProfilesTests(PostgresStoreBackend postgres) : IClassFixture<PostgresStoreBackend>, IAsyncLifetime
{
    public Task InitializeAsync() => postgres.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [StoreFact]
    public async Task Forget_OnPostgres_RemovesTraitValuesHoldingTheSubject_FromEveryProfileRow()
    {
        await using var gateway = await StartAsync();
        var profiles = await ErasureOfProfilesTests.IdentifyTraitHoldersAsync(gateway);
        (await ProfileRowsHoldingAsync("trait.bb")).ShouldBe(1, "the email must be in a row before the erasure, or the check proves nothing");

        await ErasureOfProfilesTests.ForgetTraitHoldersAsync(gateway, profiles);

        foreach (var form in new[] { "trait.bb", "4152227777", "222-7777" })
        {
            (await ProfileRowsHoldingAsync(form)).ShouldBe(0, $"'{form}' is still in identity_profiles");
        }
    }

    [StoreFact]
    public async Task Forget_OnPostgres_APhone_DeletesAProfileItLeavesWithNoIdentifier()
    {
        await using var gateway = await StartAsync();

        await ErasureOfProfilesTests.ForgetAPhoneOnlySubjectAsync(gateway);
    }

    [StoreFact]
    public async Task Forget_OnPostgres_APhone_ACachedProfileItChanged_IsBuiltAgainAtOnce_HereAndInAnotherGateway()
    {
        await using var gateway = await StartAsync();
        await using var other = await StartAsync();

        await ErasureOfProfilesTests.ForgetAPhoneOfACachedProfileAsync(gateway, async phone =>
        {
            var (status, receipt) = await ErasureTests.ForgetAsync(other, $$"""{"phone":"{{phone}}"}""");
            status.ShouldBe(200, receipt.ToString());
        });
    }

    private Task<GatewayServer> StartAsync() =>
        GatewayServer.StartAsync("--Sandbox:Enabled=false", "--Storage:Provider=postgres", $"--Storage:ConnectionString={postgres.ConnectionString}");

    private async Task<long> ProfileRowsHoldingAsync(string text)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM identity_profiles WHERE position(@text in traits::text) > 0", connection);
        command.Parameters.AddWithValue("text", text);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
