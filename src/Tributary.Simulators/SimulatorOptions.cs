using Microsoft.Extensions.Logging;

namespace Tributary.Simulators;

/// <summary>Credentials the simulators accept and the knobs that are not faults.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Clearbit secret key, sent as the Basic user name or a Bearer token. Default "sk_sandbox_clearbit".</summary>
    public string ClearbitApiKey { get; set; } = "sk_sandbox_clearbit";

    /// <summary>
    /// The <c>API-Version</c> Clearbit answers with when a request pins none. Default "2015-05-30", the version
    /// Clearbit's Ruby SDK example pins (the provider notes document the header, not a value).
    /// </summary>
    public string ClearbitApiVersion { get; set; } = "2015-05-30";

    /// <summary>ZoomInfo user name for <c>POST /authenticate</c>. Default "sandbox".</summary>
    public string ZoomInfoUsername { get; set; } = "sandbox";

    /// <summary>ZoomInfo password for <c>POST /authenticate</c>. Default "sandbox".</summary>
    public string ZoomInfoPassword { get; set; } = "sandbox";

    /// <summary>Lifetime of the JWTs ZoomInfo issues. Default 60 minutes, as the real API; shorten it in tests.</summary>
    public TimeSpan ZoomInfoJwtLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>ZoomInfo client id of the PKI login (a client JWT signed with the account's key). Default "sandbox-client".</summary>
    public string ZoomInfoClientId { get; set; } = "sandbox-client";

    /// <summary>
    /// PEM public key that verifies the PKI login's client JWTs, for <see cref="ZoomInfoClientId"/> and
    /// <see cref="ZoomInfoUsername"/>. Default none: the PKI login is refused.
    /// </summary>
    public string? ZoomInfoPublicKey { get; set; }

    /// <summary>
    /// Output fields the ZoomInfo account is entitled to (any case; <c>id</c> always): a call asking for another
    /// answers 403 ZI0003. Default null: an ordinary account, entitled to every field but the <c>mobilePhone</c> add-on.
    /// </summary>
    public IReadOnlyCollection<string>? ZoomInfoEntitledFields { get; set; }

    /// <summary>The order of ZoomInfo's enrich results. Default <see cref="ZoomInfoResultOrder.InputOrder"/>.</summary>
    public ZoomInfoResultOrder ZoomInfoResultOrder { get; set; }

    /// <summary>Salesforce connected app consumer key (<c>client_id</c>). Default "sandbox-salesforce-client".</summary>
    public string SalesforceClientId { get; set; } = "sandbox-salesforce-client";

    /// <summary>Salesforce connected app consumer secret (<c>client_secret</c>). Default "sandbox-salesforce-secret".</summary>
    public string SalesforceClientSecret { get; set; } = "sandbox-salesforce-secret";

    /// <summary>The refresh token Salesforce's refresh-token grant accepts. Default "sandbox-salesforce-refresh".</summary>
    public string SalesforceRefreshToken { get; set; } = "sandbox-salesforce-refresh";

    /// <summary>How long a Salesforce session lasts (the org's timeout; the token answer does not say). Default 2 hours; shorten it in tests.</summary>
    public TimeSpan SalesforceSessionLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The Salesforce org's daily API allowance, reported in <c>Sforce-Limit-Info</c> and enforced. Default 15,000.</summary>
    public int SalesforceDailyApiLimit { get; set; } = 15_000;

    /// <summary>Apollo key for the x-api-key header. Default "apollo_sandbox".</summary>
    public string ApolloApiKey { get; set; } = "apollo_sandbox";

    /// <summary>Hunter key (api_key query, X-API-KEY header or Bearer). Default "hunter_sandbox".</summary>
    public string HunterApiKey { get; set; } = "hunter_sandbox";

    /// <summary>Hunter credits for the month; every answer with data spends one, and at zero Hunter answers 429. Default 10,000,000.</summary>
    public long HunterMonthlyCredits { get; set; } = 10_000_000;

    /// <summary>People Data Labs key (X-Api-Key header or api_key query). Default "pdl_sandbox".</summary>
    public string PeopleDataLabsApiKey { get; set; } = "pdl_sandbox";

    /// <summary>People Data Labs credits; every match spends one, and at zero PDL answers 402. Default 10,000,000.</summary>
    public long PeopleDataLabsCredits { get; set; } = 10_000_000;

    /// <summary>HubSpot private-app token, sent as a Bearer token. Default "pat-sandbox-hubspot".</summary>
    public string HubSpotAccessToken { get; set; } = "pat-sandbox-hubspot";

    /// <summary>Genesys Cloud OAuth client id for <c>POST /oauth/token</c> (Basic auth). Default "sandbox-genesys-client".</summary>
    public string GenesysClientId { get; set; } = "sandbox-genesys-client";

    /// <summary>Genesys Cloud OAuth client secret. Default "sandbox-genesys-secret".</summary>
    public string GenesysClientSecret { get; set; } = "sandbox-genesys-secret";

    /// <summary>The <c>expires_in</c> of Genesys tokens. Default 86,399 s, as client-credentials tokens live a day; shorten it in tests.</summary>
    public TimeSpan GenesysTokenLifetime { get; set; } = TimeSpan.FromSeconds(86_399);

    /// <summary>Segment source write key (Basic user name with an empty password, or <c>writeKey</c> in the body). Default "segment_sandbox_write_key".</summary>
    public string SegmentWriteKey { get; set; } = "segment_sandbox_write_key";

    /// <summary>Segment Profile API access token (Basic user name, empty password). Default "segment_sandbox_access_token".</summary>
    public string SegmentAccessToken { get; set; } = "segment_sandbox_access_token";

    /// <summary>The Segment space whose profiles the simulator serves. Default "spa_sandbox".</summary>
    public string SegmentSpaceId { get; set; } = "spa_sandbox";

    /// <summary>Clock for rate-limit windows, token lifetimes and injected latency. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the simulators' Kestrel logs warnings and errors. Default none: the simulators are silent.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    internal SimulatorOptions Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ClearbitApiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(ClearbitApiVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(ZoomInfoUsername);
        ArgumentException.ThrowIfNullOrWhiteSpace(ZoomInfoPassword);
        ArgumentException.ThrowIfNullOrWhiteSpace(ZoomInfoClientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(SalesforceClientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(SalesforceClientSecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(SalesforceRefreshToken);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SalesforceSessionLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SalesforceDailyApiLimit);
        if (!Enum.IsDefined(ZoomInfoResultOrder))
        {
            throw new ArgumentOutOfRangeException(nameof(ZoomInfoResultOrder), ZoomInfoResultOrder, "Unknown ZoomInfo result order.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(ApolloApiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(HunterApiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(PeopleDataLabsApiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(HubSpotAccessToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(SegmentWriteKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(SegmentAccessToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(SegmentSpaceId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ZoomInfoJwtLifetime, TimeSpan.Zero);
        ArgumentException.ThrowIfNullOrWhiteSpace(GenesysClientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(GenesysClientSecret);
        ArgumentOutOfRangeException.ThrowIfLessThan(GenesysTokenLifetime, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfNegative(HunterMonthlyCredits);
        ArgumentOutOfRangeException.ThrowIfNegative(PeopleDataLabsCredits);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        return this;
    }
}
