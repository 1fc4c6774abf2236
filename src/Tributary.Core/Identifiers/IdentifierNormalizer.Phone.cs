using PhoneNumbers;

namespace Tributary.Identifiers;

internal sealed partial class IdentifierNormalizer
{
    // A thread-safe singleton holding the parsed numbering metadata; fetched once, off the hot path.
    private static readonly PhoneNumberUtil PhoneUtil = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Normalises a phone number to E.164 (<c>+14155552671</c>). Formatting characters, a <c>+</c>, a <c>00</c>
    /// or the default region's own international prefix (<c>011</c> in the US) and extensions are accepted;
    /// the extension is dropped because providers match the line, not the desk. A number without a country
    /// code is read as a number of <see cref="IdentifierOptions.DefaultRegion"/>. A <c>tel:</c> or <c>sip:</c> address
    /// gives its number.
    /// </summary>
    /// <exception cref="InvalidIdentifierException">The text is not a number of a possible length for its country.</exception>
    public string NormalizePhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);

        phone = TelephoneUri.Number(phone);
        var number = ParseValidNumber(phone);
        if (number is null)
        {
            // "00" is the international prefix in most of the world but not everywhere (the US dials 011,
            // Australia 0011), so it is read as "+" only after the default region's own reading failed.
            var text = phone.AsSpan().TrimStart();
            if (text.StartsWith("00", StringComparison.Ordinal))
            {
                number = ParseValidNumber(string.Concat("+", text[2..]));
            }
        }

        return number is null
            ? throw new InvalidIdentifierException(
                IdentifierField.Phone,
                $"The phone number is not a valid number; numbers without a country code are read as {_defaultRegion} numbers.")
            : PhoneUtil.Format(number, PhoneNumberFormat.E164);
    }

    /// <summary>
    /// How free text may spell a normalised (E.164) number besides E.164: its national digits (<c>4155552671</c>, which
    /// also finds <c>14155552671</c> and <c>+1 4155552671</c>), and its national and international formats
    /// (<c>(415) 555-2671</c>, <c>+1 415-555-2671</c>). National digits shorter than seven are left out: too short to
    /// name one line. Empty when the text is not a number.
    /// </summary>
    public static IReadOnlyList<string> PhoneSpellings(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        PhoneNumber number;
        try
        {
            number = PhoneUtil.Parse(e164, null);
        }
        catch (NumberParseException)
        {
            return [];
        }

        var spellings = new List<string> { PhoneUtil.Format(number, PhoneNumberFormat.NATIONAL), PhoneUtil.Format(number, PhoneNumberFormat.INTERNATIONAL) };
        var digits = PhoneUtil.GetNationalSignificantNumber(number);
        if (digits.Length >= 7)
        {
            spellings.Add(digits);
        }

        return [.. spellings.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// <paramref name="phone"/> in E.164, or null when it is blank or not a valid number (an anonymous or withheld
    /// caller, a SIP user name, a free-text CRM field): for values that may or may not be a phone.
    /// </summary>
    public string? TryNormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        try
        {
            return NormalizePhone(phone);
        }
        catch (InvalidIdentifierException)
        {
            return null;
        }
    }

    private PhoneNumber? ParseValidNumber(string text)
    {
        try
        {
            var number = PhoneUtil.Parse(text, _defaultRegion);
            // A whole number of its country's length (not a local one), not one "valid" by the metadata: its list of
            // assigned ranges lags behind new ranges and leaves out test ranges (555, Ofcom's) that callers still use.
            return PhoneUtil.IsPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
