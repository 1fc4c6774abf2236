namespace Tributary.Simulators.Dataset;

/// <summary>
/// A city of the sample world. Phone numbers are <see cref="PhonePrefix"/> + a three-digit block
/// + a four-digit line, which libphonenumber accepts as valid for every city listed.
/// </summary>
internal sealed record SampleLocation(
    string City,
    string State,
    string StateCode,
    string Country,
    string CountryCode,
    string Continent,
    string TimeZone,
    int UtcOffset,
    double Latitude,
    double Longitude,
    string PostalCode,
    string PhonePrefix,
    int Weight)
{
    /// <summary>North American numbers get the "(415) 222-0123" national format some providers use.</summary>
    public bool IsNorthAmerican => PhonePrefix.StartsWith("+1", StringComparison.Ordinal);
}
