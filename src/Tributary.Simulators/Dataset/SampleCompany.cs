namespace Tributary.Simulators.Dataset;

/// <summary>A company of the sample world, with the identifiers each provider knows it by.</summary>
internal sealed record SampleCompany
{
    public required int Index { get; init; }

    /// <summary>Display name, e.g. "Blue Harbor Systems".</summary>
    public required string Name { get; init; }

    /// <summary>Primary domain, e.g. "blueharbor.io".</summary>
    public required string Domain { get; init; }

    public required IndustryProfile Industry { get; init; }

    public required int Employees { get; init; }

    /// <summary>Revenue band as Clearbit and PDL print it, e.g. "$50M-$100M".</summary>
    public required string RevenueRange { get; init; }

    /// <summary>A point estimate inside <see cref="RevenueRange"/>, in US dollars.</summary>
    public required long EstimatedRevenue { get; init; }

    public required int FoundedYear { get; init; }

    public required SampleLocation Location { get; init; }

    public required string StreetNumber { get; init; }

    public required string StreetName { get; init; }

    /// <summary>Head-office phone in E.164.</summary>
    public required string Phone { get; init; }

    public required IReadOnlyList<string> Tech { get; init; }

    public required IReadOnlyList<string> IntentTopics { get; init; }

    /// <summary>The LinkedIn company slug: linkedin.com/company/{slug}.</summary>
    public required string LinkedInSlug { get; init; }

    /// <summary>Hunter-style address pattern, e.g. "{first}.{last}".</summary>
    public required string EmailPattern { get; init; }

    public required string Description { get; init; }

    /// <summary>Null for private companies.</summary>
    public string? Ticker { get; init; }

    public required long ZoomInfoId { get; init; }

    public required string PdlId { get; init; }

    public required string ApolloId { get; init; }

    public required string ClearbitId { get; init; }

    public string StreetAddress => StreetNumber + " " + StreetName;
}
