using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Host.HttpApi;
using Tributary.Identifiers;

namespace Tributary.Host.Privacy;

/// <summary><c>DELETE /v1/subjects</c>: right to erasure over HTTP, behind the gateway keys like every <c>/v1</c> endpoint.</summary>
internal static class PrivacyEndpoints
{
    public static RouteGroupBuilder MapPrivacyEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapDelete("/subjects", ForgetAsync)
            .WithTags("Privacy")
            .WithName("ForgetSubject")
            .WithSummary("Erase a subject and suppress it")
            .WithDescription("Body: {\"email\"} or {\"phone\"}. Adds the subject to the suppression list, so no provider is asked about it again; removes it from the ledger and caches (every cached answer whose email or phone is the subject's, whatever lookup it was cached under: cache counts this process's memory, sharedCache Redis, null when Redis could not be reached), enriched and unmatched rows, staging, job results, identity links and profiles, pending outcomes, dead letters and the write-back journal. Answers a receipt of counts per place. Other gateways on the same store stop serving the subject within Privacy:SuppressionRefreshSeconds; an answer naming it reads as no match everywhere.")
            .DocumentsBody<SubjectRequest>("""{"email":"jane.doe@acme.com"}""")
            .Produces<ErasureReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return v1;
    }

    private static async Task<Results<Ok<ErasureReceipt>, ProblemHttpResult>> ForgetAsync(
        HttpContext http, JsonBody json, SubjectEraser eraser, CancellationToken cancellationToken)
    {
        var (body, problem) = await json.ReadAsync(http, PrivacyJsonContext.Default.SubjectRequest, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var email = string.IsNullOrWhiteSpace(body!.Email) ? null : body.Email;
        var phone = string.IsNullOrWhiteSpace(body.Phone) ? null : body.Phone;
        if ((email is null) == (phone is null))
        {
            return Problems.BadRequest(http, email is null ? "email" : "phone", "Give exactly one of email and phone.");
        }

        try
        {
            return TypedResults.Ok(await eraser.ForgetAsync(email, phone, CallerKey.Of(http), cancellationToken));
        }
        catch (InvalidIdentifierException ex)
        {
            return Problems.BadRequest(http, ex.Field, ex.Message);
        }
    }
}
