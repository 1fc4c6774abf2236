using System.Diagnostics;

namespace Tributary.Host.HttpApi;

/// <summary>One id per request, shared by the response body, problem details and traces.</summary>
internal static class RequestIds
{
    public static string Of(HttpContext http) =>
        Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
}
