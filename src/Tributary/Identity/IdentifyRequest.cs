using System.Text.Json;

namespace Tributary.Host.Identity;

/// <summary><c>POST /v1/identity/identify</c>: <c>{"userId"?, "traits": {"email"?, "phone"?, "crmId"?, "name"?, "company"?, …}}</c>.</summary>
internal sealed class IdentifyRequest
{
    /// <summary>The CDP user id.</summary>
    public string? UserId { get; init; }

    /// <summary>Identifiers (email, phone, crmId) and any other traits to keep.</summary>
    public Dictionary<string, JsonElement>? Traits { get; init; }
}
