using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.HubSpot;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators;

/// <summary>
/// HubSpot CRM v3 contacts: <c>POST /crm/v3/objects/contacts/batch/read</c> (with <c>propertiesWithHistory</c>) and
/// <c>/batch/update</c>, at most 100 inputs, behind <c>Authorization: Bearer</c> <see cref="AccessToken"/>. Contacts
/// are kept in memory and change with every update; the portal starts with <see cref="SeededContacts"/> contacts
/// (ids 1001 upwards, Jane Doe first) made from sample people the providers know. Every answer carries
/// <c>X-HubSpot-RateLimit-*</c> headers (190 per 10 s, 1,000,000 a day). HubSpot's own faults:
/// <see cref="SimulatorFaults.TenSecondlyLimit"/>, <see cref="SimulatorFaults.DailyLimitReached"/>,
/// <see cref="SimulatorFaults.FailIds"/>, <see cref="SimulatorFaults.ReadErrorIds"/>, <see cref="SimulatorFaults.ReadOmitIds"/>,
/// <see cref="SimulatorFaults.UpdateOmitIds"/> and <see cref="SimulatorFaults.TokenRevoked"/>.
/// </summary>
public sealed class HubSpotSimulator : ProviderSimulator
{
    /// <summary>Contacts the portal starts with, ids 1001 to 1200.</summary>
    public const int SeededContacts = 200;

    /// <summary>The first seeded contact: Jane Doe, every field set by an integration.</summary>
    public const string JaneDoeContactId = "1001";

    private readonly Lazy<HubSpotContactStore> _store;

    /// <summary>Creates a HubSpot simulator; <paramref name="port"/> 0 picks a free port when started.</summary>
    public HubSpotSimulator(SimulatorOptions? options = null, int port = 0)
        : this(options, null, port)
    {
    }

    internal HubSpotSimulator(SimulatorOptions? options, Task<SampleDataset>? dataset, int port)
        : base("hubspot", options, dataset, port)
    {
        _store = new Lazy<HubSpotContactStore>(() => HubSpotSeed.Create(Dataset, TimeProvider));
        Window = new HubSpotRollingWindow(TimeProvider);
        Conventions = new HubSpotConventions(this);
    }

    /// <summary>The private-app token the simulator accepts.</summary>
    public string AccessToken => Options.HubSpotAccessToken;

    public override IReadOnlyDictionary<string, string> Credentials => new Dictionary<string, string> { ["accessToken"] = AccessToken };

    /// <summary>Every batch update received, in order of arrival (accepted or not). Available once started.</summary>
    public IReadOnlyList<HubSpotBatchWrite> Writes => Store.Writes;

    internal HubSpotContactStore Store => _store.Value;

    internal HubSpotRollingWindow Window { get; }

    private protected override IProviderConventions Conventions { get; }

    /// <summary>
    /// Adds a contact (or replaces the one with that id) once the simulator has started. Properties are set by an
    /// integration (<c>INTEGRATION</c>), except those in <paramref name="personSetProperties"/>, typed in HubSpot by a
    /// person (<c>CRM_UI</c>).
    /// </summary>
    public void AddContact(string id, IReadOnlyDictionary<string, string> properties, IReadOnlyCollection<string>? personSetProperties = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(properties);
        var now = TimeProvider.GetUtcNow();
        var unknown = properties.Keys.FirstOrDefault(static p => !HubSpotContactStore.WritableProperties.Contains(p));
        if (unknown is not null)
        {
            throw new ArgumentException($"'{unknown}' is not a contact property the simulator models.", nameof(properties));
        }

        Store.Add(id, now, properties.Select(p =>
            (p.Key, p.Value, personSetProperties?.Contains(p.Key) == true ? "CRM_UI" : "INTEGRATION", now)));
    }

    /// <summary>The contact's current properties and their history, or null when there is no such contact.</summary>
    public HubSpotContactSnapshot? GetContact(string id) => Store.Get(id);

    /// <summary>
    /// Adds <paramref name="count"/> contacts (for benchmarks), cycling through the sample people the providers know;
    /// returns their ids. Full contacts, or with <paramref name="blank"/> only an email and a name: what write-back fills.
    /// </summary>
    public IReadOnlyList<string> CreateContacts(int count, bool blank = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var people = Dataset.People.Where(Known).ToList();
        var now = TimeProvider.GetUtcNow();
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var id = Store.NextId();
            Store.Add(id, now, blank ? HubSpotSeed.Blank(people[i % people.Count], now) : HubSpotSeed.Full(people[i % people.Count], now));
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Whether a sample person is in the seeded portal's pool: Clearbit knows them, so enrichment finds them.</summary>
    internal static bool Known(SamplePerson person) => ClearbitSimulator.Coverage.Knows(person);

    private protected override void MapEndpoints(IEndpointRouteBuilder endpoints) => new HubSpotEndpoints(this).Map(endpoints);
}
