using Tributary.Host.HttpApi;

namespace Tributary.Host.AgentDesktop;

/// <summary>
/// <c>/widget</c>: the agent-desktop page and its script and style, embedded in the assembly. The page holds no data, so
/// it is served without a gateway key; its calls to <c>/v1</c> carry the key from the URL fragment.
/// </summary>
internal static class WidgetEndpoints
{
    public static IEndpointRouteBuilder MapWidget(this IEndpointRouteBuilder app) =>
        app.MapEmbeddedPages(
            "Tributary.Host.AgentDesktop.Widget",
            ("/widget", "widget.html", "text/html; charset=utf-8"),
            ("/widget/widget.js", "widget.js", "text/javascript; charset=utf-8"),
            ("/widget/widget.css", "widget.css", "text/css; charset=utf-8"));
}
