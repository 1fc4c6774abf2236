namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>PDL lower-cases every value unless the request says <c>titlecase=true</c>, when the source casing is kept.</summary>
internal readonly record struct PdlText(bool TitleCase)
{
    public string? Apply(string? value) => value is null || TitleCase ? value : value.ToLowerInvariant();
}
