using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Tributary.Host.Segment;

/// <summary>
/// One <c>track</c> call of the Segment spec. <see cref="MessageId"/> is what Segment deduplicates on, so a message sent
/// again (a retry, a restart) must carry the same one: derive it with <see cref="StableMessageId"/>. At least one of
/// <see cref="UserId"/> and <see cref="AnonymousId"/> is needed; Segment silently drops a message without, so the client
/// refuses it instead.
/// </summary>
/// <param name="Event">The event name, e.g. <c>Interaction Completed</c>.</param>
/// <param name="MessageId">Unique per event, fewer than 100 characters.</param>
/// <param name="UserId">The CDP user id.</param>
/// <param name="AnonymousId">An anonymous id, when there is no user id.</param>
/// <param name="Timestamp">When the event happened; null stamps the time of sending.</param>
/// <param name="Properties">The event's properties.</param>
/// <param name="Context">Segment's <c>context</c>; null sends <c>{"library":{"name":"tributary",…}}</c>.</param>
internal sealed record SegmentTrack(
    string Event,
    string MessageId,
    string? UserId = null,
    string? AnonymousId = null,
    DateTimeOffset? Timestamp = null,
    JsonObject? Properties = null,
    JsonObject? Context = null)
{
    /// <summary>Segment's limit on a message id.</summary>
    public const int MaxMessageIdLength = 99;

    /// <summary>
    /// A message id that is the same every time for the same <paramref name="scope"/> and <paramref name="key"/> (for
    /// example <c>("interaction", interactionId)</c>) and reveals neither: <c>tributary-</c> and 32 hex characters.
    /// </summary>
    public static string StableMessageId(string scope, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + key), hash);
        return "tributary-" + Convert.ToHexStringLower(hash[..16]);
    }
}
