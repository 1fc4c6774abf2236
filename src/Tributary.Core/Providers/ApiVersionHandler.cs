using Tributary.Connectors;

namespace Tributary.Providers;

/// <summary>
/// On a provider's HTTP client, closest to the wire: notes the API version of every answer (each attempt included) in
/// <see cref="ProviderApiVersions"/>.
/// </summary>
internal sealed class ApiVersionHandler(string provider, string? configured, ProviderApiVersions versions) : DelegatingHandler
{
    /// <summary>The response header that names a provider's API version (Clearbit's; others send none).</summary>
    public const string HeaderName = "API-Version";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var version = HeaderValues.First(response, HeaderName) is { Length: > 0 } sent ? sent.Trim() : configured;
        if (!string.IsNullOrWhiteSpace(version))
        {
            versions.Record(provider, version);
        }

        return response;
    }
}
