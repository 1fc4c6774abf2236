namespace Tributary.Simulators.Salesforce;

/// <summary>
/// The two objects the simulator models, with the standard fields it knows: which may be written, which are computed
/// by Salesforce, which are required, and which hold integers. Field names are matched case-insensitively, as
/// Salesforce does, and answered in their canonical spelling.
/// </summary>
internal sealed class SalesforceSchema
{
    // Declared first: the schemas below read it while they are built.
    private static readonly string[] ComputedFields = ["Id", "CreatedDate", "LastModifiedDate", "SystemModstamp"];

    public static readonly SalesforceSchema Contact = new(
        "Contact",
        "003",
        writable: ["FirstName", "LastName", "Email", "Phone", "MobilePhone", "Title", "Department", "MailingStreet", "MailingCity", "MailingState",
            "MailingPostalCode", "MailingCountry", "LeadSource", "Description"],
        required: ["LastName"],
        integers: []);

    public static readonly SalesforceSchema Lead = new(
        "Lead",
        "00Q",
        writable: ["FirstName", "LastName", "Email", "Phone", "MobilePhone", "Title", "Company", "Industry", "NumberOfEmployees", "Website",
            "Street", "City", "State", "PostalCode", "Country", "Status", "LeadSource", "Description"],
        required: ["LastName", "Company"],
        integers: ["NumberOfEmployees"]);

    private readonly Dictionary<string, string> _canonical = new(StringComparer.OrdinalIgnoreCase);

    private SalesforceSchema(string name, string keyPrefix, string[] writable, string[] required, string[] integers)
    {
        Name = name;
        KeyPrefix = keyPrefix;
        Writable = new HashSet<string>(writable, StringComparer.Ordinal);
        Required = required;
        Integers = new HashSet<string>(integers, StringComparer.Ordinal);
        foreach (var field in writable.Concat(ComputedFields))
        {
            _canonical[field] = field;
        }
    }

    public string Name { get; }

    public string KeyPrefix { get; }

    public IReadOnlySet<string> Writable { get; }

    public IReadOnlyList<string> Required { get; }

    public IReadOnlySet<string> Integers { get; }

    /// <summary>The schema of <paramref name="objectName"/> (any case), or null for an object the simulator does not model.</summary>
    public static SalesforceSchema? Find(string? objectName) =>
        string.Equals(objectName, "Contact", StringComparison.OrdinalIgnoreCase) ? Contact
        : string.Equals(objectName, "Lead", StringComparison.OrdinalIgnoreCase) ? Lead
        : null;

    /// <summary>The schema whose key prefix starts <paramref name="id"/>, or null.</summary>
    public static SalesforceSchema? OfId(string id) =>
        id.StartsWith(Contact.KeyPrefix, StringComparison.Ordinal) ? Contact
        : id.StartsWith(Lead.KeyPrefix, StringComparison.Ordinal) ? Lead
        : null;

    /// <summary>The canonical spelling of a field of this object, or null when it has no such field.</summary>
    public string? Canonical(string field) => _canonical.GetValueOrDefault(field);
}
