using Tributary.Host.Crm;

namespace Tributary.Host.Pipeline;

/// <summary>
/// Decides, field by field, whether enrichment may write its value over what the CRM holds. A value a person set
/// (HubSpot history, or a field listed in <c>Pipeline:WriteBack:Protected</c> that holds a value) is never replaced,
/// whatever the field's policy; a blank a person made on purpose is left blank too.
/// </summary>
internal sealed class WriteBackPolicy
{
    private readonly Dictionary<string, FieldPolicy> _policies;
    private readonly HashSet<string> _protected;

    public WriteBackPolicy(WriteBackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _policies = options.Policy.ToDictionary(p => p.Key, p => Parse(p.Key, p.Value), StringComparer.OrdinalIgnoreCase);
        _protected = new HashSet<string>(options.Protected, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The policy of a flat field.</summary>
    public FieldPolicy For(string flatField) => _policies.GetValueOrDefault(flatField, FieldPolicy.FillBlank);

    /// <summary>True when <paramref name="value"/> should be written to <paramref name="crmField"/>, which holds <paramref name="current"/>.</summary>
    public bool ShouldWrite(string flatField, string crmField, CrmFieldValue current, string value)
    {
        if (string.IsNullOrWhiteSpace(value) || current.SetByPerson || For(flatField) == FieldPolicy.Never)
        {
            return false;
        }

        if (current.IsBlank)
        {
            return true;
        }

        return For(flatField) == FieldPolicy.Overwrite
            && !_protected.Contains(crmField)
            && !string.Equals(current.Value!.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses a policy name; an unknown one is a configuration error naming the setting.</summary>
    public static FieldPolicy Parse(string flatField, string text) =>
        TryParse(text, out var policy) ? policy : throw new ArgumentException(UnknownPolicy(flatField, text));

    /// <summary>Reads a policy name: <c>fill-blank</c>, <c>overwrite</c> or <c>never</c>, in any case.</summary>
    public static bool TryParse(string text, out FieldPolicy policy)
    {
        FieldPolicy? parsed = text.Trim().ToLowerInvariant() switch
        {
            "fill-blank" or "fillblank" => FieldPolicy.FillBlank,
            "overwrite" => FieldPolicy.Overwrite,
            "never" => FieldPolicy.Never,
            _ => null,
        };
        policy = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    /// <summary>The problem with a value that is no policy name, naming its setting.</summary>
    public static string UnknownPolicy(string flatField, string text) =>
        $"Pipeline:WriteBack:Policy:{flatField} must be fill-blank, overwrite or never (got '{text}').";
}
