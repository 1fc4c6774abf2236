using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Hunter;

/// <summary>
/// <c>GET /v2/domain-search</c>: the people Hunter knows at a company, filtered by type, seniority
/// and department and paged by limit/offset. Opted-out people are never listed. One credit per
/// ten emails returned; an unknown domain is a 200 with no emails and costs nothing.
/// </summary>
internal sealed class HunterDomainSearch(HunterSimulator simulator)
{
    private const int DefaultLimit = 10;
    private const int MaxLimit = 100;

    public Task SearchAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var domain = HunterEndpoints.Text(query["domain"]);
        var companyName = HunterEndpoints.Text(query["company"]);
        var type = HunterEndpoints.Text(query["type"]);
        var seniority = Filter(HunterEndpoints.Text(query["seniority"]));
        var department = Filter(HunterEndpoints.Text(query["department"]));
        if (domain is null && companyName is null)
        {
            return HunterErrors.WrongParamsAsync(context, "You are missing the domain parameter");
        }

        if (!TryRead(query["limit"], DefaultLimit, out var limit) || limit is < 1 or > MaxLimit || !TryRead(query["offset"], 0, out var offset) || offset < 0)
        {
            return HunterErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "pagination_error", $"limit must be between 1 and {MaxLimit} and offset must not be negative");
        }

        if (type is not (null or "personal" or "generic"))
        {
            return HunterErrors.WrongParamsAsync(context, "type must be personal or generic");
        }

        var dataset = simulator.Dataset;
        var company = (domain is not null ? dataset.FindCompanyByDomain(domain) : dataset.FindCompanyByName(companyName)) is { } found
            && HunterSimulator.Coverage.Knows(found) ? found : null;
        var emails = new List<SamplePerson?>();
        if (company is not null && type != "generic")
        {
            emails.AddRange(dataset.PeopleAt(company).Where(p => HunterSimulator.Coverage.Knows(p) && !HunterOptOuts.Contains(p)
                && (seniority is null || seniority.Contains(HunterVocabulary.Seniority(p.Seniority)))
                && (department is null || department.Contains(HunterVocabulary.Department(p)))));
        }

        if (company is not null && type != "personal" && seniority is null && department is null)
        {
            emails.Add(null);
        }

        var page = emails.Skip(offset).Take(limit).ToList();
        var personal = page.Count(static e => e is not null);
        if (personal > 0)
        {
            simulator.Credits.Spend((personal + 9) / 10);
        }

        var echo = new KeyValuePair<string, string?>[]
        {
            new("domain", domain), new("company", companyName), new("type", type),
            new("seniority", HunterEndpoints.Text(query["seniority"])), new("department", HunterEndpoints.Text(query["department"])),
        };
        var answer = new HunterDomainSearchJson.Page(domain, company, page, emails.Count, limit, offset, echo);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, answer, HunterDomainSearchJson.Write);
    }

    private static HashSet<string>? Filter(string? commaSeparated) =>
        commaSeparated is null ? null : new HashSet<string>(commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);

    private static bool TryRead(StringValues value, int fallback, out int number)
    {
        if (HunterEndpoints.Text(value) is not { } text)
        {
            number = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
