namespace Tributary.Identifiers;

/// <summary>Options for identifier normalisation, bound from the <c>Identifiers</c> configuration section.</summary>
public sealed record IdentifierOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Identifiers";

    /// <summary>
    /// ISO 3166-1 alpha-2 region (<c>US</c>, <c>GB</c>, <c>DE</c>, …) used to read phone numbers typed without a
    /// country code, such as <c>(415) 555-2671</c>. Numbers written with <c>+</c> or an international prefix
    /// carry their own country code. Default: <c>US</c>.
    /// </summary>
    public string DefaultRegion { get; set; } = "US";
}
