using System.Reflection;

namespace Tributary.Host.AgentDesktop;

/// <summary>
/// <c>/widget</c>: the agent-desktop page and its script and style, embedded in the assembly (no CDN). The page holds no
/// data, so it is served without a gateway key; its calls to <c>/v1</c> carry the key from the URL fragment. The
/// content security policy lets it load and call nothing but this gateway.
/// </summary>
internal static class WidgetEndpoints
{
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/widget", "widget.html", "text/html; charset=utf-8"),
        ("/widget/widget.js", "widget.js", "text/javascript; charset=utf-8"),
        ("/widget/widget.css", "widget.css", "text/css; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapWidget(this IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Assets)
        {
            var bytes = Read(resource);
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
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Tributary.Host.AgentDesktop.Widget.{name}")
            ?? throw new InvalidOperationException($"The widget asset {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
