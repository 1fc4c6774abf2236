using System.Buffers;

namespace Tributary.Identifiers;

internal sealed partial class IdentifierNormalizer
{
    private const int MaxEmailLength = 254;
    private const int MaxLocalPartLength = 64;

    // RFC 5322 atext plus the dot; any non-ASCII letter is allowed too (RFC 6531 internationalised mailboxes).
    private static readonly SearchValues<char> LocalPartAscii =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.");

    /// <summary>
    /// Normalises an email address: trimmed (of white space and invisible format characters such as a byte-order mark
    /// or a zero-width space), lower-cased, its domain in punycode without a trailing dot. Only a plain address is
    /// accepted; display names, angle brackets, quoted local parts and format characters inside are rejected.
    /// </summary>
    /// <remarks>
    /// Plus-tags (<c>jo+news@</c>) and Gmail's ignored dots are deliberately kept. Whether they reach the same
    /// mailbox is each mail provider's rule, and enrichment providers key their records on the address as
    /// given; stripping them would merge people whose providers treat the variants as distinct addresses.
    /// </remarks>
    /// <exception cref="InvalidIdentifierException">The text is not a valid address.</exception>
    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);

        var text = InvisibleCharacters.Trim(email);
        if (text.Length > MaxEmailLength + 1)
        {
            // One over the limit is still allowed here: a trailing root dot on the domain is dropped below.
            throw InvalidEmail("is longer than 254 characters");
        }

        var at = text.IndexOf('@');
        if (at < 0 || text[(at + 1)..].Contains('@'))
        {
            throw InvalidEmail("must contain exactly one '@'");
        }

        var localPart = text[..at];
        if (!IsValidLocalPart(localPart))
        {
            throw InvalidEmail("has an empty or malformed part before the '@'");
        }

        var domain = HostName.Normalize(text[(at + 1)..])
            ?? throw InvalidEmail("has an empty or malformed domain after the '@'");

        if (localPart.Length + 1 + domain.Length > MaxEmailLength)
        {
            throw InvalidEmail("is longer than 254 characters");
        }

        Span<char> lowerLocalPart = stackalloc char[localPart.Length];
        localPart.ToLowerInvariant(lowerLocalPart);
        return string.Concat(lowerLocalPart, "@", domain);
    }

    // Dot-atom only. Quoted local parts ("a b"@x) are legal but so rare in contact data that accepting them
    // would let through far more pasted junk than real addresses.
    private static bool IsValidLocalPart(ReadOnlySpan<char> localPart)
    {
        if (localPart.IsEmpty
            || localPart.Length > MaxLocalPartLength
            || localPart[0] == '.'
            || localPart[^1] == '.'
            || localPart.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in localPart)
        {
            var allowed = char.IsAscii(c) ? LocalPartAscii.Contains(c) : !char.IsWhiteSpace(c) && !char.IsControl(c) && !InvisibleCharacters.IsFormat(c);
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static InvalidIdentifierException InvalidEmail(string problem) =>
        new(IdentifierField.Email, $"The email address {problem}.");
}
