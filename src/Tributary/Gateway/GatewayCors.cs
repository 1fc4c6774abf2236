using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Tributary.Host.Gateway;

/// <summary>
/// CORS for browser callers (an agent desktop widget calling <c>/v1/enrich</c>) from the origins in
/// <c>Gateway:CorsOrigins</c>, through ASP.NET Core's CORS middleware. Off when none are configured.
/// Credentials (cookies) are never allowed: callers present a gateway key in a header.
/// </summary>
internal static class GatewayCors
{
    public static IServiceCollection AddGatewayCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<GatewayOptions>().Validate(
            gateway => gateway.Origins.All(IsOrigin),
            "Gateway:CorsOrigins takes origins: scheme, host and optional port, such as https://agent.example.com.");
        return services;
    }

    /// <summary>Answers preflights and adds the headers; placed before the quota, so a preflight costs none of it.</summary>
    public static WebApplication UseGatewayCors(this WebApplication app)
    {
        var origins = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Origins;
        if (origins.Count > 0)
        {
            // The answer depends on the Origin (allowed or not, which one): a shared cache must not hand one caller's to
            // another. Registered first, so preflights the CORS middleware answers itself carry it too.
            app.Use(static (http, next) =>
            {
                http.Response.OnStarting(static state => VaryByOrigin((HttpResponse)state), http.Response);
                return next(http);
            });
            app.UseCors(policy => policy
                .WithOrigins([.. origins.Select(origin => origin.TrimEnd('/'))])
                .WithMethods("GET", "POST")
                .AllowAnyHeader()
                .WithExposedHeaders("Location", "Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
        }

        return app;
    }

    private static Task VaryByOrigin(HttpResponse response)
    {
        if (!response.Headers.Vary.Any(static v => v?.Contains("Origin", StringComparison.OrdinalIgnoreCase) == true))
        {
            response.Headers.Append(HeaderNames.Vary, "Origin");
        }

        return Task.CompletedTask;
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
