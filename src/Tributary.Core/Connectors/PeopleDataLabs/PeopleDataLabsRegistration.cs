using Tributary.Providers;

namespace Tributary.Connectors.PeopleDataLabs;

public static class PeopleDataLabsRegistration
{
    /// <summary>Adds the People Data Labs connector, configured from <c>Providers:PeopleDataLabs</c>.</summary>
    public static TributaryBuilder AddPeopleDataLabs(this TributaryBuilder builder) =>
        builder.AddProvider<PeopleDataLabsConnector, PeopleDataLabsOptions>(
            PeopleDataLabsConnector.ProviderName, "PeopleDataLabs", PeopleDataLabsRateLimits.Read, limits: PeopleDataLabsRateLimits.Defaults)
            .WithSandbox(PeopleDataLabsSandbox.Wiring);
}
