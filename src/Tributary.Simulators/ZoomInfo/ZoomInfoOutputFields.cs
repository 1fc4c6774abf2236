using System.Text.Json;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>
/// The <c>outputFields</c> of an enrich request. Honoured loosely, as the brief for the simulator
/// says: names match case-insensitively, unknown names are ignored, and <c>id</c> always comes back.
/// </summary>
internal sealed class ZoomInfoOutputFields
{
    private readonly HashSet<string> _names;

    private ZoomInfoOutputFields(List<string> requested)
    {
        Requested = requested;
        _names = new HashSet<string>(requested, StringComparer.OrdinalIgnoreCase) { "id" };
        WantsCompany = requested.Exists(static n => n.StartsWith("company", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>As the client sent them, echoed lower-cased in <c>data.outputFields</c>.</summary>
    public IReadOnlyList<string> Requested { get; }

    /// <summary>Any companyXxx field brings the whole nested <c>company</c> object along.</summary>
    public bool WantsCompany { get; }

    /// <summary>Null when the request has no usable <c>outputFields</c> array.</summary>
    public static ZoomInfoOutputFields? From(JsonElement root)
    {
        if (!TryGetProperty(root, "outputFields", out var fields) || fields.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var names = fields.EnumerateArray()
            .Where(static f => f.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(f.GetString()))
            .Select(static f => f.GetString()!)
            .ToList();
        return names.Count == 0 ? null : new ZoomInfoOutputFields(names);
    }

    public bool Wants(string name) => _names.Contains(name);

    internal static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}
