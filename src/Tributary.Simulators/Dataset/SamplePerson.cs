namespace Tributary.Simulators.Dataset;

/// <summary>A person of the sample world, employed by <see cref="Company"/>.</summary>
internal sealed record SamplePerson
{
    public required int Index { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public string FullName => FirstName + " " + LastName;

    /// <summary>"female" or "male".</summary>
    public required string Sex { get; init; }

    /// <summary>Work email at <see cref="SampleCompany.Domain"/>, lower case.</summary>
    public required string Email { get; init; }

    /// <summary>Direct phone in E.164.</summary>
    public required string Phone { get; init; }

    public required string Title { get; init; }

    public required Seniority Seniority { get; init; }

    public required DepartmentProfile Department { get; init; }

    public required SampleLocation Location { get; init; }

    /// <summary>The LinkedIn member slug: linkedin.com/in/{slug}.</summary>
    public required string LinkedInSlug { get; init; }

    public required SampleCompany Company { get; init; }

    public required DateOnly JobStartDate { get; init; }

    public required int YearsExperience { get; init; }

    public required long ZoomInfoId { get; init; }

    public required string PdlId { get; init; }

    public required string ApolloId { get; init; }

    public required string ClearbitId { get; init; }
}
