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
        HMACSHA256.HashData(_key, input, mac);
        return Convert.ToHexStringLower(mac[..16]);
    }
}
