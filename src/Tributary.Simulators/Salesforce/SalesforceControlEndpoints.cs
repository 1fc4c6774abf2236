using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Salesforce;

/// <summary>
/// <c>GET|POST|DELETE /__sim/salesforce/faults</c>: Salesforce's own faults, beside the shared <c>/__sim/faults</c>.
/// POST replaces the whole set; omitted properties are off.
/// </summary>
internal static class SalesforceControlEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, SalesforceFaults faults)
    {
        var group = endpoints.MapGroup(ControlEndpoints.Prefix + "/salesforce");
        group.MapGet("/faults", context => WriteAsync(context, faults.Current));
        group.MapPost("/faults", async context =>
        {
            try
            {
                var settings = await JsonSerializer.DeserializeAsync(context.Request.Body, SalesforceJsonContext.Default.SalesforceFaultSettings, context.RequestAborted);
                faults.Apply(settings ?? SalesforceFaultSettings.None);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                await JsonResponse.WriteAsync(context, StatusCodes.Status400BadRequest, ex.Message, static (w, message) =>
                {
                    w.WriteStartObject();
                    w.WriteString("error", message);
                    w.WriteEndObject();
                });
                return;
            }

            await WriteAsync(context, faults.Current);
        });
        group.MapDelete("/faults", context =>
        {
            faults.Reset();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
    }

    private static Task WriteAsync(HttpContext context, SalesforceFaultSettings settings) =>
        context.Response.WriteAsJsonAsync(settings, SalesforceJsonContext.Default.SalesforceFaultSettings, JsonResponse.ContentType, context.RequestAborted);
}
