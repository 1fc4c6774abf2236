namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>
/// PDL's <c>required</c> parameter: field names joined with AND / OR and grouped with parentheses,
/// e.g. <c>emails AND (phone_numbers OR profiles)</c>. A record that does not satisfy it is a 404.
/// </summary>
internal static class PdlRequired
{
    /// <summary>True when the expression is empty or holds; throws <see cref="FormatException"/> when it does not parse.</summary>
    public static bool IsSatisfied(string? expression, Func<string, bool> has)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return true;
        }

        var tokens = expression.Replace("(", " ( ", StringComparison.Ordinal).Replace(")", " ) ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var position = 0;
        var result = Or(tokens, ref position, has);
        return position == tokens.Length ? result : throw new FormatException($"Unexpected '{tokens[position]}' in required.");
    }

    private static bool Or(string[] tokens, ref int position, Func<string, bool> has)
    {
        var result = And(tokens, ref position, has);
        while (position < tokens.Length && tokens[position].Equals("OR", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            result |= And(tokens, ref position, has);
        }

        return result;
    }

    private static bool And(string[] tokens, ref int position, Func<string, bool> has)
    {
        var result = Atom(tokens, ref position, has);
        while (position < tokens.Length && tokens[position].Equals("AND", StringComparison.OrdinalIgnoreCase))
        {
            position++;
            result &= Atom(tokens, ref position, has);
        }

        return result;
    }

    private static bool Atom(string[] tokens, ref int position, Func<string, bool> has)
    {
        if (position >= tokens.Length)
        {
            throw new FormatException("required ends too early.");
        }

        var token = tokens[position++];
        if (token != "(")
        {
            return token is not (")" or "AND" or "OR") ? has(token.ToLowerInvariant()) : throw new FormatException($"Unexpected '{token}' in required.");
        }

        var inner = Or(tokens, ref position, has);
        if (position >= tokens.Length || tokens[position++] != ")")
        {
            throw new FormatException("Unbalanced parentheses in required.");
        }

        return inner;
    }
}
