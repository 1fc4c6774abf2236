namespace Tributary.Simulators.Infrastructure;

/// <summary>The light syntax check providers apply before looking an address up.</summary>
internal static class EmailSyntax
{
    /// <summary>One '@', a non-empty local part, a dotted domain with a two-letter-or-longer TLD, no spaces.</summary>
    public static bool IsWellFormed(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || email.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var domain = email.AsSpan(at + 1);
        var dot = domain.LastIndexOf('.');
        return dot > 0 && domain.Length - dot - 1 >= 2 && !domain.Contains("..", StringComparison.Ordinal);
    }

    public static string LocalPart(string email) => email[..email.IndexOf('@', StringComparison.Ordinal)];

    public static string Domain(string email) => email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..];
}
