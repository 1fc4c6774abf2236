using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.Storage;

/// <summary>
/// A profile's traits without the members that hold an erased value: identify keeps whatever a caller sends
/// (<c>"contactEmail"</c>, <c>"note": "alt phone +1…"</c>), so erasure searches the traits by content, as it does
/// staging and job records. A member goes whole when its name or its value, at any depth, holds one of the forms, or
/// (a phone) one of its digit runs once phone separators are taken out.
/// Both stores use it, so SQLite and PostgreSQL remove the same members.
/// </summary>
internal static class ErasedTraits
{
    // For matching only, never written: PostgreSQL's jsonb holds '+' and non-ASCII letters as typed, and a value
    // compared as typed must be found whichever store it came from.
    private static readonly JsonSerializerOptions AsTyped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The profiles of <paramref name="held"/> (id, traits JSON) that lose a trait, with the traits they keep, and how
    /// many trait members went in all.
    /// </summary>
    public static (Dictionary<string, string> Scrubbed, int Removed) From(IEnumerable<(string Id, string Traits)> held, SubjectErasure subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var scrubbed = new Dictionary<string, string>(StringComparer.Ordinal);
        var removed = 0;
        foreach (var (id, text) in held)
        {
            var (kept, count) = Without(text, subject.TraitForms, subject.DigitForms);
            if (count > 0)
            {
                removed += count;
                scrubbed[id] = kept;
            }
        }

        return (scrubbed, removed);
    }

    /// <summary>
    /// The traits without the members holding any of <paramref name="forms"/> (lower-cased, as
    /// <see cref="SubjectErasure.TraitForms"/>) or <paramref name="digits"/>, and how many went; the same text when none did.
    /// </summary>
    private static (string Traits, int Removed) Without(string traits, IReadOnlyList<string> forms, IReadOnlyList<string> digits)
    {
        ArgumentNullException.ThrowIfNull(forms);
        if (JsonNode.Parse(traits) is not JsonObject members)
        {
            return (traits, 0);
        }

        var holding = members.Where(member => Holds(member.Key, member.Value, forms, digits)).Select(static member => member.Key).ToList();
        foreach (var name in holding)
        {
            members.Remove(name);
        }

        return holding.Count == 0 ? (traits, 0) : (members.ToJsonString(), holding.Count);
    }

    private static bool Holds(string name, JsonNode? value, IReadOnlyList<string> forms, IReadOnlyList<string> digits)
    {
        string[] texts = [name, value?.ToJsonString() ?? "", value?.ToJsonString(AsTyped) ?? ""];
        return texts.Any(text => forms.Any(form => text.Contains(form, StringComparison.OrdinalIgnoreCase))
            || (digits.Count > 0 && SubjectErasure.WithoutPhoneSeparators(text) is var squeezed && digits.Any(run => squeezed.Contains(run, StringComparison.Ordinal))));
    }
}
