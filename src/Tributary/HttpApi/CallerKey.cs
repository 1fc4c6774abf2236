namespace Tributary.Host.HttpApi;

/// <summary>
/// Which gateway key a request came with, as an id that names the key without revealing it: the gateway's key check
/// sets it, audited endpoints read it. <c>open</c> when the gateway has no keys (loopback only).
/// </summary>
internal static class CallerKey
{
    /// <summary>The id of a request that presented no key to an open gateway.</summary>
    public const string Open = "open";

    private static readonly object ItemKey = new();

    public static void Set(HttpContext http, string keyId) => http.Items[ItemKey] = keyId;

    public static string Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var id) && id is string keyId ? keyId : Open;
}
