using System.Globalization;

namespace Tributary.Connectors;

/// <summary>Lenient reading of response headers: providers send numbers in several shapes.</summary>
internal static class HeaderValues
{
    public static string? First(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues.FirstOrDefault()
        : null;

    public static long? Long(HttpResponseMessage response, string name) =>
        double.TryParse(First(response, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (long)value : null;
}
