using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tributary.Privacy;

namespace Tributary.Tests.Privacy;

/// <summary>
/// The keyed hash is the first 128 bits of HMAC-SHA256 under the pepper, whichever thread computes it and however many
/// hashes that thread computed before: its HMAC is reused per thread, so each hash must start from a clean state.
/// </summary>
public sealed class IdentifierHasherTests
{
    private static IdentifierHasher Hasher(string pepper) => new(Options.Create(new PrivacyOptions { Pepper = pepper }));

    private static string Expected(string pepper, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(pepper), Encoding.UTF8.GetBytes(value))[..16]);

    [Fact]
    public void Hash_IsTheTruncatedHmacOfTheValueUnderThePepper_EveryTime()
    {
        var hasher = Hasher("pepper-one");

        foreach (var value in new[] { "email:jane.doe@acme.com", "", "phone:+14152220123", "email:jane.doe@acme.com", new string('x', 2000), "naïve@例え.jp" })
        {
            Assert.Equal(Expected("pepper-one", value), hasher.Hash(value));
        }
    }

    [Fact]
    public void TwoPeppersOnOneThread_KeepTheirOwnKeys()
    {
        var one = Hasher("pepper-one");
        var two = Hasher("pepper-two");

        Assert.Equal(Expected("pepper-one", "email:a@b.co"), one.Hash("email:a@b.co"));
        Assert.Equal(Expected("pepper-two", "email:a@b.co"), two.Hash("email:a@b.co"));
        Assert.Equal(Expected("pepper-one", "email:a@b.co"), one.Hash("email:a@b.co"));
    }

    [Fact]
    public void ManyThreadsAtOnce_EachGetTheSameHashes()
    {
        var hasher = Hasher("pepper-one");
        var values = Enumerable.Range(0, 2000).Select(i => $"email:person{i}@example.com").ToArray();
        var results = new ConcurrentDictionary<string, string>();

        Parallel.ForEach(values, new ParallelOptions { MaxDegreeOfParallelism = 8 }, value => results[value] = hasher.Hash(value));

        Assert.All(values, value => Assert.Equal(Expected("pepper-one", value), results[value]));
    }

    [Fact]
    public void NoPepper_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => Hasher(""));
}
