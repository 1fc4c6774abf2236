using System.Globalization;

namespace Tributary.Simulators.HubSpot;

/// <summary>
/// The portal's contacts, thread-safe: one lock around every read and write, so a batch is applied and answered as
/// one consistent step. Knows the contact property schema: writing a property outside it is a validation error, as
/// is writing one HubSpot computes itself.
/// </summary>
internal sealed class HubSpotContactStore(TimeProvider time)
{
    /// <summary>Properties a batch update may write (HubSpot's default contact properties the simulator models).</summary>
    public static readonly IReadOnlySet<string> WritableProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "email", "firstname", "lastname", "phone", "mobilephone", "company", "website", "jobtitle", "industry",
        "numberofemployees", "annualrevenue", "city", "state", "zip", "country", "address", "lifecyclestage", "hs_lead_status",
    };

    /// <summary>Properties HubSpot sets itself: readable, never writable.</summary>
    public static readonly IReadOnlySet<string> ReadOnlyProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "hs_object_id", "createdate", "lastmodifieddate", "hs_lastmodifieddate",
    };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, HubSpotContact> _contacts = new(StringComparer.Ordinal);
    private readonly List<HubSpotBatchWrite> _writes = [];
    private long _nextId = 1001;

    public TimeProvider Time { get; } = time;

    public IReadOnlyList<HubSpotBatchWrite> Writes
    {
        get
        {
            lock (_lock)
            {
                return [.. _writes];
            }
        }
    }

    public static bool IsKnown(string property) => WritableProperties.Contains(property) || ReadOnlyProperties.Contains(property);

    /// <summary>Runs <paramref name="action"/> under the store's lock, for reads and writes that must see one state.</summary>
    public T Locked<T>(Func<IReadOnlyDictionary<string, HubSpotContact>, T> action)
    {
        lock (_lock)
        {
            return action(_contacts);
        }
    }

    /// <summary>Adds (or replaces) a contact; each property names who set it and when.</summary>
    public void Add(string id, DateTimeOffset createdAt, IEnumerable<(string Property, string Value, string SourceType, DateTimeOffset At)> properties)
    {
        var contact = new HubSpotContact(id, createdAt);
        foreach (var (property, value, sourceType, at) in properties)
        {
            contact.Set(property, value, at, sourceType, SourceIdOf(sourceType));
        }

        lock (_lock)
        {
            _contacts[id] = contact;
            if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= _nextId)
            {
                _nextId = number + 1;
            }
        }
    }

    /// <summary>A fresh id above every numeric id in use.</summary>
    public string NextId()
    {
        lock (_lock)
        {
            return (_nextId++).ToString(CultureInfo.InvariantCulture);
        }
    }

    public HubSpotContactSnapshot? Get(string id)
    {
        lock (_lock)
        {
            return _contacts.TryGetValue(id, out var contact) ? contact.Snapshot() : null;
        }
    }

    public void RecordWrite(HubSpotBatchWrite write)
    {
        lock (_lock)
        {
            _writes.Add(write);
        }
    }

    public static string? SourceIdOf(string sourceType) => sourceType switch
    {
        "CRM_UI" => "userId:4242",
        "IMPORT" => "import:77",
        "INTEGRATION" => "app:1160452",
        _ => null,
    };
}
