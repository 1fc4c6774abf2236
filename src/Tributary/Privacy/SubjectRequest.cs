namespace Tributary.Host.Privacy;

/// <summary>The body of <c>DELETE /v1/subjects</c>: exactly one of the two.</summary>
internal sealed class SubjectRequest
{
    public string? Email { get; set; }

    public string? Phone { get; set; }
}
