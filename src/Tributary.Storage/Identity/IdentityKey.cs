namespace Tributary.Storage;

/// <summary>
/// One identifier as the graph knows it: its type (<c>email</c>, <c>phone</c>, <c>crmId</c>, <c>userId</c>, …) and the
/// keyed hash of its normalised value. The graph never needs the value itself to find a profile.
/// </summary>
/// <param name="Type">The identifier type, as the host names it.</param>
/// <param name="Hash">The keyed hash of the normalised value (<c>IdentifierHasher</c>).</param>
public readonly record struct IdentityKey(string Type, string Hash);
