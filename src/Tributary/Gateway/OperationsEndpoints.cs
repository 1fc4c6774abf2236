using Tributary.Providers;
using Tributary.Storage;

namespace Tributary.Host.Gateway;

/// <summary>Liveness and readiness for orchestrators and load balancers.</summary>
internal static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok"))
            .WithTags("Operations")
            .WithName("Health")
            .WithSummary("Liveness: the process is up")
            .WithDescription("Always 200 'ok' while the process serves requests.");

        app.MapGet("/readyz", ReadyAsync)
            .WithTags("Operations")
            .WithName("Ready")
            .WithSummary("Readiness: the store is reachable and at least one provider is enabled")
            .WithDescription("200 with the checks when ready, 503 with the failing check otherwise. Example: {\"store\":\"ok\",\"providers\":2}.");

        // HEAD answers as GET does, without the body (RFC 9110): some load balancers' health checks send HEAD.
        app.MapMethods("/healthz", [HttpMethods.Head], () => TypedResults.Text("ok")).ExcludeFromDescription();
        app.MapMethods("/readyz", [HttpMethods.Head], ReadyAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReadyAsync(IStoreHealth storeHealth, ProviderCatalog catalog, CancellationToken cancellationToken)
    {
        var enabled = catalog.Enabled.Count();
        var store = await storeHealth.CheckAsync(cancellationToken) ? "ok" : "unreachable";

        var ready = store == "ok" && enabled > 0;
        var checks = new Dictionary<string, object> { ["store"] = store, ["providers"] = enabled };
        return ready ? TypedResults.Ok(checks) : TypedResults.Json(checks, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
