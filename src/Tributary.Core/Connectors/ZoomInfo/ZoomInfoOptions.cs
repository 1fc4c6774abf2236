using Tributary.Providers;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>Bound from <c>Providers:ZoomInfo</c>. Username + password, or ClientId + PrivateKey + Username (PKI).</summary>
public sealed class ZoomInfoOptions : ProviderOptions
{
    /// <summary>
    /// Contact fields Tributary maps that every Enterprise API account may request: ZoomInfo's documented contact
    /// outputs, without the <c>mobilePhone</c> add-on (asking for a field the account lacks fails the whole call).
    /// </summary>
    internal static readonly string[] DefaultOutputFields =
    [
        "id", "firstName", "lastName", "email", "phone", "jobTitle", "managementLevel", "jobFunction",
        "city", "state", "country", "contactAccuracyScore", "externalUrls", "companyId", "companyName", "companyWebsite",
        "companyEmployeeCount", "companyRevenueRange", "companyPrimaryIndustry",
    ];

    /// <summary>Company fields Tributary maps, all among ZoomInfo's documented company outputs.</summary>
    internal static readonly string[] DefaultCompanyOutputFields =
    [
        "id", "name", "website", "domainList", "employeeCount", "revenue", "revenueRange", "primaryIndustry", "industries",
        "phone", "city", "country", "socialMediaUrls", "foundedYear",
    ];

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Client id for PKI authentication (with <see cref="PrivateKey"/> and <see cref="Username"/>).</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// PEM-encoded RSA private key from the ZoomInfo admin portal (PKCS#1 or PKCS#8); <c>\n</c> written out in an
    /// environment variable counts as a line break.
    /// </summary>
    public string? PrivateKey { get; set; }

    /// <summary>
    /// Renew the JWT this long before it expires. ZoomInfo tokens live 60 minutes and its docs advise renewing at 55.
    /// Default 5 minutes.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The <c>outputFields</c> of every <c>/enrich/contact</c> call. ZoomInfo answers 400/403 to a call naming any
    /// field the account is not entitled to, so list only fields the account has (see ZoomInfo's
    /// <c>/lookup/outputfields/contact/enrich</c>). A list, or one comma-separated value. Default: id, firstName,
    /// lastName, email, phone, jobTitle, managementLevel, jobFunction, city, state, country, contactAccuracyScore,
    /// externalUrls, companyId, companyName, companyWebsite, companyEmployeeCount, companyRevenueRange,
    /// companyPrimaryIndustry: the documented contact outputs Tributary maps, without the <c>mobilePhone</c> add-on
    /// (add it when the account has it; it fills <c>phone</c> when the direct line is unknown).
    /// </summary>
    public string[]? OutputFields { get; set; }

    /// <summary>
    /// The <c>outputFields</c> of every <c>/enrich/company</c> call; a list, or one comma-separated value. Default: id,
    /// name, website, domainList, employeeCount, revenue, revenueRange, primaryIndustry, industries, phone, city,
    /// country, socialMediaUrls, foundedYear.
    /// </summary>
    public string[]? CompanyOutputFields { get; set; }

    internal string ApiBaseUrl => (BaseUrl ?? "https://api.zoominfo.com").TrimEnd('/');

    internal bool UsesKeyPair => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(PrivateKey);

    /// <summary>The contact fields to request: the configured ones, else the defaults.</summary>
    internal IReadOnlyList<string> ContactFields => FieldList(OutputFields) ?? DefaultOutputFields;

    /// <summary>The company fields to request: the configured ones, else the defaults.</summary>
    internal IReadOnlyList<string> CompanyFields => FieldList(CompanyOutputFields) ?? DefaultCompanyOutputFields;

    /// <summary>The PEM as configured, with escaped line breaks restored.</summary>
    internal string? PrivateKeyPem => PrivateKey?.Replace("\\n", "\n", StringComparison.Ordinal);

    public override bool HasCredentials =>
        (!string.IsNullOrWhiteSpace(Username) && !string.IsNullOrWhiteSpace(Password)) || UsesKeyPair;

    /// <summary>Configured names, each entry split at commas and trimmed; null when none is configured.</summary>
    internal static string[]? FieldList(IEnumerable<string?>? configured)
    {
        var fields = configured?
            .SelectMany(entry => (entry ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return fields is { Length: > 0 } ? fields : null;
    }
}
