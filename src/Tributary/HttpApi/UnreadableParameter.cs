using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;

namespace Tributary.Host.HttpApi;

/// <summary>
/// Which query or route value the framework could not bind (<c>maxBytes=abc</c>): it answers 400 before the endpoint
/// runs and says nothing of which, so the problem names it by reading the endpoint's parameters the same way.
/// </summary>
internal static class UnreadableParameter
{
    /// <summary>The first parameter given a value that does not read as its type, with that type's plain name; null when none is found.</summary>
    public static (string Name, string Kind)? Find(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() is not { Count: > 0 } parameters)
        {
            return null;
        }

        foreach (var parameter in parameters)
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            if (KindOf(type) is not { } kind)
            {
                continue;
            }

            if (http.Request.RouteValues.TryGetValue(parameter.Name, out var routeValue) && routeValue is string route && !Reads(type, route))
            {
                return (parameter.Name, kind);
            }

            if (http.Request.Query.TryGetValue(parameter.Name, out var values) && (values.Count > 1 || !Reads(type, values.ToString())))
            {
                return (parameter.Name, kind);
            }
        }

        return null;
    }

    private static string? KindOf(Type type) =>
        type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(double) ? "a number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(Guid) ? "an id"
        : null;

    private static bool Reads(Type type, string value) =>
        type == typeof(int) ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(double) ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        : type == typeof(bool) ? bool.TryParse(value, out _)
        : !(type == typeof(Guid)) || Guid.TryParse(value, out _);
}
