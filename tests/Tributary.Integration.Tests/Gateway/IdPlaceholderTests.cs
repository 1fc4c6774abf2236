using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tributary.IntegrationTests.Connectors;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Gateway;

/// <summary>
/// A customer system looked up by <c>{id}</c> (the email, else the phone): each subject is its own lookup, cached
/// under its own key, so one caller's record never answers for another.
/// </summary>
public sealed class IdPlaceholderTests : IAsyncLifetime
{
    private const string AdaEmail = "ada@customers.example";
    private const string BobEmail = "bob@customers.example";
    private const string CarlPhone = "+14155550123";

    private StubApi _crm = null!;
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync()
    {
        _crm = await StubApi.StartAsync(MapCrm);
        _gateway = await GatewayServer.StartAsync(
            "--Sandbox:Enabled=true",
            $"--Providers:Http:Crm:BaseUrl={_crm.BaseUrl}",
            "--Providers:Http:Crm:PathTemplate=/customers/{id}",
            "--Providers:Http:Crm:Mapping:name=name");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _crm.DisposeAsync();
    }

    private static void MapCrm(WebApplication app) =>
        app.MapGet("/customers/{id}", (string id) => id switch
        {
            AdaEmail => Results.Text("""{"name":"Ada Lovelace"}""", "application/json"),
            BobEmail => Results.Text("""{"name":"Bob Marley"}""", "application/json"),
            CarlPhone => Results.Text("""{"name":"Carl Sagan"}""", "application/json"),
            _ => Results.NotFound(),
        });

    [Fact]
    public async Task Enrich_ThroughAnIdPlaceholder_AnswersEachSubjectWithItsOwnRecord()
    {
        var ada = await _gateway.EnrichAsync<JsonElement>($$"""{"email":"{{AdaEmail}}"}""");
        var bob = await _gateway.EnrichAsync<JsonElement>($$"""{"email":"{{BobEmail}}"}""");
        var carl = await _gateway.EnrichAsync<JsonElement>($$"""{"phone":"{{CarlPhone}}"}""");
        var unknown = await _gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.UnknownEmail}}"}""");
        var adaAgain = await _gateway.EnrichAsync<JsonElement>($$"""{"email":"{{AdaEmail}}"}""");

        ada.GetProperty("name").GetString().ShouldBe("Ada Lovelace");
        bob.GetProperty("name").GetString().ShouldBe("Bob Marley", "Bob's record, not Ada's cached one");
        carl.GetProperty("name").GetString().ShouldBe("Carl Sagan", "a caller without an email is looked up by the phone");
        unknown.GetProperty("name").GetString().ShouldBe(string.Empty);
        adaAgain.GetProperty("name").GetString().ShouldBe("Ada Lovelace");
        adaAgain.GetProperty("providers").GetString()!.ShouldContain("crm:cached");
    }
}
