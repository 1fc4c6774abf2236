using System.Text.Json.Nodes;

namespace Tributary.Simulators.Genesys;

/// <summary>
/// External Contacts held in memory as the JSON they were written with, plus the members Genesys sets (<c>id</c>,
/// <c>createDate</c>, <c>modifyDate</c>, <c>selfUri</c>). Search with <c>q</c> matches a phone (by its digits), an
/// email, or a name, or text anywhere in the contact (an address, a custom field), as the real search is full-text.
/// </summary>
internal sealed class GenesysContacts(TimeProvider time)
{
    private static readonly string[] PhoneMembers = ["workPhone", "cellPhone", "homePhone", "otherPhone"];
    private static readonly string[] TextMembers = ["workEmail", "personalEmail", "otherEmail", "firstName", "lastName", "middleName"];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, JsonObject> _contacts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<GenesysContactWrite> _writes = [];
    private long _sequence;

    public IReadOnlyList<GenesysContactWrite> Writes
    {
        get
        {
            lock (_lock)
            {
                return [.. _writes];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _contacts.Count;
            }
        }
    }

    public void ClearWrites()
    {
        lock (_lock)
        {
            _writes.Clear();
        }
    }

    public void Record(GenesysContactWrite write)
    {
        lock (_lock)
        {
            _writes.Add(write);
        }
    }

    /// <summary>Stores a new contact and returns it as stored.</summary>
    public JsonObject Create(JsonObject contact)
    {
        lock (_lock)
        {
            // Deterministic ids keep test output and sandbox sessions repeatable.
            var id = new Guid((int)Interlocked.Increment(ref _sequence), 0x6e5e, 0x4c0e, 0x9a, 0x11, 0, 0, 0, 0, 0, 0).ToString();
            var now = Timestamp();
            contact["id"] = id;
            contact["createDate"] = now;
            contact["modifyDate"] = now;
            contact["selfUri"] = $"/api/v2/externalcontacts/contacts/{id}";
            _contacts[id] = contact;
            return (JsonObject)contact.DeepClone();
        }
    }

    /// <summary>Replaces the contact; null when there is none with that id.</summary>
    public JsonObject? Replace(string id, JsonObject contact)
    {
        lock (_lock)
        {
            if (!_contacts.TryGetValue(id, out var existing))
            {
                return null;
            }

            contact["id"] = existing["id"]!.GetValue<string>();
            contact["createDate"] = existing["createDate"]?.DeepClone();
            contact["modifyDate"] = Timestamp();
            contact["selfUri"] = existing["selfUri"]?.DeepClone();
            _contacts[id] = contact;
            return (JsonObject)contact.DeepClone();
        }
    }

    public JsonObject? Get(string id)
    {
        lock (_lock)
        {
            return _contacts.TryGetValue(id, out var contact) ? (JsonObject)contact.DeepClone() : null;
        }
    }

    /// <summary>Contacts matching <paramref name="query"/>, oldest first.</summary>
    public IReadOnlyList<JsonObject> Search(string query)
    {
        var q = query.Trim();
        var digits = Digits(q);
        lock (_lock)
        {
            return _contacts.Values.Where(c => Matches(c, q, digits)).Select(c => (JsonObject)c.DeepClone()).ToList();
        }
    }

    private static bool Matches(JsonObject contact, string query, string digits)
    {
        if (query.Length == 0)
        {
            return true;
        }

        if (digits.Length >= 6 && PhoneMembers.Any(m => contact[m] is JsonObject phone
            && (Digits(Text(phone["e164"])) == digits || Digits(Text(phone["display"])) == digits)))
        {
            return true;
        }

        return TextMembers.Any(m => Text(contact[m]).Equals(query, StringComparison.OrdinalIgnoreCase))
            || Strings(contact).Any(text => text.Contains(query, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every string anywhere in the contact (an address, a custom field): the real search is full-text.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(member => Strings(member.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private string Timestamp() => time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
