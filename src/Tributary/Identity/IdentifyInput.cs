using System.Text.Json;
using Tributary.Storage;

namespace Tributary.Host.Identity;

/// <summary>An identify, normalised: what to link, what was left out and why, and the traits to keep.</summary>
/// <param name="Identifiers">The identifiers to link (blocked values already left out).</param>
/// <param name="Ignored">Identifiers that never link, with the reason (e.g. <c>blocked</c>).</param>
/// <param name="NameCompany">Name and company together, when both were given.</param>
/// <param name="Traits">The other traits, by name; a JSON null removes a kept trait.</param>
/// <param name="TraitsFillBlanks">
/// True for what enrichment learned: its traits fill those the profile lacks and never replace one a person or a CDP
/// set (an identify's traits do replace).
/// </param>
internal sealed record IdentifyInput(
    IReadOnlyList<KeyedIdentifier> Identifiers,
    IReadOnlyList<IgnoredIdentifier> Ignored,
    IdentityKey? NameCompany,
    IReadOnlyDictionary<string, JsonElement> Traits,
    bool TraitsFillBlanks = false);
