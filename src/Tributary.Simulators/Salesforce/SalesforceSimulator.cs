using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;
using Tributary.Simulators.Salesforce;

namespace Tributary.Simulators;

/// <summary>
/// A Salesforce org: the login <c>POST /services/oauth2/token</c> (refresh-token and client-credentials grants, the
/// credentials in <see cref="Credentials"/>; <c>instance_url</c> is the simulator itself) and sObject Collections
/// read and update of Contacts and Leads under <c>/services/data/v{version}/composite/sobjects</c>. Records live in
/// memory and change with every update; the org starts with <see cref="SeededContacts"/> Contacts and
/// <see cref="SeededLeads"/> Leads made from sample people. Every REST answer carries <c>Sforce-Limit-Info</c>.
/// Salesforce's own faults are in <see cref="SalesforceFaults"/>; sessions end after
/// <see cref="SimulatorOptions.SalesforceSessionLifetime"/>.
/// </summary>
public sealed class SalesforceSimulator : ProviderSimulator
{
    /// <summary>Contacts the org starts with.</summary>
    public const int SeededContacts = 100;

    /// <summary>Leads the org starts with.</summary>
    public const int SeededLeads = 50;

    private readonly Lazy<SalesforceOrg> _org;
    private readonly SalesforceApiUsage _usage;
    private int _logins;

    /// <summary>Creates a Salesforce simulator; <paramref name="port"/> 0 picks a free port when started.</summary>
    public SalesforceSimulator(SimulatorOptions? options = null, int port = 0)
        : this(options, null, port)
    {
    }

    internal SalesforceSimulator(SimulatorOptions? options, Task<SampleDataset>? dataset, int port)
        : base("salesforce", options, dataset, port)
    {
        _org = new Lazy<SalesforceOrg>(() => SalesforceSeed.Create(Dataset, TimeProvider));
        _usage = new SalesforceApiUsage(TimeProvider, Options.SalesforceDailyApiLimit);
        Conventions = new SalesforceConventions(_usage);
    }

    /// <summary>The connected app's consumer key.</summary>
    public string ClientId => Options.SalesforceClientId;

    /// <summary>The connected app's consumer secret.</summary>
    public string ClientSecret => Options.SalesforceClientSecret;

    /// <summary>The refresh token the refresh-token grant accepts.</summary>
    public string RefreshToken => Options.SalesforceRefreshToken;

    public override IReadOnlyDictionary<string, string> Credentials => new Dictionary<string, string>
    {
        ["clientId"] = ClientId,
        ["clientSecret"] = ClientSecret,
        ["refreshToken"] = RefreshToken,
    };

    /// <summary>Faults only Salesforce has: the daily limit, failing records, a revoked refresh token, expired sessions.</summary>
    public SalesforceFaults SalesforceFaults { get; } = new();

    /// <summary>Tokens issued by the login so far (refused logins excluded).</summary>
    public int LoginCount => Volatile.Read(ref _logins);

    /// <summary>Every record of every update collection received, in order of arrival, saved or not. Available once started.</summary>
    public IReadOnlyList<SalesforceWrite> Writes => Org.Writes;

    /// <summary>The 18-character ids of the seeded Contacts, Jane Doe first.</summary>
    public static IReadOnlyList<string> SeededContactIds { get; } = [.. Enumerable.Range(1, SeededContacts).Select(static n => SalesforceIds.Create("003", n))];

    /// <summary>The 18-character ids of the seeded Leads.</summary>
    public static IReadOnlyList<string> SeededLeadIds { get; } = [.. Enumerable.Range(1, SeededLeads).Select(static n => SalesforceIds.Create("00Q", n))];

    internal SalesforceOrg Org => _org.Value;

    private protected override IProviderConventions Conventions { get; }

    /// <summary>
    /// Adds a record (or replaces the one with that id) once the simulator has started; a null id takes the next free
    /// one. <paramref name="objectType"/> is <c>Contact</c> or <c>Lead</c>; fields must be ones the simulator models
    /// (e.g. <c>FirstName</c>, <c>Email</c>, <c>Title</c>). Returns the 18-character id.
    /// </summary>
    public string AddRecord(string objectType, string? id, IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var schema = SalesforceSchema.Find(objectType) ?? throw new ArgumentException($"'{objectType}' is not Contact or Lead.", nameof(objectType));
        return Org.Add(schema, id, fields);
    }

    /// <summary>The record with this id (15 or 18 characters), or null.</summary>
    public SalesforceRecordSnapshot? GetRecord(string id) => Org.Get(id);

    /// <summary>Adds <paramref name="count"/> full Contacts (for benchmarks), cycling through the sample people; returns their ids.</summary>
    public IReadOnlyList<string> CreateContacts(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var people = Dataset.People;
        return [.. Enumerable.Range(0, count).Select(i => Org.Add(SalesforceSchema.Contact, null, SalesforceSeed.Contact(people[i % people.Count])))];
    }

    internal void RecordLogin() => Interlocked.Increment(ref _logins);

    private protected override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var sessions = new SalesforceSessions(TimeProvider, Options.SalesforceSessionLifetime, SalesforceFaults);
        SalesforceControlEndpoints.Map(endpoints, SalesforceFaults);
        new SalesforceLoginEndpoint(this, sessions).Map(endpoints);
        new SalesforceEndpoints(this, sessions, _usage).Map(endpoints);
    }
}
