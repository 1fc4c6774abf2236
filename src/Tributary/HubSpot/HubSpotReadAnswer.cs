using Tributary.Host.Crm;

namespace Tributary.Host.HubSpot;

/// <summary>What one batch read answered.</summary>
/// <param name="Result">The contacts HubSpot returned, and the ids it answered <c>OBJECT_NOT_FOUND</c>.</param>
/// <param name="Failed">
/// Ids asked for that HubSpot neither returned nor called not found → why: the category of an error naming them
/// (<c>INTERNAL_ERROR</c>, …), or <see cref="HubSpotAnswers.NoResult"/> when the answer named them nowhere.
/// </param>
internal sealed record HubSpotReadAnswer(CrmReadResult Result, IReadOnlyDictionary<string, string> Failed);
