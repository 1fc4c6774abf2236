using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tributary.Simulators.Infrastructure;

/// <summary>
/// The simulator's own API, beside the provider's: <c>GET|POST|DELETE /__sim/faults</c> and
/// <c>GET|DELETE /__sim/calls</c> (requests by path), <c>GET /__sim/statuses</c> (answers by status code, e.g. how many
/// were 429). POST replaces the whole fault set; omitted properties are off.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/__sim";

    public static void Map(IEndpointRouteBuilder endpoints, SimulatorFaults faults, SimulatorCallCounter calls, SimulatorCallCounter statuses)
    {
        var group = endpoints.MapGroup(Prefix);
        group.MapGet("/faults", context => WriteFaultsAsync(context, faults.Current));
        group.MapPost("/faults", context => ApplyFaultsAsync(context, faults));
        group.MapDelete("/faults", context =>
        {
            faults.Reset();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        group.MapGet("/calls", context => JsonResponse.WriteAsync(context, StatusCodes.Status200OK, calls.Snapshot(), WriteCalls));
        group.MapGet("/statuses", context => JsonResponse.WriteAsync(context, StatusCodes.Status200OK, statuses.Snapshot(), WriteCalls));
        group.MapDelete("/calls", context =>
        {
            calls.Reset();
            statuses.Reset();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
    }

    private static async Task ApplyFaultsAsync(HttpContext context, SimulatorFaults faults)
    {
        FaultSettings? settings;
        try
        {
            settings = await JsonSerializer.DeserializeAsync(context.Request.Body, SimulatorJsonContext.Default.FaultSettings, context.RequestAborted);
            faults.Apply(settings ?? FaultSettings.None);
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

        await WriteFaultsAsync(context, faults.Current);
    }

    private static Task WriteFaultsAsync(HttpContext context, FaultSettings settings) =>
        context.Response.WriteAsJsonAsync(settings, SimulatorJsonContext.Default.FaultSettings, JsonResponse.ContentType, context.RequestAborted);

    private static void WriteCalls(Utf8JsonWriter writer, IReadOnlyDictionary<string, int> calls)
    {
        writer.WriteStartObject();
        foreach (var (path, count) in calls.OrderBy(static c => c.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(path, count);
        }

        writer.WriteEndObject();
    }
}
