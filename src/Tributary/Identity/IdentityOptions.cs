using System.ComponentModel.DataAnnotations;

namespace Tributary.Host.Identity;

/// <summary>Identity resolution and merge protection, bound from <c>Identity</c>.</summary>
internal sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>
    /// Below this confidence a resolve answers <c>action: "verify"</c>: the flow should confirm who is calling before
    /// showing the profile. Default 0.9.
    /// </summary>
    [Range(0.0, 1.0)]
    public double VerifyThreshold { get; set; } = 0.9;

    /// <summary>Largest serialized resolve summary, in bytes; lower-priority fields are dropped first. Default 10,240.</summary>
    [Range(2, 1024 * 1024)]
    public int SummaryMaxBytes { get; set; } = 10 * 1024;

    /// <summary>
    /// At most this many values of a type per profile (<c>Identity:Limits:email</c> …). An identify that would pass one
    /// links nothing new. Defaults: email 5, phone 5, crmId 2, userId 1. Keys are matched without regard to case.
    /// </summary>
    public Dictionary<string, int> Limits { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [IdentifierTypes.Email] = 5,
        [IdentifierTypes.Phone] = 5,
        [IdentifierTypes.CrmId] = 2,
        [IdentifierTypes.UserId] = 1,
    };

    /// <summary>
    /// Values that never link, whatever their type: a switchboard or desk phone, a test address. An array, or one
    /// comma-separated string. Emails and phones are compared normalised (<c>+1 (415) 555-0100</c> blocks
    /// <c>+14155550100</c>).
    /// </summary>
    public List<string> BlockedValues { get; set; } = [];

    /// <summary>Pipeline records and enrichment answers link their identifiers too. Default true.</summary>
    public bool LinkOnEnrich { get; set; } = true;

    /// <summary>The limit of a type; a type without one is unlimited.</summary>
    public int LimitOf(string type) => Limits.TryGetValue(type, out var limit) ? limit : int.MaxValue;
}
