using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.Identity;

/// <summary>
/// The graph's key of an identifier: the keyed hash of its normalised value, the same hash logs carry, so the graph
/// holds no email or phone in clear and erasure finds a subject's links from the subject's value alone.
/// </summary>
internal sealed class IdentityKeys(IdentifierHasher hasher)
{
    public IdentityKey Of(Identifier identifier) => new(identifier.Type, hasher.Hash(identifier.Value));

    /// <summary>Name and company, compared without regard to case.</summary>
    public IdentityKey OfNameAndCompany(string name, string company) =>
        new(IdentifierTypes.NameCompany, hasher.Hash(string.Concat(name.ToLowerInvariant(), "\n", company.ToLowerInvariant())));

    /// <summary>
    /// The value kept in clear beside the hash: only for the system ids the host must send on (the CDP user id for
    /// Segment, the CRM id for the CRM). Emails and phones are personal data and stay hashed.
    /// </summary>
    public static string? ClearValueOf(Identifier identifier) =>
        identifier.Type is IdentifierTypes.UserId or IdentifierTypes.CrmId ? identifier.Value : null;
}
