namespace Tributary.Host.Identity;

/// <summary><c>POST /v1/identity/resolve</c>: any of the identifiers; name and company count together.</summary>
internal sealed class ResolveRequest
{
    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? CrmId { get; init; }

    public string? UserId { get; init; }

    public string? Name { get; init; }

    public string? Company { get; init; }
}
