using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Clearbit;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Hunter;

/// <summary>
/// Hunter v2: email finder, domain search and the Clearbit-shaped people/companies/combined find,
/// each in the <c>{"data","meta"}</c> envelope. Only answers that deliver data spend credits.
/// </summary>
internal sealed class HunterEndpoints(HunterSimulator simulator)
{
    private const string LogoBaseUrl = "https://logos.hunter.io/";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var v2 = endpoints.MapGroup("/v2");
        v2.MapGet("/email-finder", context => Guarded(context, FindEmailAsync));
        v2.MapGet("/domain-search", context => Guarded(context, new HunterDomainSearch(simulator).SearchAsync));
        v2.MapGet("/people/find", context => Guarded(context, FindPersonAsync));
        v2.MapGet("/companies/find", context => Guarded(context, FindCompanyAsync));
        v2.MapGet("/combined/find", context => Guarded(context, FindCombinedAsync));
    }

    /// <summary>The key (api_key query, X-API-KEY or Bearer) and the month's credits, checked before any lookup.</summary>
    private Task Guarded(HttpContext context, Func<HttpContext, Task> handler)
    {
        var request = context.Request;
        var key = Text(request.Query["api_key"]) ?? Text(request.Headers["X-API-KEY"]) ?? AuthorizationHeader.Bearer(request);
        if (key != simulator.ApiKey)
        {
            return HunterErrors.AuthenticationFailedAsync(context);
        }

        return simulator.Credits.IsExhausted || FaultSettings.For(context).CreditsExhausted
            ? HunterErrors.QuotaExhaustedAsync(context)
            : handler(context);
    }

    private Task FindEmailAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var (domain, company, first, last, full, handle) =
            (Text(query["domain"]), Text(query["company"]), Text(query["first_name"]), Text(query["last_name"]), Text(query["full_name"]), Text(query["linkedin_handle"]));
        if (domain is null && company is null && handle is null)
        {
            return HunterErrors.WrongParamsAsync(context, "You are missing the domain parameter");
        }

        if ((first is null || last is null) && full is null && handle is null)
        {
            return HunterErrors.WrongParamsAsync(context, "You are missing the first_name and last_name parameters");
        }

        var dataset = simulator.Dataset;
        var person = handle is not null
            ? dataset.FindByLinkedIn(handle)
            : full is not null ? dataset.FindByName(full, domain ?? company) : dataset.FindByName(first, last, domain ?? company);
        if (person is not null && HunterOptOuts.Contains(person))
        {
            return HunterErrors.ClaimedAsync(context);
        }

        var found = person is not null && HunterSimulator.Coverage.Knows(person) ? person : null;
        if (found is not null)
        {
            simulator.Credits.Spend(1);
        }

        var echo = new[] { ("first_name", first), ("last_name", last), ("full_name", full), ("domain", domain), ("company", company), ("max_duration", Text(query["max_duration"])) };
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, (found, first, last, domain, echo), static (writer, state) =>
        {
            writer.WriteStartObject();
            HunterEmailJson.WriteFinderData(writer, state.found, state.first, state.last, state.domain);
            writer.WriteStartObject("meta");
            writer.WriteStartObject("params");
            foreach (var (name, value) in state.echo)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private Task FindPersonAsync(HttpContext context)
    {
        var email = Text(context.Request.Query["email"]);
        var handle = Text(context.Request.Query["linkedin_handle"]);
        if (email is null && handle is null)
        {
            return HunterErrors.WrongParamsAsync(context, "You are missing the email parameter");
        }

        var person = email is not null ? simulator.Dataset.FindByEmail(email) : simulator.Dataset.FindByLinkedIn(handle);
        if (HunterOptOuts.Contains(email) || (person is not null && HunterOptOuts.Contains(person)))
        {
            return HunterErrors.ClaimedAsync(context);
        }

        if (person is null || !HunterSimulator.Coverage.Knows(person))
        {
            return HunterErrors.NotFoundAsync(context, "No person found for these parameters");
        }

        simulator.Credits.Spend(1);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, person, static (writer, found) =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            ClearbitPersonJson.Write(writer, found, HunterSimulator.Coverage);
            writer.WriteStartObject("meta");
            writer.WriteString("email", found.Email);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private Task FindCompanyAsync(HttpContext context)
    {
        var domain = Text(context.Request.Query["domain"]);
        if (domain is null)
        {
            return HunterErrors.WrongParamsAsync(context, "You are missing the domain parameter");
        }

        if (FindCompany(domain) is not { } company)
        {
            return HunterErrors.NotFoundAsync(context, "No company found for this domain");
        }

        simulator.Credits.Spend(1);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, company, static (writer, found) =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            ClearbitCompanyJson.Write(writer, found, HunterSimulator.Coverage, LogoBaseUrl);
            writer.WriteStartObject("meta");
            writer.WriteString("domain", found.Domain);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private Task FindCombinedAsync(HttpContext context)
    {
        var email = Text(context.Request.Query["email"]);
        if (email is null || !EmailSyntax.IsWellFormed(email))
        {
            return HunterErrors.WrongParamsAsync(context, "You are missing the email parameter");
        }

        var person = simulator.Dataset.FindByEmail(email);
        if (HunterOptOuts.Contains(email) || (person is not null && HunterOptOuts.Contains(person)))
        {
            return HunterErrors.ClaimedAsync(context);
        }

        var known = person is not null && HunterSimulator.Coverage.Knows(person) ? person : null;
        var company = FindCompany(known?.Company.Domain ?? EmailSyntax.Domain(email));
        if (known is null && company is null)
        {
            return HunterErrors.NotFoundAsync(context, "No person or company found for this email");
        }

        simulator.Credits.Spend(1);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, (known, company, email), static (writer, found) =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WritePropertyName("person");
            if (found.known is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                ClearbitPersonJson.Write(writer, found.known, HunterSimulator.Coverage);
            }

            writer.WritePropertyName("company");
            if (found.company is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                ClearbitCompanyJson.Write(writer, found.company, HunterSimulator.Coverage, LogoBaseUrl);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("meta");
            writer.WriteString("email", found.email);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private SampleCompany? FindCompany(string domain) =>
        simulator.Dataset.FindCompanyByDomain(domain) is { } company && HunterSimulator.Coverage.Knows(company) ? company : null;

    internal static string? Text(StringValues value) =>
        string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString().Trim();
}
