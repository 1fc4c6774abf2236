using System.Text.Json;
using Tributary.Connectors.Apollo;
using Tributary.Connectors.Clearbit;
using Tributary.Connectors.Hunter;
using Tributary.Connectors.PeopleDataLabs;

namespace Tributary.Tests.Connectors.LenientJson;

/// <summary>
/// Every connector's wire types read an odd field (a count as text with separators, a number out of range, a number
/// for a text, a flag as text) as its value or as absent, and keep the rest of the record.
/// </summary>
public sealed class LenientWireTests
{
    [Fact]
    public void Clearbit_Company()
    {
        var company = JsonSerializer.Deserialize(
            """{"name":12345,"domain":"acme.com","metrics":{"employees":"1,000","estimatedAnnualRevenue":5},"foundedYear":1e20,"fuzzy":"false","tech":["aws",7]}""",
            ClearbitJsonContext.Default.ClearbitCompany)!;

        company.Name.ShouldBe("12345");
        company.Domain.ShouldBe("acme.com");
        company.Metrics!.Employees.ShouldBe(1000);
        company.Metrics.EstimatedAnnualRevenue.ShouldBe("5");
        company.FoundedYear.ShouldBeNull();
        company.Fuzzy.ShouldBe(false);
        company.Tech.ShouldBe(["aws"]);
    }

    [Fact]
    public void Apollo_Organization()
    {
        var answer = JsonSerializer.Deserialize(
            """{"organization":{"name":"Acme Inc","estimated_num_employees":"1,200","founded_year":"n/a","annual_revenue":"12,500,000","primary_domain":"acme.com"}}""",
            ApolloJsonContext.Default.ApolloOrganizationResponse)!;

        answer.Organization!.EstimatedNumEmployees.ShouldBe(1200);
        answer.Organization.FoundedYear.ShouldBeNull();
        answer.Organization.AnnualRevenue.ShouldBe(12_500_000);
        answer.Organization.PrimaryDomain.ShouldBe("acme.com");
    }

    [Fact]
    public void Apollo_Person()
    {
        var answer = JsonSerializer.Deserialize(
            """{"person":{"name":"Jane Doe","extrapolated_email_confidence":"high","departments":"engineering","organization":{"estimated_num_employees":1e20}}}""",
            ApolloJsonContext.Default.ApolloPersonResponse)!;

        answer.Person!.Name.ShouldBe("Jane Doe");
        answer.Person.ExtrapolatedEmailConfidence.ShouldBeNull();
        answer.Person.Departments.ShouldBe(["engineering"]);
        answer.Person.Organization!.EstimatedNumEmployees.ShouldBeNull();
    }

    [Fact]
    public void Hunter_Company()
    {
        var answer = JsonSerializer.Deserialize(
            """{"data":{"name":"Acme Inc","metrics":{"employees":"2,500"},"foundedYear":"1,999"}}""",
            HunterJsonContext.Default.HunterCompanyResponse)!;

        answer.Data!.Metrics!.Employees.ShouldBe(2500);
        answer.Data.FoundedYear.ShouldBe(1999);
    }

    [Fact]
    public void PeopleDataLabs_Company()
    {
        var company = JsonSerializer.Deserialize(
            """{"status":200,"likelihood":"6","name":"acme inc","employee_count":1e20,"founded":"2,001"}""",
            PeopleDataLabsJsonContext.Default.PdlCompanyResponse)!;

        company.Likelihood.ShouldBe(6);
        company.Name.ShouldBe("acme inc");
        company.EmployeeCount.ShouldBeNull();
        company.Founded.ShouldBe(2001);
    }

    [Fact]
    public void PeopleDataLabs_Person()
    {
        var answer = JsonSerializer.Deserialize(
            """{"status":200,"likelihood":9,"data":{"full_name":"jane doe","work_email":true,"job_company_founded":"n/a"}}""",
            PeopleDataLabsJsonContext.Default.PdlPersonResponse)!;

        answer.Data!.FullName.ShouldBe("jane doe");
        answer.Data.WorkEmail.ShouldBeNull();
        answer.Data.JobCompanyFounded.ShouldBeNull();
    }
}
