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
    /// <exception cref="InvalidIdentifierException">The text is not a valid number for its country.</exception>
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

    private PhoneNumber? ParseValidNumber(string text)
    {
        try
        {
            var number = PhoneUtil.Parse(text, _defaultRegion);
            return PhoneUtil.IsPossibleNumber(number) && PhoneUtil.IsValidNumber(number) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
