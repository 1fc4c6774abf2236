namespace Tributary.Simulators.Dataset;

/// <summary>
/// Which records a provider knows and which optional fields it fills, decided by a stable hash of
/// (provider, record index, field). Providers disagree in a repeatable way, so merging across
/// providers shows. Jane Doe and Acme Inc (index 0) are known to everyone with every field.
/// </summary>
internal sealed class ProviderCoverage(string provider, int personPermille, int companyPermille)
{
    private static readonly DateTimeOffset RefreshEpoch = new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private readonly ulong _personSeed = StableHash.Of(provider + "/person");
    private readonly ulong _companySeed = StableHash.Of(provider + "/company");

    public string Provider { get; } = provider;

    public bool Knows(SamplePerson person) => person.Index == 0 || Roll(_personSeed, person.Index) < (ulong)personPermille;

    public bool Knows(SampleCompany company) => company.Index == 0 || Roll(_companySeed, company.Index) < (ulong)companyPermille;

    /// <summary>Whether this provider has <paramref name="field"/> for the person; about permille/1000 of people.</summary>
    public bool Fills(SamplePerson person, string field, int permille) =>
        person.Index == 0 || Roll(StableHash.Combine(_personSeed, field), person.Index) < (ulong)permille;

    public bool Fills(SampleCompany company, string field, int permille) =>
        company.Index == 0 || Roll(StableHash.Combine(_companySeed, field), company.Index) < (ulong)permille;

    /// <summary>A per-person number in [min, max] (confidence scores and the like); Jane Doe gets max.</summary>
    public int Score(SamplePerson person, string field, int min, int max) =>
        person.Index == 0 ? max : min + (int)(StableHash.Combine(StableHash.Combine(_personSeed, field), (ulong)person.Index) % (ulong)(max - min + 1));

    /// <summary>When this provider last refreshed the record: a fixed instant in the first half of 2025.</summary>
    public DateTimeOffset RefreshedAt(int index)
    {
        var hash = StableHash.Combine(_personSeed ^ _companySeed, (ulong)index);
        return RefreshEpoch.AddDays(-(double)(hash % 180)).AddSeconds(hash / 180 % 86_400);
    }

    private static ulong Roll(ulong seed, int index) => StableHash.Combine(seed, (ulong)index) % 1000;
}
