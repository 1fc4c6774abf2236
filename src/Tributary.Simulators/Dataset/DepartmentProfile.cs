namespace Tributary.Simulators.Dataset;

/// <summary>A department and its job titles, one per <see cref="Seniority"/> rung (c-suite first).</summary>
internal sealed record DepartmentProfile(string Key, string DisplayName, IReadOnlyList<string> Titles)
{
    public string TitleFor(Seniority seniority) => Titles[(int)seniority];
}
