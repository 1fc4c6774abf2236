using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tributary.Simulators.HubSpot;

/// <summary>Reads HubSpot batch bodies; a body that is not the expected shape reads as null (HubSpot's 400).</summary>
internal static class HubSpotRequests
{
    public static async Task<JsonDocument?> ReadAsync(HttpContext context)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("inputs", out var inputs)
                && inputs.ValueKind == JsonValueKind.Array)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
            // Answered as HubSpot answers unreadable input: 400 VALIDATION_ERROR.
        }

        return null;
    }

    public static HubSpotReadRequest Read(JsonElement body) => new(
        Strings(body, "properties"),
        Strings(body, "propertiesWithHistory"),
        body.TryGetProperty("idProperty", out var idProperty) && idProperty.ValueKind == JsonValueKind.String ? idProperty.GetString() : null,
        [.. body.GetProperty("inputs").EnumerateArray().Select(input => Text(input, "id") ?? "")]);

    public static HubSpotUpdateRequest Update(JsonElement body) => new(
        [.. body.GetProperty("inputs").EnumerateArray().Select(input => new HubSpotContactWrite(Text(input, "id") ?? "", Properties(input)))]);

    private static Dictionary<string, string> Properties(JsonElement input)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.ValueKind == JsonValueKind.Object && input.TryGetProperty("properties", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in values.EnumerateObject())
            {
                properties[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Null => "",
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return properties;
    }

    private static List<string> Strings(JsonElement body, string name) =>
        body.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(static e => e.ValueKind == JsonValueKind.String).Select(static e => e.GetString()!)]
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
