using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PhoneNumbers;
using Tributary.Identifiers;

namespace Tributary.Privacy;

/// <summary>
/// Takes email addresses and phone numbers out of free text a caller wrote for the record (an audit purpose such as
/// "callback to jane@acme.com"): such text is kept after the subject is erased, so it must never hold their contact
/// details. Numbers are found as libphonenumber finds them in text, national ones read in the default region.
/// </summary>
public sealed partial class ContactDetailsInText(IOptions<IdentifierOptions> options)
{
    public const string EmailPlaceholder = "[email]";
    public const string PhonePlaceholder = "[phone]";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private readonly string _region = options.Value.DefaultRegion.Trim().ToUpperInvariant();

    /// <summary>The text with each email address and phone number replaced by a placeholder.</summary>
    public string Remove(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withoutEmails = EmailAddress().Replace(text, EmailPlaceholder);
        var numbers = Phones.FindNumbers(withoutEmails, _region, PhoneNumberUtil.Leniency.POSSIBLE, long.MaxValue).ToList();
        if (numbers.Count == 0)
        {
            return withoutEmails;
        }

        var result = new StringBuilder(withoutEmails.Length);
        var copied = 0;
        foreach (var number in numbers)
        {
            result.Append(withoutEmails, copied, number.Start - copied).Append(PhonePlaceholder);
            copied = number.Start + number.Length;
        }

        return result.Append(withoutEmails, copied, withoutEmails.Length - copied).ToString();
    }

    // Deliberately wide: anything shaped like local@domain.tld goes, valid address or not.
    [GeneratedRegex(@"[^\s@<>()\[\],;:""]+@[^\s@<>()\[\],;:""]+\.[^\s@<>()\[\],;:""]+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}
