using System.Text.Json;

namespace Tributary.Host.ContactCenter;

/// <summary>
/// A caller's profile waiting to be written to Genesys External Contacts. Staged under a keyed hash of the phone, so
/// updates for one caller within <c>Genesys:ExternalContacts:CoalesceSeconds</c> replace each other: the last wins.
/// </summary>
internal sealed record ContactUpdate(string Phone, string? FirstName, string? LastName, string? Title, string? Email)
{
    /// <summary>The staging source of external-contact updates.</summary>
    public const string Source = "genesys-contact";

    public string ToJson() => JsonSerializer.Serialize(this, ContactCenterJsonContext.Default.ContactUpdate);

    public static ContactUpdate? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ContactCenterJsonContext.Default.ContactUpdate);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
