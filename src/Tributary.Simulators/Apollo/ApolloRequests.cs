using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tributary.Simulators.Apollo;

/// <summary>Reads Apollo request bodies and parameters leniently: strings or numbers, blanks as absent.</summary>
internal static class ApolloRequests
{
    /// <summary>The JSON body, or null when there is none or it is not an object.</summary>
    public static async Task<JsonDocument?> ReadJsonAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType() && context.Request.ContentLength is null or 0)
        {
            return null;
        }

        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
            // An unreadable body reads as no body, as a missing parameter would.
        }

        return null;
    }

    /// <summary>The entries of a non-empty <c>details</c> array, or null.</summary>
    public static List<JsonElement>? Details(JsonDocument? body) =>
        body is not null && body.RootElement.TryGetProperty("details", out var details)
            && details.ValueKind == JsonValueKind.Array && details.GetArrayLength() > 0
            ? [.. details.EnumerateArray()]
            : null;

    public static IEnumerable<string> Domains(HttpRequest request, JsonDocument? body)
    {
        var query = request.Query["domains[]"].Concat(request.Query["domains"]).Select(Text).OfType<string>().ToList();
        if (query.Count > 0 || body is null || !body.RootElement.TryGetProperty("domains", out var domains) || domains.ValueKind != JsonValueKind.Array)
        {
            return query;
        }

        return domains.EnumerateArray().Select(d => d.ValueKind == JsonValueKind.String ? Text(d.GetString()) : null).OfType<string>();
    }

    public static string? Read(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } value || !value.TryGetProperty(name, out var property))
        {
            return null;
        }

        return property.ValueKind switch
        {
            JsonValueKind.String => Text(property.GetString()),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.GetRawText(),
            _ => null,
        };
    }

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
