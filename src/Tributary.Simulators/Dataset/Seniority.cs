namespace Tributary.Simulators.Dataset;

/// <summary>Seniority ladder of the sample people; each provider maps it onto its own vocabulary.</summary>
internal enum Seniority
{
    CSuite,
    Vp,
    Director,
    Manager,
    Senior,
    Entry,
}
