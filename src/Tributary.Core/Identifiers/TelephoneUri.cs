namespace Tributary.Identifiers;

/// <summary>
/// The number in a <c>tel:</c>, <c>sip:</c> or <c>sips:</c> address, as contact centers hand the caller's number on
/// (Genesys's <c>Call.Ani</c> is one on SIP trunks): the user part, without host or parameters.
/// </summary>
public static class TelephoneUri
{
    /// <summary>The number part of <paramref name="value"/> when it is such an address; otherwise the value as given.</summary>
    public static string Number(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        foreach (var scheme in (ReadOnlySpan<string>)["tel:", "sip:", "sips:"])
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                text = text[scheme.Length..];
                var end = text.IndexOfAny(['@', ';']);
                return end >= 0 ? text[..end] : text;
            }
        }

        return text;
    }
}
