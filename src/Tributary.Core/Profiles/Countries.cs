using System.Collections.Frozen;

namespace Tributary.Profiles;

/// <summary>
/// Countries as ISO 3166 alpha-2 codes, whatever the provider sent (ZoomInfo says "United States", Clearbit "US"),
/// so the same country from two providers merges as one value. Unknown names pass through unchanged.
/// </summary>
public static class Countries
{
    private static readonly FrozenDictionary<string, string> ByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["united states"] = "US", ["united states of america"] = "US", ["usa"] = "US", ["u.s."] = "US",
        ["united kingdom"] = "GB", ["uk"] = "GB", ["great britain"] = "GB", ["england"] = "GB",
        ["canada"] = "CA", ["mexico"] = "MX", ["brazil"] = "BR", ["argentina"] = "AR", ["chile"] = "CL", ["colombia"] = "CO",
        ["germany"] = "DE", ["france"] = "FR", ["spain"] = "ES", ["italy"] = "IT", ["portugal"] = "PT", ["netherlands"] = "NL",
        ["belgium"] = "BE", ["switzerland"] = "CH", ["austria"] = "AT", ["ireland"] = "IE", ["sweden"] = "SE", ["norway"] = "NO",
        ["denmark"] = "DK", ["finland"] = "FI", ["poland"] = "PL", ["czech republic"] = "CZ", ["czechia"] = "CZ", ["greece"] = "GR",
        ["romania"] = "RO", ["hungary"] = "HU", ["ukraine"] = "UA", ["turkey"] = "TR", ["israel"] = "IL", ["russia"] = "RU",
        ["india"] = "IN", ["china"] = "CN", ["japan"] = "JP", ["south korea"] = "KR", ["korea"] = "KR", ["singapore"] = "SG",
        ["hong kong"] = "HK", ["taiwan"] = "TW", ["australia"] = "AU", ["new zealand"] = "NZ", ["indonesia"] = "ID",
        ["philippines"] = "PH", ["vietnam"] = "VN", ["thailand"] = "TH", ["malaysia"] = "MY", ["pakistan"] = "PK",
        ["united arab emirates"] = "AE", ["uae"] = "AE", ["saudi arabia"] = "SA", ["egypt"] = "EG", ["nigeria"] = "NG",
        ["kenya"] = "KE", ["south africa"] = "ZA", ["morocco"] = "MA",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static string? ToCode(string? country)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return null;
        }

        var trimmed = country.Trim();
        return trimmed.Length == 2 ? trimmed.ToUpperInvariant() : ByName.GetValueOrDefault(trimmed, trimmed);
    }
}
