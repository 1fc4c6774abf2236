using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>A matched company and PDL's likelihood (1–10) for it.</summary>
internal sealed record PdlCompanyMatch(SampleCompany Company, int Likelihood);
