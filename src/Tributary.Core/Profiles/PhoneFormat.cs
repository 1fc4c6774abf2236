using PhoneNumbers;

namespace Tributary.Profiles;

/// <summary>
/// Provider phone numbers in E.164, so "(415) 222-0123" from one provider and "+14152220123" from another are the
/// same value. Numbers that do not parse pass through unchanged rather than being lost.
/// </summary>
public static class PhoneFormat
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <param name="phone">The number as the provider wrote it.</param>
    /// <param name="countryCode">ISO country of the person or company, used for national formats; US when unknown.</param>
    public static string? ToE164(string? phone, string? countryCode = null)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        try
        {
            var region = countryCode is { Length: 2 } ? countryCode.ToUpperInvariant() : "US";
            var parsed = Util.Parse(phone, region);
            return Util.IsValidNumber(parsed) ? Util.Format(parsed, PhoneNumberFormat.E164) : phone.Trim();
        }
        catch (NumberParseException)
        {
            return phone.Trim();
        }
    }
}
