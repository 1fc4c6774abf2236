using System.Text.Json;

namespace Tributary.Host.ContactCenter;

/// <summary>What a staged Genesys <c>customer.start</c> keeps until its attributes are written: where to write, and the caller's number.</summary>
internal sealed record CallerEvent(string ConversationId, string ParticipantId, string? Ani)
{
    /// <summary>The staging source of caller events.</summary>
    public const string Source = "genesys";

    public string ToJson() => JsonSerializer.Serialize(this, ContactCenterJsonContext.Default.CallerEvent);

    /// <summary>The event of a staged row, or null when the row is not one (written by hand).</summary>
    public static CallerEvent? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ContactCenterJsonContext.Default.CallerEvent);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
