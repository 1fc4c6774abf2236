using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Host.HttpApi;
using Tributary.Identifiers;

namespace Tributary.Host.Identity;

/// <summary>
/// Identity resolution for CDP and contact-center flows: identify links identifiers into a profile, resolve answers
/// who a caller is with a confidence, unmerge takes a wrongly linked identifier off a profile. Mapped on the
/// <c>/v1</c> group, so gateway keys and the caller quota apply.
/// </summary>
internal static class IdentityEndpoints
{
    public static RouteGroupBuilder MapIdentityEndpoints(this RouteGroupBuilder v1)
    {
        // Mapped on v1 itself, not a nested group: the gateway key filter and the quota are the v1 group's.
        v1.MapPost("/identity/identify", IdentifyAsync)
            .WithTags("Identity")
            .WithName("Identify")
            .WithSummary("Link identifiers into one profile and keep its traits")
            .WithDescription("Body: {\"userId\"?, \"traits\": {\"email\"?, \"phone\"?, \"crmId\"?, \"name\"?, \"company\"?, …}}. Strong identifiers (userId, crmId, email) choose the profile, merging the profiles they name; a phone alone never merges. 409 when the result would pass Identity:Limits:<type> (nothing is linked; detail says why); values in Identity:BlockedValues never link (listed in ignored; 422 when every identifier is blocked).")
            .DocumentsBody<IdentifyRequest>("""{"userId":"user-42","traits":{"email":"jane.doe@acme.com","phone":"+14155552671","crmId":"0035e00000AbCdE","name":"Jane Doe","company":"Acme","tier":"gold"}}""")
            .Produces<IdentifyResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        v1.MapPost("/identity/resolve", ResolveAsync)
            .WithTags("Identity")
            .WithName("Resolve")
            .WithSummary("Resolve a caller to a profile with a confidence and a summary")
            .WithDescription("Body: any of email, phone, crmId, userId, name + company. match is deterministic (a strong identifier linked to exactly one profile, confidence 1), probabilistic (weaker evidence such as a household phone; action verify below Identity:VerifyThreshold) or guest (profileId \"\"). evidence lists each identifier, how many profiles share it and whether it matched. summary never exceeds Identity:SummaryMaxBytes.")
            .DocumentsBody<ResolveRequest>("""{"phone":"+14155552671","name":"Jane Doe","company":"Acme"}""")
            .Produces<ResolveResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        v1.MapPost("/identity/unmerge", UnmergeAsync)
            .WithTags("Identity")
            .WithName("Unmerge")
            .WithSummary("Take one identifier off a profile onto a profile of its own")
            .WithDescription("Body: {\"profileId\", \"identifier\": {\"type\": \"email|phone|crmId|userId\", \"value\"}}. The identifier then resolves to the new profile; the traits stay with the old one. 404 when the profile does not hold the identifier.")
            .DocumentsBody<UnmergeRequest>("""{"profileId":"0193a1b2c3d47e8f9a0b1c2d3e4f5a6b","identifier":{"type":"email","value":"jane.doe@acme.com"}}""")
            .Produces<UnmergeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<Results<Ok<IdentifyResponse>, ProblemHttpResult>> IdentifyAsync(
        HttpContext http, JsonBody json, IdentityRequests requests, IdentityService identity, CancellationToken cancellationToken)
    {
        var (body, problem) = await json.ReadAsync(http, IdentityJsonContext.Default.IdentifyRequest, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        IdentifyInput input;
        try
        {
            input = requests.ReadIdentify(body!);
        }
        catch (InvalidIdentifierException ex)
        {
            return Problems.BadRequest(http, ex.Field, ex.Message);
        }

        var outcome = await identity.IdentifyAsync(input, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            var blocked = input.Identifiers.Count == 0;
            var refused = Problems.Create(
                http,
                blocked ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict,
                blocked ? "Every identifier is blocked" : "Merge protection",
                refusal.Reason,
                blocked ? "traits" : refusal.Type);
            refused.ProblemDetails.Extensions["profileId"] = outcome.ProfileId;
            refused.ProblemDetails.Extensions["limit"] = refusal.Limit;
            return refused;
        }

        return TypedResults.Ok(new IdentifyResponse(outcome.ProfileId, outcome.Created, outcome.Linked, input.Ignored, outcome.Merged));
    }

    private static async Task<Results<Ok<ResolveResponse>, ProblemHttpResult>> ResolveAsync(
        HttpContext http, JsonBody json, IdentityRequests requests, IdentityService identity, CancellationToken cancellationToken)
    {
        var (body, problem) = await json.ReadAsync(http, IdentityJsonContext.Default.ResolveRequest, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var (identifiers, blocked) = requests.ReadResolve(body!);
            var (resolution, summary) = await identity.ResolveAsync(identifiers, blocked, cancellationToken);
            return TypedResults.Ok(new ResolveResponse(
                resolution.ProfileId, resolution.Match, resolution.Confidence, resolution.Action, resolution.Evidence, summary));
        }
        catch (InvalidIdentifierException ex)
        {
            return Problems.BadRequest(http, ex.Field, ex.Message);
        }
    }

    private static async Task<Results<Ok<UnmergeResponse>, ProblemHttpResult>> UnmergeAsync(
        HttpContext http, JsonBody json, IdentityRequests requests, IdentityService identity, CancellationToken cancellationToken)
    {
        var (body, problem) = await json.ReadAsync(http, IdentityJsonContext.Default.UnmergeRequest, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var (profileId, identifier) = requests.ReadUnmerge(body!);
            return await identity.UnmergeAsync(profileId, identifier, cancellationToken) is { } newProfileId
                ? TypedResults.Ok(new UnmergeResponse(profileId, newProfileId, identifier.Type))
                : Problems.Create(http, StatusCodes.Status404NotFound, "Identifier not on profile", $"Profile '{profileId}' holds no such {identifier.Type}.", "identifier");
        }
        catch (InvalidIdentifierException ex)
        {
            return Problems.BadRequest(http, ex.Field, ex.Message);
        }
    }
}
