using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>
/// Resolves enrich parameters, strongest identifier first, and rates the match on PDL's 1–10
/// likelihood scale: ids and emails score high, phones lower, name + company lowest.
/// </summary>
internal static class PdlMatcher
{
    private static readonly string[] Identifiers = ["pdl_id", "email", "email_hash", "profile", "lid", "phone"];
    private static readonly string[] NameQualifiers = ["company", "location", "locality", "region", "country", "school", "postal_code", "street_address"];

    /// <summary>PDL's minimum input: one identifier, or a name with a company, place or school. Null when it is met.</summary>
    public static string? ProblemWith(PdlParameters parameters)
    {
        if (Identifiers.Any(name => parameters[name] is not null))
        {
            return null;
        }

        var named = parameters["name"] is not null || (parameters["first_name"] is not null && parameters["last_name"] is not null);
        return named && NameQualifiers.Any(name => parameters[name] is not null)
            ? null
            : "The request must include an identifier (pdl_id, email, email_hash, phone, profile, lid) or a name with a company, location or school.";
    }

    public static PdlPersonMatch? MatchPerson(SampleDataset dataset, PdlParameters parameters)
    {
        var company = parameters["company"];
        var name = parameters["name"] ?? Join(parameters["first_name"], parameters["last_name"]);
        (SamplePerson? Person, string[] Matched, int Min, int Max)[] candidates =
        [
            (dataset.FindByPdlId(parameters["pdl_id"]), ["pdl_id"], 10, 10),
            (dataset.FindByEmail(parameters["email"]), ["email"], 8, 10),
            (dataset.FindByEmailHash(parameters["email_hash"]), ["email_hash"], 8, 10),
            (dataset.FindByLinkedIn(parameters["profile"]), ["profile"], 8, 10),
            (dataset.FindByPhone(parameters["phone"]), ["phone"], 6, 9),
            (dataset.FindByName(name, company), ["name", "company"], 4, 8),
        ];

        var coverage = PeopleDataLabsSimulator.Coverage;
        foreach (var (person, matched, min, max) in candidates)
        {
            if (person is not null && coverage.Knows(person))
            {
                return new PdlPersonMatch(person, coverage.Score(person, "likelihood/" + matched[0], min, max), matched);
            }
        }

        return null;
    }

    public static PdlCompanyMatch? MatchCompany(SampleDataset dataset, PdlParameters parameters)
    {
        (SampleCompany? Company, int Likelihood)[] candidates =
        [
            (dataset.FindCompanyByPdlId(parameters["pdl_id"]), 10),
            (dataset.FindCompanyByDomain(parameters["website"]), 9),
            (dataset.FindCompanyByTicker(parameters["ticker"]), 9),
            (dataset.FindCompanyByLinkedIn(parameters["profile"]), 8),
            (dataset.FindCompanyByName(parameters["name"]), 6),
        ];

        foreach (var (company, likelihood) in candidates)
        {
            if (company is { } found && PeopleDataLabsSimulator.Coverage.Knows(found))
            {
                return new PdlCompanyMatch(found, likelihood);
            }
        }

        return null;
    }

    private static string? Join(string? first, string? last) => first is null || last is null ? null : first + " " + last;
}
