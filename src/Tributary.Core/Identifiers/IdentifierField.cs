namespace Tributary.Identifiers;

/// <summary>
/// Request field names reported by <see cref="InvalidIdentifierException.Field"/>, spelled as the HTTP request
/// spells them so an error can point at the field the caller sent.
/// </summary>
public static class IdentifierField
{
    /// <summary>The email address.</summary>
    public const string Email = "email";

    /// <summary>The phone number.</summary>
    public const string Phone = "phone";

    /// <summary>The company domain or website.</summary>
    public const string Domain = "domain";

    /// <summary>The LinkedIn profile or company page URL.</summary>
    public const string LinkedInUrl = "linkedinUrl";

    /// <summary>The person's name: full, first or last.</summary>
    public const string Name = "name";

    /// <summary>The company name.</summary>
    public const string Company = "company";
}
