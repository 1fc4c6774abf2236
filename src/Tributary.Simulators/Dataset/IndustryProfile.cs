namespace Tributary.Simulators.Dataset;

/// <summary>
/// One industry with the classification codes the providers attach to it. Sector, group and
/// industry follow GICS naming as Clearbit does; <see cref="LowerName"/> is the LinkedIn-style
/// label PDL and Apollo use.
/// </summary>
internal sealed record IndustryProfile(
    string Name,
    string Sector,
    string IndustryGroup,
    string GicsIndustry,
    string SicCode,
    string Sic4Code,
    string NaicsCode,
    string Naics6Code,
    string LowerName,
    IReadOnlyList<string> Tags);
