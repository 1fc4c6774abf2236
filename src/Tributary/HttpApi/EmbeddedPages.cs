using System.Reflection;

namespace Tributary.Host.HttpApi;

/// <summary>
/// Pages the gateway serves from its own assembly (the dashboard, the agent-desktop widget): no CDN, a content
/// security policy that lets them load and call nothing but this gateway, no sniffing, revalidated on every load.
/// </summary>
internal static class EmbeddedPages
{
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>Maps each path to the embedded resource <c>{resourcePrefix}.{file}</c>, read once at start.</summary>
    public static IEndpointRouteBuilder MapEmbeddedPages(this IEndpointRouteBuilder app, string resourcePrefix, params (string Path, string File, string ContentType)[] pages)
    {
        foreach (var (path, file, contentType) in pages)
        {
            var bytes = Read($"{resourcePrefix}.{file}");
            app.MapGet(path, (HttpContext http) =>
            {
                http.Response.Headers.ContentSecurityPolicy = Policy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "no-cache";
                return TypedResults.Bytes(bytes, contentType);
            }).ExcludeFromDescription();
        }

        return app;
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The page asset {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
