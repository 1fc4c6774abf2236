namespace Tributary.Simulators.Dataset;

/// <summary>The ways providers print the dataset's E.164 numbers.</summary>
internal static class PhoneFormats
{
    /// <summary>"+1 415-222-0123" (Clearbit, Apollo); other countries stay E.164.</summary>
    public static string International(string e164) =>
        IsNorthAmerican(e164) ? $"+1 {e164[2..5]}-{e164[5..8]}-{e164[8..]}" : e164;

    /// <summary>"(415) 222-0123" (ZoomInfo); other countries stay E.164.</summary>
    public static string National(string e164) =>
        IsNorthAmerican(e164) ? $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}" : e164;

    private static bool IsNorthAmerican(string e164) => e164.Length == 12 && e164.StartsWith("+1", StringComparison.Ordinal);
}
