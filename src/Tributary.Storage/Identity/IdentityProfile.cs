namespace Tributary.Storage;

/// <summary>A profile of the identity graph: the traits identify calls kept, as one JSON object.</summary>
/// <param name="Id">The profile id.</param>
/// <param name="CreatedAt">When the profile was created.</param>
/// <param name="UpdatedAt">When links or traits last changed.</param>
/// <param name="Traits">A JSON object, <c>{}</c> when none were kept.</param>
public sealed record IdentityProfile(string Id, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Traits);
