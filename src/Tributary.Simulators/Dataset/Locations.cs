namespace Tributary.Simulators.Dataset;

internal static class Locations
{
    public static readonly SampleLocation SanFrancisco = new("San Francisco", "California", "CA", "United States", "US",
        "North America", "America/Los_Angeles", -8, 37.7749, -122.4194, "94105", "+1415", 14);

    public static readonly IReadOnlyList<SampleLocation> All =
    [
        SanFrancisco,
        new("New York", "New York", "NY", "United States", "US", "North America", "America/New_York", -5, 40.7128, -74.0060, "10001", "+1212", 14),
        new("Chicago", "Illinois", "IL", "United States", "US", "North America", "America/Chicago", -6, 41.8781, -87.6298, "60601", "+1312", 7),
        new("Austin", "Texas", "TX", "United States", "US", "North America", "America/Chicago", -6, 30.2672, -97.7431, "78701", "+1512", 6),
        new("Seattle", "Washington", "WA", "United States", "US", "North America", "America/Los_Angeles", -8, 47.6062, -122.3321, "98101", "+1206", 6),
        new("Boston", "Massachusetts", "MA", "United States", "US", "North America", "America/New_York", -5, 42.3601, -71.0589, "02110", "+1617", 6),
        new("Denver", "Colorado", "CO", "United States", "US", "North America", "America/Denver", -7, 39.7392, -104.9903, "80202", "+1303", 4),
        new("Atlanta", "Georgia", "GA", "United States", "US", "North America", "America/New_York", -5, 33.7490, -84.3880, "30303", "+1404", 4),
        new("Los Angeles", "California", "CA", "United States", "US", "North America", "America/Los_Angeles", -8, 34.0522, -118.2437, "90012", "+1213", 6),
        new("Toronto", "Ontario", "ON", "Canada", "CA", "North America", "America/Toronto", -5, 43.6532, -79.3832, "M5H 2N2", "+1416", 5),
        new("London", "England", "ENG", "United Kingdom", "GB", "Europe", "Europe/London", 0, 51.5074, -0.1278, "EC2A 4BX", "+44207", 8),
        new("Berlin", "Berlin", "BE", "Germany", "DE", "Europe", "Europe/Berlin", 1, 52.5200, 13.4050, "10115", "+49302", 4),
        new("Paris", "Île-de-France", "IDF", "France", "FR", "Europe", "Europe/Paris", 1, 48.8566, 2.3522, "75002", "+3314", 4),
        new("Amsterdam", "North Holland", "NH", "Netherlands", "NL", "Europe", "Europe/Amsterdam", 1, 52.3676, 4.9041, "1012 AB", "+3120", 3),
        new("Dublin", "Leinster", "L", "Ireland", "IE", "Europe", "Europe/Dublin", 0, 53.3498, -6.2603, "D02 X285", "+3531", 2),
        new("Stockholm", "Stockholm County", "AB", "Sweden", "SE", "Europe", "Europe/Stockholm", 1, 59.3293, 18.0686, "111 57", "+468", 2),
        new("Sydney", "New South Wales", "NSW", "Australia", "AU", "Oceania", "Australia/Sydney", 10, -33.8688, 151.2093, "2000", "+6129", 3),
        new("Singapore", "Singapore", "SG", "Singapore", "SG", "Asia", "Asia/Singapore", 8, 1.3521, 103.8198, "048616", "+656", 2),
    ];
}
