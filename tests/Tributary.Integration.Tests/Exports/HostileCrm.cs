using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tributary.IntegrationTests.Connectors;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Exports;

/// <summary>
/// A gateway in sandbox mode plus an in-house CRM (a configured REST provider with custom fields) that answers Jane
/// Doe with hostile values: a 60 KB string of two-byte characters, 20,000 emoji, quotes and control characters.
/// Shared by the export and size-cap tests.
/// </summary>
public sealed class HostileCrm : IAsyncLifetime
{
    public static readonly string HugeTier = new string('é', 30_000) + "\"\\\u0001";
    public static readonly string EmojiNote = string.Concat(Enumerable.Repeat("😀", 20_000));

    private StubApi _crm = null!;

    internal GatewayServer Gateway { get; private set; } = null!;

    /// <summary>The settings that configure the CRM, for an export run with the same configuration.</summary>
    public string[] Settings { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _crm = await StubApi.StartAsync(app => app.MapGet("/customers/{email}", (string email) =>
            email == SampleIdentifiers.JaneDoeEmail
                ? Results.Json(new { data = new { tier = HugeTier, note = EmojiNote, id = "CRM-1", value = 4200 } })
                : Results.NotFound()));
        Settings =
        [
            "--Sandbox:Enabled=true", // a real CRM, tried against the simulated providers
            $"--Providers:Http:Crm:BaseUrl={_crm.BaseUrl}",
            "--Providers:Http:Crm:PathTemplate=/customers/{email}",
            "--Providers:Http:Crm:Mapping:loyaltyTier=data.tier",
            "--Providers:Http:Crm:Mapping:crmNote=data.note",
            "--Providers:Http:Crm:Mapping:crmAccountId=data.id",
            "--Providers:Http:Crm:Mapping:lifetimeValue=data.value",
        ];
        Gateway = await GatewayServer.StartAsync(Settings);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _crm.DisposeAsync();
    }
}
