namespace Tributary.Host.Gateway;

/// <summary>One address the server is told to listen on, and the setting that says so.</summary>
internal sealed record ListenAddress(string Url, string Setting);

/// <summary>
/// Every setting that makes Kestrel listen somewhere, read before it does: the <c>--urls</c> option, the <c>urls</c>
/// setting (<c>ASPNETCORE_URLS</c>, <c>URLS</c>) and <c>Kestrel:Endpoints:&lt;name&gt;:Url</c>. With none of them, the
/// default, given to Kestrel as its URL so that it also overrides the port settings (<c>ASPNETCORE_HTTP_PORTS</c>):
/// .NET's container images set those to 8080 on every interface, which is not a choice the user made.
/// </summary>
internal sealed class ListenAddresses
{
    private const string UrlsSetting = "urls (ASPNETCORE_URLS or URLS)";

    private ListenAddresses(string? urls, IReadOnlyList<ListenAddress> all)
    {
        Urls = urls;
        All = all;
    }

    /// <summary>What to give the host as its URLs; null leaves it to Kestrel's endpoints.</summary>
    public string? Urls { get; }

    /// <summary>Every address some setting asks for, even one another setting overrides: each must pass the guard.</summary>
    public IReadOnlyList<ListenAddress> All { get; }

    public static ListenAddresses Resolve(IConfiguration configuration, string? urlsOption, string defaultUrl)
    {
        var all = new List<ListenAddress>();
        var configured = configuration["urls"];
        AddUrls(all, urlsOption, "--urls");
        AddUrls(all, configured, UrlsSetting);
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                all.Add(new ListenAddress(url, $"Kestrel:Endpoints:{endpoint.Key}:Url"));
            }
        }

        return all.Count == 0
            ? new ListenAddresses(defaultUrl, [new ListenAddress(defaultUrl, "the default")])
            : new ListenAddresses(urlsOption ?? configured, all);
    }

    private static void AddUrls(List<ListenAddress> all, string? urls, string setting)
    {
        foreach (var url in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            all.Add(new ListenAddress(url, setting));
        }
    }
}
