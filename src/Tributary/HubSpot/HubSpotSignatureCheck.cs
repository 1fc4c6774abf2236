namespace Tributary.Host.HubSpot;

/// <summary>What <see cref="HubSpotSignature.Verify"/> found. Anything but <see cref="Valid"/> is a 401.</summary>
internal enum HubSpotSignatureCheck
{
    /// <summary>The signature matches and the timestamp is within 5 minutes of now.</summary>
    Valid,

    /// <summary>No signature, no timestamp, or no client secret configured to check them with.</summary>
    Missing,

    /// <summary>The timestamp is more than 5 minutes old or ahead.</summary>
    Stale,

    /// <summary>The timestamp is not a number of milliseconds.</summary>
    BadTimestamp,

    /// <summary>The signature is not the one the secret gives for this request (altered body or URI, another secret).</summary>
    Mismatch,
}
