using PhoneNumbers;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Simulators.Dataset;

public sealed class SampleDatasetTests
{
    [Fact]
    public async Task Create_TwiceInOneProcess_BuildsTheSameWorld()
    {
        var first = await TestDataset.Shared;
        var second = SampleDataset.Create();

        second.People.Select(Fingerprint).ShouldBe(first.People.Select(Fingerprint));
        second.Companies.Select(Fingerprint).ShouldBe(first.Companies.Select(Fingerprint));
    }

    [Fact]
    public async Task Create_HasAboutFiveThousandPeopleAcrossEightHundredCompanies()
    {
        var dataset = await TestDataset.Shared;

        dataset.People.Count.ShouldBe(SampleDataset.PersonCount);
        dataset.Companies.Count.ShouldBe(SampleDataset.CompanyCount);
        dataset.People.Select(p => p.Email).Distinct().Count().ShouldBe(dataset.People.Count);
        dataset.People.Select(p => p.Phone).Distinct().Count().ShouldBe(dataset.People.Count);
        dataset.Companies.Select(c => c.Domain).Distinct().Count().ShouldBe(dataset.Companies.Count);
        dataset.People.Select(p => p.Company.Index).Distinct().Count().ShouldBeGreaterThan(700);
    }

    [Fact]
    public async Task PersonZero_IsTheReadmeExample()
    {
        var jane = (await TestDataset.Shared).JaneDoe;

        jane.FullName.ShouldBe("Jane Doe");
        jane.Email.ShouldBe(SampleIdentifiers.JaneDoeEmail);
        jane.Phone.ShouldBe(SampleIdentifiers.JaneDoePhone);
        jane.Title.ShouldBe(SampleIdentifiers.JaneDoeTitle);
        jane.Seniority.ShouldBe(Seniority.Vp);
        jane.Department.Key.ShouldBe("engineering");
        jane.Location.City.ShouldBe("San Francisco");
        jane.Location.CountryCode.ShouldBe("US");
        jane.LinkedInSlug.ShouldBe(SampleIdentifiers.JaneDoeLinkedInSlug);
        jane.ZoomInfoId.ShouldBe(SampleIdentifiers.JaneDoeZoomInfoId);
        jane.Company.Name.ShouldBe(SampleIdentifiers.AcmeName);
        jane.Company.Domain.ShouldBe(SampleIdentifiers.AcmeDomain);
        jane.Company.ZoomInfoId.ShouldBe(SampleIdentifiers.AcmeZoomInfoId);
        jane.Company.Industry.Name.ShouldBe("Software");
        jane.Company.Employees.ShouldBe(500);
        jane.Company.RevenueRange.ShouldBe("$50M-$100M");
        jane.Company.Tech.ShouldBe(["salesforce", "hubspot", "aws"]);
    }

    [Fact]
    public async Task EveryPhone_IsValidForLibPhoneNumber_AndAvoidsTheFictional555Block()
    {
        var dataset = await TestDataset.Shared;
        var util = PhoneNumberUtil.GetInstance();
        var phones = dataset.People.Select(p => p.Phone).Concat(dataset.Companies.Select(c => c.Phone));

        foreach (var phone in phones)
        {
            util.IsValidNumber(util.Parse(phone, null)).ShouldBeTrue(phone);
            if (phone.StartsWith("+1", StringComparison.Ordinal))
            {
                phone[5..8].ShouldNotBe("555", phone);
            }
        }
    }

    [Fact]
    public async Task Seniorities_DepartmentsAndCountries_AreAllRepresented()
    {
        var dataset = await TestDataset.Shared;

        dataset.People.Select(p => p.Seniority).Distinct().Count().ShouldBe(Enum.GetValues<Seniority>().Length);
        dataset.People.Select(p => p.Department.Key).Distinct().Count().ShouldBe(Departments.All.Count);
        dataset.People.Select(p => p.Location.CountryCode).Distinct().Count().ShouldBeGreaterThan(5);
        dataset.Companies.Select(c => c.Industry.Name).Distinct().Count().ShouldBe(Industries.All.Count);
    }

    [Fact]
    public void WordLists_HoldPlainAsciiNames_SoEmailsAndSlugsNeedNoTransliteration()
    {
        var names = WordLists.FemaleFirstNames.Concat(WordLists.MaleFirstNames).Concat(WordLists.LastNames);

        names.ShouldAllBe(n => n.All(char.IsAsciiLetter));
    }

    [Fact]
    public async Task Lookups_ForgiveFormatting_AsProviderMatchersDo()
    {
        var dataset = await TestDataset.Shared;
        var jane = dataset.JaneDoe;

        dataset.FindByEmail(" JANE.DOE@acme.com ").ShouldBe(jane);
        dataset.FindByPhone("(415) 222-0123").ShouldBe(jane);
        dataset.FindByPhone("+1 415 222 0123").ShouldBe(jane);
        dataset.FindByLinkedIn("https://www.linkedin.com/in/janedoe/").ShouldBe(jane);
        dataset.FindByLinkedIn("in/janedoe").ShouldBe(jane);
        dataset.FindByName("Jane", "Doe", "Acme, Inc.").ShouldBe(jane);
        dataset.FindByName("jane doe", "acme.com").ShouldBe(jane);
        dataset.FindByZoomInfoId(jane.ZoomInfoId).ShouldBe(jane);
        dataset.FindByPdlId(jane.PdlId).ShouldBe(jane);
        dataset.FindByApolloId(jane.ApolloId).ShouldBe(jane);
        dataset.FindCompanyByDomain("https://www.acme.com/about").ShouldBe(jane.Company);
        dataset.FindCompanyByName("ACME").ShouldBe(jane.Company);
        dataset.FindCompanyByLinkedIn("linkedin.com/company/acme").ShouldBe(jane.Company);
        dataset.FindCompanyByZoomInfoId(jane.Company.ZoomInfoId).ShouldBe(jane.Company);
        dataset.PeopleAt(jane.Company).ShouldContain(jane);
    }

    [Fact]
    public async Task Lookups_OfTheUnknownAddress_FindNothing()
    {
        var dataset = await TestDataset.Shared;

        dataset.FindByEmail(SampleIdentifiers.UnknownEmail).ShouldBeNull();
        dataset.FindCompanyByDomain("unknown-company.com").ShouldBeNull();
        dataset.FindByEmail(SampleIdentifiers.OptedOutEmail).ShouldBeNull();
    }

    [Fact]
    public async Task GeneratedNames_LookLikeTheBrief()
    {
        var company = (await TestDataset.Shared).Companies[1];

        company.Name.Split(' ').Length.ShouldBe(3);
        company.Domain.ShouldMatch("^[a-z0-9]+\\.[a-z]+$");
        company.PdlId.Length.ShouldBe(28);
    }

    private static string Fingerprint(SamplePerson p) =>
        $"{p.Index}|{p.FullName}|{p.Email}|{p.Phone}|{p.Title}|{p.Location.City}|{p.LinkedInSlug}|{p.Company.Domain}|{p.PdlId}|{p.ApolloId}|{p.ClearbitId}|{p.JobStartDate}";

    private static string Fingerprint(SampleCompany c) =>
        $"{c.Index}|{c.Name}|{c.Domain}|{c.Industry.Name}|{c.Employees}|{c.RevenueRange}|{string.Join(',', c.Tech)}|{c.Phone}|{c.Ticker}|{c.PdlId}";
}
