using System.Globalization;
using System.Text.Json;
using Tributary.Profiles;

namespace Tributary.Host.Flat;

/// <summary>
/// One field of the flat contract: its name (the <c>/v1/enrich</c> member, the file column, the job result member),
/// its JSON type, and the profile field it is read from.
/// </summary>
internal sealed class FlatField
{
    private FlatField(string name, FlatFieldType type, FieldDefinition source, bool isCustom)
    {
        Name = name;
        Type = type;
        Source = source;
        IsCustom = isCustom;
        JsonName = JsonEncodedText.Encode(name);
    }

    /// <summary>Camel-case name, e.g. <c>jobTitle</c> or a configured custom field such as <c>loyaltyTier</c>.</summary>
    public string Name { get; }

    public FlatFieldType Type { get; }

    /// <summary>The profile field the value comes from.</summary>
    public FieldDefinition Source { get; }

    /// <summary>True for a field a REST provider's mapping adds (<c>Providers:Http:&lt;Name&gt;:Mapping:&lt;field&gt;</c>).</summary>
    public bool IsCustom { get; }

    /// <summary><see cref="Name"/>, encoded once for writers.</summary>
    public JsonEncodedText JsonName { get; }

    /// <summary>A well-known profile field: numbers stay numbers, everything else is a string.</summary>
    public static FlatField Standard(FieldDefinition field) =>
        new(field.Name, field.Kind == FieldKind.Number ? FlatFieldType.Number : FlatFieldType.String, field, isCustom: false);

    /// <summary>
    /// A custom field is always a string: its values take whatever JSON shape the provider's answer has, and a flat
    /// contract needs one type per member (a contact-center flow declares it once).
    /// </summary>
    public static FlatField Custom(string name) => new(name, FlatFieldType.String, ProfileFields.Custom(name), isCustom: true);

    /// <summary>The value as text: <c>""</c> when unknown (a number 0 is unknown too).</summary>
    public string Text(Profile profile)
    {
        if (Type == FlatFieldType.Number)
        {
            var number = profile.Number(Source);
            return number == 0 ? string.Empty : number.ToString(CultureInfo.InvariantCulture);
        }

        // A custom value may be a number or a list; its text form is what a string member can hold.
        return IsCustom ? profile[Source]?.Value.ToString() ?? string.Empty : profile.Text(Source);
    }

    /// <summary>The value of a number field, 0 when unknown.</summary>
    public long Number(Profile profile) => profile.Number(Source);

    /// <summary>True when the profile has a value for this field (a profile never holds empty values).</summary>
    public bool IsFilled(Profile profile) => profile[Source] is not null;
}
