using System.Text.Json;
using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.Clearbit;

/// <summary>Clearbit's <c>geo</c> object; every key present, null when the location is unknown.</summary>
internal static class ClearbitGeoJson
{
    public static void WriteCity(Utf8JsonWriter writer, string name, SampleLocation? location)
    {
        writer.WriteStartObject(name);
        WriteCityFields(writer, location);
        writer.WriteEndObject();
    }

    public static void WriteCityFields(Utf8JsonWriter writer, SampleLocation? location)
    {
        writer.WriteString("city", location?.City);
        writer.WriteString("state", location?.State);
        writer.WriteString("stateCode", location?.StateCode);
        writer.WriteString("country", location?.Country);
        writer.WriteString("countryCode", location?.CountryCode);
        if (location is null)
        {
            writer.WriteNull("lat");
            writer.WriteNull("lng");
        }
        else
        {
            writer.WriteNumber("lat", location.Latitude);
            writer.WriteNumber("lng", location.Longitude);
        }
    }
}
