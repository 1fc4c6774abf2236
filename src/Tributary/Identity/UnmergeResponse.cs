namespace Tributary.Host.Identity;

/// <summary>An applied unmerge: the identifier left <paramref name="ProfileId"/> for <paramref name="NewProfileId"/>, a profile of its own.</summary>
internal sealed record UnmergeResponse(string ProfileId, string NewProfileId, string Type);
