namespace Tributary.Host.Genesys;

/// <summary>
/// Genesys Cloud regions and their hosts, as the platform SDKs list them (reference §1.2). The API host is
/// <c>api.&lt;host&gt;</c> and the login host <c>login.&lt;host&gt;</c>.
/// </summary>
internal static class GenesysRegions
{
    /// <summary>Region name (as the SDKs spell it) → the host both URLs are built on.</summary>
    public static IReadOnlyDictionary<string, string> Hosts { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["us_east_1"] = "mypurecloud.com",
        ["eu_west_1"] = "mypurecloud.ie",
        ["ap_southeast_2"] = "mypurecloud.com.au",
        ["ap_northeast_1"] = "mypurecloud.jp",
        ["eu_central_1"] = "mypurecloud.de",
        ["us_west_2"] = "usw2.pure.cloud",
        ["ca_central_1"] = "cac1.pure.cloud",
        ["ap_northeast_2"] = "apne2.pure.cloud",
        ["eu_west_2"] = "euw2.pure.cloud",
        ["ap_south_1"] = "aps1.pure.cloud",
        ["us_east_2"] = "use2.us-gov-pure.cloud",
        ["sa_east_1"] = "sae1.pure.cloud",
        ["me_central_1"] = "mec1.pure.cloud",
        ["ap_northeast_3"] = "apne3.pure.cloud",
        ["eu_central_2"] = "euc2.pure.cloud",
        ["mx_central_1"] = "mxc1.pure.cloud",
        ["ap_southeast_1"] = "apse1.pure.cloud",
    };

    /// <summary>
    /// The host of <paramref name="region"/>: a region name (<c>us_east_1</c>, also written <c>us-east-1</c>), or a host
    /// as it is (<c>mypurecloud.com</c>, with or without a leading <c>api.</c> or <c>login.</c>). Null when it is neither.
    /// </summary>
    public static string? HostOf(string? region)
    {
        var name = region?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (Hosts.TryGetValue(name.Replace('-', '_'), out var host))
        {
            return host;
        }

        if (!name.Contains('.', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["api.", "login."])
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return name[prefix.Length..].ToLowerInvariant();
            }
        }

        return name.ToLowerInvariant();
    }
}
