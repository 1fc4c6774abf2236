using System.Globalization;
using Tributary.Host.Flat;

namespace Tributary.Host.ContactCenter;

/// <summary>
/// The participant attributes of one enriched caller: <c>&lt;prefix&gt;&lt;field&gt;</c> for every flat field that has a
/// value (custom CRM fields included), plus <c>source</c> and <c>confidence</c>; every value a string, as Architect
/// reads them. A caller nobody knows gets only <c>source = none</c>, so the flow can branch on it; an answer cut short
/// (a provider timed out) also gets <c>partial = true</c>, so the flow can tell "slow" from "unknown".
/// </summary>
internal sealed class CallerAttributes(FlatFields fields)
{
    public IReadOnlyDictionary<string, string> For(FlatAnswer answer, string prefix)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields.All)
        {
            if (field.Text(answer.Profile) is { Length: > 0 } text)
            {
                attributes[prefix + field.Name] = text;
            }
        }

        if (attributes.Count == 0)
        {
            attributes[prefix + "source"] = "none";
        }
        else
        {
            attributes[prefix + "source"] = answer.Source;
            attributes[prefix + "confidence"] = answer.Confidence.ToString("0.###", CultureInfo.InvariantCulture);
        }

        // Like any empty field, false is left unwritten: a flow reads a missing attribute as not partial.
        if (answer.Partial)
        {
            attributes[prefix + "partial"] = "true";
        }

        return attributes;
    }
}
