using System.Globalization;

namespace Tributary.Connectors.Clearbit;

/// <summary>
/// The <c>webhook_id</c> the connector gives each lookup, which Clearbit echoes as its webhook's <c>id</c>:
/// <c>{lookup key}~{Unix ms of the call}</c>. The key says where the answer belongs; the time makes each call's id its
/// own, so the webhook of a later call for the same subject is not taken for a redelivery of an earlier one, and lets
/// the receiver refuse a replayed delivery older than its dedup window. Neither part carries a raw identifier.
/// </summary>
internal static class ClearbitWebhookId
{
    private const char Separator = '~';

    public static string For(string lookupKey, DateTimeOffset askedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{lookupKey}{Separator}{askedAt.ToUnixTimeMilliseconds()}");

    /// <summary>The lookup key and call time of an id built by <see cref="For"/>; false for any other id.</summary>
    public static bool TryRead(string id, out string lookupKey, out DateTimeOffset askedAt)
    {
        lookupKey = string.Empty;
        askedAt = default;
        var separator = id.LastIndexOf(Separator);
        if (separator <= 0
            || !long.TryParse(id.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        lookupKey = id[..separator];
        askedAt = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }
}
