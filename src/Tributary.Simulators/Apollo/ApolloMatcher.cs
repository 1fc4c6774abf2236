using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.Apollo;

/// <summary>
/// Resolves one people/match request (query parameters, or one <c>details</c> entry of a bulk
/// call) from the strongest identifier it carries, then applies Apollo's coverage.
/// </summary>
internal static class ApolloMatcher
{
    public static SamplePerson? MatchPerson(SampleDataset dataset, Func<string, string?> read)
    {
        var company = read("domain") ?? read("organization_name");
        var person = dataset.FindByApolloId(read("id"))
            ?? dataset.FindByEmail(read("email"))
            ?? dataset.FindByEmailHash(read("hashed_email"))
            ?? dataset.FindByLinkedIn(read("linkedin_url"))
            ?? dataset.FindByName(read("name"), company)
            ?? dataset.FindByName(read("first_name"), read("last_name"), company);
        return person is not null && ApolloSimulator.Coverage.Knows(person) ? person : null;
    }

    public static SampleCompany? MatchOrganization(SampleDataset dataset, Func<string, string?> read)
    {
        var company = dataset.FindCompanyByDomain(read("domain"))
            ?? dataset.FindCompanyByDomain(read("website"))
            ?? dataset.FindCompanyByLinkedIn(read("linkedin_url"))
            ?? dataset.FindCompanyByName(read("name"));
        return company is not null && ApolloSimulator.Coverage.Knows(company) ? company : null;
    }
}
