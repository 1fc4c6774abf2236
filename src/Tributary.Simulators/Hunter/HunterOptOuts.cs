using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.Hunter;

/// <summary>
/// The people who asked Hunter not to process their data, answered with 451: every sample person
/// whose index % 97 == 5 (5, 102, 199, …; Jane Doe is not one) and <see cref="SampleIdentifiers.OptedOutEmail"/>.
/// </summary>
internal static class HunterOptOuts
{
    public static bool Contains(SamplePerson person) => person.Index % 97 == 5;

    public static bool Contains(string? email) =>
        string.Equals(email?.Trim(), SampleIdentifiers.OptedOutEmail, StringComparison.OrdinalIgnoreCase);
}
