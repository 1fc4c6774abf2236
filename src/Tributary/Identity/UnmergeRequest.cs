namespace Tributary.Host.Identity;

/// <summary><c>POST /v1/identity/unmerge</c>: <c>{"profileId", "identifier": {"type", "value"}}</c>.</summary>
internal sealed class UnmergeRequest
{
    public string? ProfileId { get; init; }

    public UnmergeIdentifier? Identifier { get; init; }
}

/// <summary>The identifier to take off the profile: type <c>email</c>, <c>phone</c>, <c>crmId</c> or <c>userId</c>.</summary>
internal sealed class UnmergeIdentifier
{
    public string? Type { get; init; }

    public string? Value { get; init; }
}
