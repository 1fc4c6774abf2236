using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>A matched person, PDL's likelihood (1–10) and the inputs that matched (for <c>include_if_matched</c>).</summary>
internal sealed record PdlPersonMatch(SamplePerson Person, int Likelihood, IReadOnlyList<string> Matched);
