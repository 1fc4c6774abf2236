namespace Tributary.Host.Identity;

/// <summary>The identifier types of the graph, spelled as the API spells them.</summary>
internal static class IdentifierTypes
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string CrmId = "crmId";
    public const string UserId = "userId";

    /// <summary>Name and company together: weak evidence kept by identify, never named by a caller as a type.</summary>
    public const string NameCompany = "nameCompany";

    /// <summary>The types a caller links and unmerges, strongest first.</summary>
    public static IReadOnlyList<string> Linkable { get; } = [UserId, CrmId, Email, Phone];

    /// <summary>Strong identifiers: one linked to exactly one profile is a deterministic match.</summary>
    public static bool IsStrong(string type) => type is UserId or CrmId or Email;

    /// <summary>Lower is stronger: userId, crmId, email, phone, name + company.</summary>
    public static int Rank(string type) => type switch
    {
        UserId => 0,
        CrmId => 1,
        Email => 2,
        Phone => 3,
        _ => 4,
    };

    /// <summary>The API spelling of a type named by a caller (any case), or null when it is not linkable.</summary>
    public static string? Parse(string? type) =>
        Linkable.FirstOrDefault(t => string.Equals(t, type?.Trim(), StringComparison.OrdinalIgnoreCase));
}
