namespace Tributary.Simulators;

/// <summary>
/// Identifiers of the sample dataset that documentation, tests and the sandbox can rely on.
/// Jane Doe is known to every simulator with every field; <see cref="UnknownEmail"/> to none.
/// </summary>
public static class SampleIdentifiers
{
    public const string JaneDoeEmail = "jane.doe@acme.com";
    public const string JaneDoePhone = "+14152220123";
    public const string JaneDoeFirstName = "Jane";
    public const string JaneDoeLastName = "Doe";
    public const string JaneDoeTitle = "VP of Engineering";
    public const string JaneDoeLinkedInSlug = "janedoe";
    public const string JaneDoeLinkedInUrl = "linkedin.com/in/janedoe";
    public const long JaneDoeZoomInfoId = 1_000_000_003;
    public const string AcmeName = "Acme Inc";
    public const string AcmeDomain = "acme.com";
    public const long AcmeZoomInfoId = 300_000_011;

    /// <summary>An address no simulator knows: every lookup of it is a no-match.</summary>
    public const string UnknownEmail = "nobody@unknown-company.com";

    /// <summary>Hunter answers 451 (the person asked not to be processed) for this address.</summary>
    public const string OptedOutEmail = "optout@acme.com";
}
