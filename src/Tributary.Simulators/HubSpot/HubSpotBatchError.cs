namespace Tributary.Simulators.HubSpot;

/// <summary>One entry of a 207's <c>errors</c>: a category and the contact ids it concerns (<c>context.ids</c>).</summary>
internal sealed record HubSpotBatchError(string Category, string Message, IReadOnlyList<string> Ids, IReadOnlyList<string>? PropertyNames = null);
