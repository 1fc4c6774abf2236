using System.Text.Json;
using Tributary.Identifiers;
using Tributary.Privacy;

namespace Tributary.Host.ContactCenter;

/// <summary>
/// A caller's profile waiting to be written to Genesys External Contacts. Staged under a keyed hash of the phone, so
/// updates for one caller within <c>Genesys:ExternalContacts:CoalesceSeconds</c> replace each other: the last wins.
/// </summary>
internal sealed record ContactUpdate(string Phone, string? FirstName, string? LastName, string? Title, string? Email)
{
    /// <summary>The staging source of external-contact updates.</summary>
    public const string Source = "genesys-contact";

    /// <summary>
    /// The hash a caller's log lines carry: the engine's subject hash of a lookup by this E.164 number alone, so the
    /// contact-center and engine lines of one caller correlate, whatever form the number came in.
    /// </summary>
    public static string SubjectHash(IdentifierHasher hasher, string e164)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        return hasher.Hash(new IdentifierSet { Phone = e164 }.CanonicalKey());
    }

    /// <summary>
    /// The update of a caller whose profile has these values (empty or null when unknown). A full name alone is split
    /// as everywhere else (<see cref="PersonName"/>: the last word is the last name, one word is a first name), since
    /// External Contacts keep only first and last names; a part a provider gave is kept as it is.
    /// </summary>
    public static ContactUpdate Of(string phone, string? fullName, string? firstName, string? lastName, string? title, string? email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        PersonName name;
        try
        {
            name = PersonName.From(fullName, firstName, lastName);
        }
        catch (InvalidIdentifierException)
        {
            // Control characters or pasted junk in the full name: the parts as given, nothing derived from it.
            name = new PersonName(Blank(firstName), Blank(lastName), null);
        }

        return new ContactUpdate(phone, name.First, name.Last, Blank(title), Blank(email));
    }

    public string ToJson() => JsonSerializer.Serialize(this, ContactCenterJsonContext.Default.ContactUpdate);

    public static ContactUpdate? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ContactCenterJsonContext.Default.ContactUpdate);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
