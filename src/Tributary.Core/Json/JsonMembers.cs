using System.Text.Json;

namespace Tributary.Json;

/// <summary>
/// Reading a member of a JSON object liberally: the exact name first (the documented spelling, and the cheap path),
/// then the same name in any case, since some APIs echo keys lower-cased or re-cased.
/// </summary>
internal static class JsonMembers
{
    /// <summary>The member called <paramref name="name"/> in any case, or null when there is none or the element is not an object.</summary>
    public static JsonElement? Member(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
