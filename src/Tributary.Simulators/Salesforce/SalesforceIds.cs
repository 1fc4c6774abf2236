namespace Tributary.Simulators.Salesforce;

/// <summary>
/// Salesforce record ids: a three-character key prefix naming the object (<c>003</c> Contact, <c>00Q</c> Lead), twelve
/// base-62 characters, and, in the 18-character form, three characters that encode which of the first fifteen are upper
/// case, so the id survives case-insensitive systems. Both forms name the same record.
/// </summary>
internal static class SalesforceIds
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>The <paramref name="number"/>th id of an object: prefix, a fixed pod part, the number in base 62, the suffix.</summary>
    public static string Create(string prefix, long number)
    {
        Span<char> digits = stackalloc char[7];
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = Base62[(int)(number % 62)];
            number /= 62;
        }

        return To18(prefix + "5e" + "000" + new string(digits));
    }

    /// <summary>The 18-character form of a well-formed id (15 or 18 alphanumerics), or null.</summary>
    public static string? Normalize(string? id)
    {
        if (id is null || (id.Length != 15 && id.Length != 18) || !id.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        // An 18-character id is matched through its case-sensitive first fifteen, as Salesforce does.
        return To18(id[..15]);
    }

    private static string To18(string id15)
    {
        Span<char> suffix = stackalloc char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id15[(chunk * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            suffix[chunk] = SuffixAlphabet[bits];
        }

        return id15 + new string(suffix);
    }
}
