namespace Tributary.Host.Gateway;

/// <summary>One address the server is told to listen on, and the setting that says so.</summary>
internal sealed record ListenAddress(string Url, string Setting);

/// <summary>
/// Every setting that makes Kestrel listen somewhere, read before it does: the <c>--urls</c> option, the <c>urls</c>
/// setting (<c>ASPNETCORE_URLS</c>, <c>URLS</c>), the port settings (<c>ASPNETCORE_HTTP_PORTS</c>, <c>HTTP_PORTS</c>,
/// which bind every interface) and <c>Kestrel:Endpoints:&lt;name&gt;:Url</c>. With none of them, the default.
/// </summary>
internal sealed class ListenAddresses
{
    private const string UrlsSetting = "urls (ASPNETCORE_URLS or URLS)";
    private const string HttpPortsSetting = "HTTP_PORTS (ASPNETCORE_HTTP_PORTS or HTTP_PORTS)";
    private const string HttpsPortsSetting = "HTTPS_PORTS (ASPNETCORE_HTTPS_PORTS or HTTPS_PORTS)";

    private ListenAddresses(string? urls, IReadOnlyList<ListenAddress> all)
    {
        Urls = urls;
        All = all;
    }

    /// <summary>What to give the host as its URLs; null leaves it to Kestrel's endpoints or the port settings.</summary>
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

        var urls = urlsOption ?? configured;
        if (urls is null)
        {
            // Without URLs, Kestrel's own port settings apply, on every interface.
            AddPorts(all, configuration["http_ports"], "http", HttpPortsSetting);
            AddPorts(all, configuration["https_ports"], "https", HttpsPortsSetting);
        }

        return all.Count == 0
            ? new ListenAddresses(defaultUrl, [new ListenAddress(defaultUrl, "the default")])
            : new ListenAddresses(urls, all);
    }

    private static void AddUrls(List<ListenAddress> all, string? urls, string setting)
    {
        foreach (var url in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            all.Add(new ListenAddress(url, setting));
        }
    }

    private static void AddPorts(List<ListenAddress> all, string? ports, string scheme, string setting)
    {
        foreach (var port in (ports ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            all.Add(new ListenAddress($"{scheme}://*:{port}", setting));
        }
    }
}
