using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Host.HttpApi;
using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.AgentDesktop;

/// <summary>
/// The agent desktop's profile proxy and the audit of who read which profile. Mapped on the <c>/v1</c> group, so
/// gateway keys and the caller quota apply.
/// </summary>
internal static class ProfileEndpoints
{
    /// <summary>The longest <c>X-Purpose</c> kept.</summary>
    public const int MaxPurposeLength = 200;

    private const int MaxProfileIdLength = 64;
    private const int MaxAuditRows = 1_000;

    public static RouteGroupBuilder MapProfileEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/profiles/{profileId}", GetProfileAsync)
            .WithTags("Identity")
            .WithName("GetProfile")
            .WithSummary("The full profile for the agent desktop")
            .WithDescription("Identifiers, identify's traits, enrichment with provenance and, with Segment:SpaceId and Segment:AccessToken, the CDP's traits. Cached Profiles:CacheSeconds (300); ?refresh=true bypasses the cache. When the CDP fails, the last copy comes back with \"stale\": true. SSNs, Luhn-valid card numbers and Privacy:MaskedFields are masked. Each read is audited with the gateway key id and the X-Purpose header (at most 200 characters).")
            .Produces<AgentProfile>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        v1.MapGet("/audit", GetAuditAsync)
            .WithTags("Identity")
            .WithName("GetAudit")
            .WithSummary("Who read which profile, why and when")
            .WithDescription("The most recent audit entries first; ?profileId= for one profile's, ?limit= (1–1000, default 100).")
            .Produces<AuditResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return v1;
    }

    private static async Task<Results<Ok<AgentProfile>, ProblemHttpResult>> GetProfileAsync(
        HttpContext http, string profileId, bool? refresh, ProfileService profiles, AuditTrail audit, SensitiveValueMasker masker, ContactDetailsInText contactDetails, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!IsProfileId(profileId))
        {
            return Problems.BadRequest(http, "profileId", $"A profile id is 1 to {MaxProfileIdLength} letters, digits, '-' or '_'.");
        }

        var purpose = http.Request.Headers["X-Purpose"].ToString().Trim();
        if (purpose.Length > MaxPurposeLength || purpose.Any(char.IsControl))
        {
            return Problems.BadRequest(http, "X-Purpose", $"X-Purpose is at most {MaxPurposeLength} characters, without control characters.");
        }

        var profile = await profiles.GetAsync(profileId, refresh ?? false, cancellationToken);
        if (profile is null)
        {
            return Problems.Create(http, StatusCodes.Status404NotFound, "Unknown profile", $"No profile '{profileId}' is in the identity graph.", "profileId");
        }

        await audit.RecordAsync(
            new AuditEntry(CallerKey.Of(http), "profile.read", profile.ProfileId, time.GetUtcNow(), purpose.Length == 0 ? null : masker.Mask(contactDetails.Remove(purpose))),
            cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(profile);
    }

    private static async Task<Results<Ok<AuditResponse>, ProblemHttpResult>> GetAuditAsync(
        HttpContext http, string? profileId, int? limit, AuditTrail audit, IAuditLog log, CancellationToken cancellationToken)
    {
        if (profileId is not null && !IsProfileId(profileId))
        {
            return Problems.BadRequest(http, "profileId", $"A profile id is 1 to {MaxProfileIdLength} letters, digits, '-' or '_'.");
        }

        if (limit is < 1 or > MaxAuditRows)
        {
            return Problems.BadRequest(http, "limit", $"limit is 1 to {MaxAuditRows}.");
        }

        // Reads made by this process are in the answer, even those still queued.
        await audit.FlushAsync(cancellationToken);
        var entries = await log.ReadRecentAsync(profileId, limit ?? 100, cancellationToken);
        return TypedResults.Ok(new AuditResponse([.. entries.Select(static e => new AuditRow(e.Actor, e.Action, e.SubjectHash, e.Purpose, e.At))]));
    }

    private static bool IsProfileId(string value) =>
        value.Length is > 0 and <= MaxProfileIdLength && value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
