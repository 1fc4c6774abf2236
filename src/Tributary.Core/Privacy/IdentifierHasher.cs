using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Tributary.Privacy;

/// <summary>
/// Keyed hash (HMAC-SHA256) of identifiers. Logs and cache keys carry this instead of the raw email or phone;
/// without the pepper a hash cannot be reversed by hashing candidate emails.
/// </summary>
public sealed class IdentifierHasher
{
    // One HMAC per thread, reset after each hash. The one-shot HMACSHA256.HashData sets OpenSSL's MAC up anew on every
    // call (an algorithm fetch by name, under a lock), more than half of a short identifier's cost; every lookup,
    // identity link and suppression check hashes several identifiers. Keyed by this hasher's key array, so two hashers
    // (two peppers, in tests) on one thread each get their own.
    [ThreadStatic]
    private static (byte[] Key, IncrementalHash Hmac)? t_hmac;

    private readonly byte[] _key;

    public IdentifierHasher(IOptions<PrivacyOptions> options)
    {
        var pepper = options.Value.Pepper;
        if (string.IsNullOrEmpty(pepper))
        {
            throw new InvalidOperationException("Privacy:Pepper is not set; the host must provide or generate one.");
        }

        _key = Encoding.UTF8.GetBytes(pepper);
    }

    /// <summary>32 lower-case hex characters (the first 128 bits of the HMAC).</summary>
    public string Hash(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Span<byte> input = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(value, input);
        Span<byte> mac = stackalloc byte[32];
        var hmac = ThreadHmac();
        hmac.AppendData(input);
        hmac.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    private IncrementalHash ThreadHmac()
    {
        if (t_hmac is { } cached && ReferenceEquals(cached.Key, _key))
        {
            return cached.Hmac;
        }

        t_hmac?.Hmac.Dispose();
        var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        t_hmac = (_key, hmac);
        return hmac;
    }
}
