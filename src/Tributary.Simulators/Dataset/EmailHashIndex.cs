using System.Security.Cryptography;
using System.Text;

namespace Tributary.Simulators.Dataset;

/// <summary>
/// People by the hex MD5 or SHA-256 of their lower-cased email, the hashed identifiers Apollo and
/// PDL accept. Built on first use: most runs never look anyone up by hash.
/// </summary>
internal sealed class EmailHashIndex(IReadOnlyList<SamplePerson> people)
{
    private readonly Lazy<Dictionary<string, SamplePerson>> _byHash = new(() => Build(people));

    public SamplePerson? Find(string? hash) =>
        string.IsNullOrWhiteSpace(hash) ? null : _byHash.Value.GetValueOrDefault(hash.Trim());

    public static string Sha256(string email) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())));

    // Providers accept MD5 of an email as a lookup key; nothing here relies on it for security.
#pragma warning disable CA5351
    public static string Md5(string email) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())));
#pragma warning restore CA5351

    private static Dictionary<string, SamplePerson> Build(IReadOnlyList<SamplePerson> people)
    {
        var index = new Dictionary<string, SamplePerson>(people.Count * 2, StringComparer.OrdinalIgnoreCase);
        foreach (var person in people)
        {
            index[Sha256(person.Email)] = person;
            index[Md5(person.Email)] = person;
        }

        return index;
    }
}
