using Microsoft.AspNetCore.Http.HttpResults;

namespace Tributary.Host.HttpApi;

/// <summary>RFC 9457 problem responses, each carrying the request id and, for bad input, the field at fault.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(HttpContext http, string field, string detail) =>
        Create(http, StatusCodes.Status400BadRequest, "Invalid request", detail, field);

    public static ProblemHttpResult TooLarge(HttpContext http, long limit) =>
        Create(http, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body exceeds the limit of {limit} bytes (Gateway:MaxBodyBytes).");

    /// <summary>A gateway key missing or wrong; <c>WWW-Authenticate</c> names the scheme, as RFC 9110 asks of a 401.</summary>
    public static ProblemHttpResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Create(http, StatusCodes.Status401Unauthorized, "Missing or invalid API key", "Present a gateway key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
    }

    public static ProblemHttpResult Create(HttpContext http, int status, string title, string detail, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["requestId"] = RequestIds.Of(http) };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }
}
