namespace Tributary.Privacy;

/// <summary>Reads a field name as words (camelCase, snake_case, kebab-case, spaces) to tell what it names.</summary>
internal static class FieldNames
{
    /// <summary>
    /// A name with the word <c>ssn</c> or the words <c>social security</c>: <c>ssn</c>, <c>SSN</c>, <c>customer_ssn</c>,
    /// <c>ssnLast4</c>, <c>socialSecurityNumber</c>; not <c>businessName</c>, whose letters merely contain "ssn".
    /// </summary>
    public static bool IsSsn(string name)
    {
        var previous = "";
        foreach (var word in Words(name))
        {
            if (word.Equals("ssn", StringComparison.OrdinalIgnoreCase)
                || (previous.Equals("social", StringComparison.OrdinalIgnoreCase) && word.Equals("security", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            previous = word;
        }

        return false;
    }

    private static IEnumerable<string> Words(string name)
    {
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : ' ';
            var boundary = !char.IsLetter(c)
                || (start >= 0 && char.IsUpper(c) && i > start && char.IsLower(name[i - 1]));
            if (boundary && start >= 0)
            {
                yield return name[start..i];
                start = -1;
            }

            if (char.IsLetter(c) && start < 0)
            {
                start = i;
            }
        }
    }
}
