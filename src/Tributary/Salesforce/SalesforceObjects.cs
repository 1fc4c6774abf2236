namespace Tributary.Host.Salesforce;

/// <summary>
/// The objects the client reads and writes, told apart by an id's key prefix (its first three characters): <c>003</c>
/// Contact, <c>00Q</c> Lead. An id with any other prefix, or not 15 or 18 letters and digits, has no object here: a
/// read reports it missing and a write fails it without a call.
/// </summary>
internal static class SalesforceObjects
{
    public const string Contact = "Contact";
    public const string Lead = "Lead";

    public static IReadOnlyList<string> All { get; } = [Contact, Lead];

    /// <summary>The object of <paramref name="id"/>, or null.</summary>
    public static string? OfId(string? id)
    {
        if (id is null || (id.Length != 15 && id.Length != 18) || !id.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return id.StartsWith("003", StringComparison.Ordinal) ? Contact
            : id.StartsWith("00Q", StringComparison.Ordinal) ? Lead
            : null;
    }

    /// <summary>The canonical name of a supported object (any case), or null.</summary>
    public static string? Canonical(string? objectType) =>
        All.FirstOrDefault(o => string.Equals(o, objectType, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether two ids name the same record: equal, or equal in their case-sensitive first fifteen characters.</summary>
    public static bool SameRecord(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal)
        || (a.Length >= 15 && b.Length >= 15 && a.AsSpan(0, 15).SequenceEqual(b.AsSpan(0, 15)));
}
