using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Tributary.Privacy;

namespace Tributary.Benchmarks;

/// <summary>
/// The keyed hash every lookup, identity link and suppression check computes several times: OpenSSL's one-shot HMAC
/// (set up anew per call, the baseline) against <see cref="IdentifierHasher"/> (one HMAC per thread, reset per hash).
/// </summary>
[MemoryDiagnoser]
public class IdentifierHashBenchmark
{
    private const string Pepper = "bench-pepper-shared-by-every-process";
    private const string Identifier = "email:jane.doe@acme.com";
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(Pepper);
    private readonly IdentifierHasher _hasher = new(Options.Create(new PrivacyOptions { Pepper = Pepper }));

    [Benchmark(Baseline = true)]
    public string OneShotHmac()
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(Identifier), mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    [Benchmark]
    public string Hasher() => _hasher.Hash(Identifier);
}
