namespace Tributary.Simulators.Dataset;

/// <summary>
/// The deterministic sample world every simulator serves: about 5,000 people across 800
/// companies, generated from word lists with a fixed seed. Person 0 is Jane Doe at Acme Inc
/// (see <see cref="SampleIdentifiers"/>); which provider knows whom is decided by
/// <see cref="ProviderCoverage"/>. Immutable after construction, so one instance can be
/// shared by all simulators and read from any thread.
/// </summary>
internal sealed class SampleDataset
{
    public const ulong Seed = 0x5452_4942_5554_4152;
    public const int CompanyCount = 800;
    public const int PersonCount = 5000;

    private readonly Dictionary<string, SamplePerson> _byEmail = new(PersonCount, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SamplePerson> _byPhone = new(PersonCount, StringComparer.Ordinal);
    private readonly Dictionary<string, SamplePerson> _byLinkedIn = new(PersonCount, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SamplePerson> _byNameAtCompany = new(PersonCount, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SamplePerson> _byPdlId = new(PersonCount, StringComparer.Ordinal);
    private readonly Dictionary<string, SamplePerson> _byApolloId = new(PersonCount, StringComparer.Ordinal);
    private readonly Dictionary<long, SamplePerson> _byZoomInfoId = new(PersonCount);
    private readonly Dictionary<string, SampleCompany> _companyByDomain = new(CompanyCount, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SampleCompany> _companyByName = new(CompanyCount, StringComparer.Ordinal);
    private readonly Dictionary<string, SampleCompany> _companyByTicker = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SampleCompany> _companyByLinkedIn = new(CompanyCount, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SampleCompany> _companyByPdlId = new(CompanyCount, StringComparer.Ordinal);
    private readonly Dictionary<string, SampleCompany> _companyByApolloId = new(CompanyCount, StringComparer.Ordinal);
    private readonly Dictionary<long, SampleCompany> _companyByZoomInfoId = new(CompanyCount);
    private readonly SamplePerson[][] _peopleByCompany;
    private readonly EmailHashIndex _byEmailHash;

    private SampleDataset(IReadOnlyList<SampleCompany> companies, IReadOnlyList<SamplePerson> people)
    {
        Companies = companies;
        People = people;
        foreach (var company in companies)
        {
            _companyByDomain.Add(company.Domain, company);
            _companyByName.Add(LookupKeys.CompanyName(company.Name), company);
            _companyByLinkedIn.Add(company.LinkedInSlug, company);
            _companyByPdlId.Add(company.PdlId, company);
            _companyByApolloId.Add(company.ApolloId, company);
            _companyByZoomInfoId.Add(company.ZoomInfoId, company);
            if (company.Ticker is not null)
            {
                _companyByTicker.Add(company.Ticker, company);
            }
        }

        foreach (var person in people)
        {
            _byEmail.Add(person.Email, person);
            _byPhone.Add(LookupKeys.Phone(person.Phone), person);
            _byLinkedIn.Add(person.LinkedInSlug, person);
            _byNameAtCompany.Add(LookupKeys.PersonAtCompany(person.Company.Index, person.FullName), person);
            _byPdlId.Add(person.PdlId, person);
            _byApolloId.Add(person.ApolloId, person);
            _byZoomInfoId.Add(person.ZoomInfoId, person);
        }

        var staff = companies.Select(static _ => new List<SamplePerson>()).ToArray();
        foreach (var person in people)
        {
            staff[person.Company.Index].Add(person);
        }

        _peopleByCompany = [.. staff.Select(static list => list.ToArray())];
        _byEmailHash = new EmailHashIndex(people);
    }

    public IReadOnlyList<SampleCompany> Companies { get; }

    public IReadOnlyList<SamplePerson> People { get; }

    public SamplePerson JaneDoe => People[0];

    public SampleCompany Acme => Companies[0];

    public static SampleDataset Create()
    {
        var random = new DeterministicRandom(Seed);
        var companies = SampleCompanyGenerator.Generate(random, CompanyCount);
        var people = SamplePersonGenerator.Generate(random, companies, PersonCount);
        return new SampleDataset(companies, people);
    }

    public SamplePerson? FindByEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : _byEmail.GetValueOrDefault(email.Trim());

    public SamplePerson? FindByPhone(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : _byPhone.GetValueOrDefault(LookupKeys.Phone(phone));

    public SamplePerson? FindByLinkedIn(string? slugOrUrl) =>
        string.IsNullOrWhiteSpace(slugOrUrl) ? null : _byLinkedIn.GetValueOrDefault(LookupKeys.LinkedInSlug(slugOrUrl));

    /// <summary>By full name at a company given by name or domain.</summary>
    public SamplePerson? FindByName(string? fullName, string? companyNameOrDomain)
    {
        if (string.IsNullOrWhiteSpace(fullName) || FindCompany(companyNameOrDomain) is not { } company)
        {
            return null;
        }

        return _byNameAtCompany.GetValueOrDefault(LookupKeys.PersonAtCompany(company.Index, fullName.Trim()));
    }

    public SamplePerson? FindByName(string? firstName, string? lastName, string? companyNameOrDomain) =>
        string.IsNullOrWhiteSpace(firstName) || string.IsNullOrWhiteSpace(lastName)
            ? null
            : FindByName($"{firstName.Trim()} {lastName.Trim()}", companyNameOrDomain);

    /// <summary>By the hex MD5 or SHA-256 of the lower-cased email.</summary>
    public SamplePerson? FindByEmailHash(string? hash) => _byEmailHash.Find(hash);

    public SamplePerson? FindByZoomInfoId(long id) => _byZoomInfoId.GetValueOrDefault(id);

    public SamplePerson? FindByPdlId(string? id) => id is null ? null : _byPdlId.GetValueOrDefault(id);

    public SamplePerson? FindByApolloId(string? id) => id is null ? null : _byApolloId.GetValueOrDefault(id);

    /// <summary>A domain if the hint looks like one, otherwise a company name.</summary>
    public SampleCompany? FindCompany(string? nameOrDomain) =>
        string.IsNullOrWhiteSpace(nameOrDomain)
            ? null
            : FindCompanyByDomain(nameOrDomain) ?? FindCompanyByName(nameOrDomain);

    public SampleCompany? FindCompanyByDomain(string? domainOrUrl) =>
        string.IsNullOrWhiteSpace(domainOrUrl) ? null : _companyByDomain.GetValueOrDefault(LookupKeys.Domain(domainOrUrl));

    public SampleCompany? FindCompanyByName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : _companyByName.GetValueOrDefault(LookupKeys.CompanyName(name));

    public SampleCompany? FindCompanyByTicker(string? ticker) =>
        string.IsNullOrWhiteSpace(ticker) ? null : _companyByTicker.GetValueOrDefault(ticker.Trim());

    public SampleCompany? FindCompanyByLinkedIn(string? slugOrUrl)
    {
        if (string.IsNullOrWhiteSpace(slugOrUrl))
        {
            return null;
        }

        var value = slugOrUrl.Trim().TrimEnd('/');
        var marker = value.LastIndexOf("company/", StringComparison.OrdinalIgnoreCase);
        return _companyByLinkedIn.GetValueOrDefault(marker >= 0 ? value[(marker + 8)..] : value);
    }

    public SampleCompany? FindCompanyByZoomInfoId(long id) => _companyByZoomInfoId.GetValueOrDefault(id);

    public SampleCompany? FindCompanyByPdlId(string? id) => id is null ? null : _companyByPdlId.GetValueOrDefault(id);

    public SampleCompany? FindCompanyByApolloId(string? id) => id is null ? null : _companyByApolloId.GetValueOrDefault(id);

    public IReadOnlyList<SamplePerson> PeopleAt(SampleCompany company) => _peopleByCompany[company.Index];
}
