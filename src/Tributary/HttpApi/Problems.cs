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

        return TypedResults.Problem(detail, statusCode: status, title: title, type: TypeOf(status), extensions: extensions);
    }

    /// <summary>
    /// What the framework writes when it answers before an endpoint runs (a query value that is not of its type, such as
    /// <c>maxBytes=abc</c>): given a detail and the request id, like every other problem.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Type ??= TypeOf(problem.Status ?? StatusCodes.Status500InternalServerError);
        if (problem.Status == StatusCodes.Status400BadRequest && problem.Detail is null)
        {
            if (UnreadableParameter.Find(context.HttpContext) is var (name, kind))
            {
                problem.Detail = $"The value of '{name}' could not be read as {kind}.";
                problem.Extensions.TryAdd("field", name);
            }
            else
            {
                problem.Detail = "A value in the query string or the path could not be read as its type (a number, a true or false).";
            }
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable && problem.Detail is null)
        {
            problem.Detail = "The store is unavailable; try again shortly.";
        }

        problem.Extensions.TryAdd("requestId", RequestIds.Of(context.HttpContext));
    }

    // ASP.NET Core names the type of the statuses it knows; these two it leaves without one.
    private static string? TypeOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => null,
    };
}
