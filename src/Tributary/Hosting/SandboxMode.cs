using Tributary.Simulators;

namespace Tributary.Host.Hosting;

/// <summary>
/// With no provider credentials configured, the built-in simulators start on loopback and the real connectors are
/// pointed at them, so a fresh clone answers from the sample dataset. <c>Sandbox:Enabled=false</c> turns this off.
/// </summary>
internal static class SandboxMode
{
    private static readonly string[] CredentialKeys =
    [
        "Providers:Clearbit:ApiKey", "Providers:ZoomInfo:Username", "Providers:ZoomInfo:ClientId",
        "Providers:Apollo:ApiKey", "Providers:Hunter:ApiKey", "Providers:PeopleDataLabs:ApiKey",
    ];

    public static bool IsNeeded(IConfiguration configuration) =>
        configuration.GetValue("Sandbox:Enabled", true)
        && CredentialKeys.All(key => string.IsNullOrWhiteSpace(configuration[key]));

    /// <summary>Starts the simulators and points the providers at them, or returns null when credentials are configured.</summary>
    public static async Task<SandboxSimulators?> StartIfNeededAsync(IConfigurationManager configuration, CancellationToken cancellationToken)
    {
        if (!IsNeeded(configuration))
        {
            return null;
        }

        var options = new SimulatorOptions();
        var simulators = await SandboxSimulators.StartAsync(options, cancellationToken);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:Clearbit:ApiKey"] = options.ClearbitApiKey,
            ["Providers:Clearbit:BaseUrl"] = simulators.Clearbit.BaseUrl,
            ["Providers:ZoomInfo:Username"] = options.ZoomInfoUsername,
            ["Providers:ZoomInfo:Password"] = options.ZoomInfoPassword,
            ["Providers:ZoomInfo:BaseUrl"] = simulators.ZoomInfo.BaseUrl,

            // The simulators listen at the root; the connectors' base URLs include each API's version path.
            ["Providers:Apollo:ApiKey"] = options.ApolloApiKey,
            ["Providers:Apollo:BaseUrl"] = simulators.Apollo.BaseUrl + "/api/v1",
            ["Providers:Hunter:ApiKey"] = options.HunterApiKey,
            ["Providers:Hunter:BaseUrl"] = simulators.Hunter.BaseUrl + "/v2",
            ["Providers:PeopleDataLabs:ApiKey"] = options.PeopleDataLabsApiKey,
            ["Providers:PeopleDataLabs:BaseUrl"] = simulators.PeopleDataLabs.BaseUrl + "/v5",
        });
        return simulators;
    }

    public static string Describe(SandboxSimulators simulators) =>
        $"clearbit {simulators.Clearbit.BaseUrl}, zoominfo {simulators.ZoomInfo.BaseUrl}, apollo {simulators.Apollo.BaseUrl}, "
        + $"hunter {simulators.Hunter.BaseUrl}, peopledatalabs {simulators.PeopleDataLabs.BaseUrl}";
}
