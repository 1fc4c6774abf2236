using System.Globalization;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>
/// One person lookup with PDL's filters applied: the minimum input, <c>min_likelihood</c> and
/// <c>required</c>. Shared by the single and bulk endpoints so both answer alike.
/// </summary>
internal static class PdlPersonEnrichment
{
    /// <summary>
    /// 200 with the match, 404, or 400 with the problem. <paramref name="defaults"/> are the
    /// top-level bulk options, which an item's own params override.
    /// </summary>
    public static (int Status, PdlPersonMatch? Match, string? Problem) Run(PeopleDataLabsSimulator simulator, PdlParameters parameters, PdlParameters? defaults = null)
    {
        if (PdlMatcher.ProblemWith(parameters) is { } problem)
        {
            return (400, null, problem);
        }

        var minimum = parameters["min_likelihood"] ?? defaults?["min_likelihood"];
        var minLikelihood = 1;
        if (minimum is not null && (!int.TryParse(minimum, NumberStyles.None, CultureInfo.InvariantCulture, out minLikelihood) || minLikelihood is < 1 or > 10))
        {
            return (400, null, "min_likelihood must be a whole number from 1 to 10.");
        }

        var match = PdlMatcher.MatchPerson(simulator.Dataset, parameters);
        if (match is null || match.Likelihood < minLikelihood)
        {
            return (404, null, null);
        }

        try
        {
            var facts = PdlPersonFacts.For(match.Person);
            return PdlRequired.IsSatisfied(parameters["required"] ?? defaults?["required"], facts.Has) ? (200, match, null) : (404, null, null);
        }
        catch (FormatException ex)
        {
            return (400, null, ex.Message);
        }
    }
}
