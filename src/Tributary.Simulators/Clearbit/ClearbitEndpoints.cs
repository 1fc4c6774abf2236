using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Clearbit;

/// <summary>
/// Person, company and combined lookups. The real API spreads them over person.clearbit.com and
/// company.clearbit.com (and *-stream hosts); the connector takes one base URL, so all live here.
/// </summary>
internal sealed class ClearbitEndpoints(ClearbitSimulator simulator)
{
    private const string ApiVersionHeader = "API-Version";

    /// <summary>Role and non-person mailboxes Clearbit refuses with 422.</summary>
    private static readonly HashSet<string> RoleMailboxes = new(StringComparer.OrdinalIgnoreCase)
    {
        "info", "sales", "admin", "support", "contact", "hello", "help", "billing", "marketing", "noreply",
        "no-reply", "office", "team", "jobs", "careers", "press", "webmaster", "postmaster", "hr", "abuse",
    };

    private readonly ClearbitWebhookSender _webhooks = new(simulator);

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var v2 = endpoints.MapGroup("/v2");
        v2.MapGet("/people/find", context => FindPersonAsync(Versioned(context)));
        v2.MapGet("/companies/find", context => FindCompanyAsync(Versioned(context)));
        v2.MapGet("/combined/find", context => FindCombinedAsync(Versioned(context)));
    }

    /// <summary>
    /// Every answer names its API version: the one the request pinned with <c>API-Version</c>, else the account's
    /// (<see cref="SimulatorOptions.ClearbitApiVersion"/>).
    /// </summary>
    private HttpContext Versioned(HttpContext context)
    {
        var pinned = context.Request.Headers[ApiVersionHeader].ToString();
        context.Response.Headers[ApiVersionHeader] = pinned.Length > 0 ? pinned : simulator.Options.ClearbitApiVersion;
        return context;
    }

    private Task FindPersonAsync(HttpContext context)
    {
        if (Refuse(context, out var email) is { } refusal)
        {
            return refusal;
        }

        var person = FindPerson(email);
        return RespondAsync(context, new ClearbitAnswer("person", person is null ? null : writer => ClearbitPersonJson.Write(writer, person, ClearbitSimulator.Coverage)), "Unknown email address");
    }

    private Task FindCompanyAsync(HttpContext context)
    {
        if (!IsAuthorized(context.Request))
        {
            return ClearbitErrors.AuthRequiredAsync(context);
        }

        var domain = context.Request.Query["domain"].ToString().Trim();
        if (domain.Length == 0)
        {
            return ClearbitErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "missing_field", "Missing required parameter: domain");
        }

        if (!domain.Contains('.', StringComparison.Ordinal) || domain.Contains('@', StringComparison.Ordinal) || domain.Any(char.IsWhiteSpace))
        {
            return ClearbitErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "domain_invalid", "Invalid domain");
        }

        var company = FindCompany(domain);
        return RespondAsync(context, new ClearbitAnswer("company", company is null ? null : writer => ClearbitCompanyJson.Write(writer, company, ClearbitSimulator.Coverage)), "Unknown domain");
    }

    private Task FindCombinedAsync(HttpContext context)
    {
        if (Refuse(context, out var email) is { } refusal)
        {
            return refusal;
        }

        // Either side may be null; only when both are is the email unknown.
        var person = FindPerson(email);
        var company = person is not null ? FindCompany(person.Company.Domain) : FindCompany(EmailSyntax.Domain(email));
        return RespondAsync(context, new ClearbitAnswer("person_company", person is null && company is null ? null : writer => WriteCombined(writer, person, company)), "Unknown email address");
    }

    /// <summary>
    /// The record, or 404; under the CreditsExhausted fault a 402, under the Queued fault a 202 instead, and the
    /// record follows by webhook when the lookup named a <c>webhook_url</c>.
    /// </summary>
    private Task RespondAsync(HttpContext context, ClearbitAnswer answer, string unknownMessage)
    {
        if (FaultSettings.For(context).CreditsExhausted)
        {
            return ClearbitErrors.OverQuotaAsync(context);
        }

        if (IsQueued(context))
        {
            _webhooks.DeliverAfter(context, answer);
            return ClearbitErrors.QueuedAsync(context);
        }

        return answer.Write is { } write
            ? JsonResponse.WriteAsync(context, StatusCodes.Status200OK, write, static (writer, record) => record(writer))
            : ClearbitErrors.UnknownRecordAsync(context, unknownMessage);
    }

    private static void WriteCombined(Utf8JsonWriter writer, SamplePerson? person, SampleCompany? company)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("person");
        if (person is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            ClearbitPersonJson.Write(writer, person, ClearbitSimulator.Coverage);
        }

        writer.WritePropertyName("company");
        if (company is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            ClearbitCompanyJson.Write(writer, company, ClearbitSimulator.Coverage);
        }

        writer.WriteEndObject();
    }

    /// <summary>Auth and the email checks shared by person and combined; null when the lookup may go ahead.</summary>
    private Task? Refuse(HttpContext context, out string email)
    {
        email = context.Request.Query["email"].ToString().Trim();
        if (!IsAuthorized(context.Request))
        {
            return ClearbitErrors.AuthRequiredAsync(context);
        }

        if (email.Length == 0)
        {
            return ClearbitErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "missing_field", "Missing required parameter: email");
        }

        if (!EmailSyntax.IsWellFormed(email) || RoleMailboxes.Contains(EmailSyntax.LocalPart(email)))
        {
            return ClearbitErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "email_invalid", "Invalid email address");
        }

        return null;
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var key = AuthorizationHeader.Bearer(request) ?? AuthorizationHeader.BasicUser(request);
        return key is not null && key == simulator.ApiKey;
    }

    /// <summary>The Queued fault answers 202 unless the client asked for whatever is cached.</summary>
    private static bool IsQueued(HttpContext context) =>
        FaultSettings.For(context).Queued
        && !string.Equals(context.Request.Query["cached"].ToString(), "true", StringComparison.OrdinalIgnoreCase);

    private SamplePerson? FindPerson(string email) =>
        simulator.Dataset.FindByEmail(email) is { } person && ClearbitSimulator.Coverage.Knows(person) ? person : null;

    private SampleCompany? FindCompany(string domain) =>
        simulator.Dataset.FindCompanyByDomain(domain) is { } company && ClearbitSimulator.Coverage.Knows(company) ? company : null;
}
