using System.Text.Json;
using System.Text.Json.Serialization;
using Tributary.Json;

namespace Tributary.Profiles;

/// <summary>
/// One field's value: text, a whole number or a list of texts. A closed union keeps profiles cheap to
/// copy, merge and serialise, and lets JSON show values naturally (<c>"VP"</c>, <c>500</c>, <c>["aws"]</c>).
/// </summary>
[JsonConverter(typeof(ProfileValueJsonConverter))]
public readonly record struct ProfileValue
{
    private readonly object? _value;

    private ProfileValue(object value) => _value = value;

    /// <summary>The kind of value held.</summary>
    public FieldKind Kind => _value switch
    {
        string => FieldKind.Text,
        long => FieldKind.Number,
        IReadOnlyList<string> => FieldKind.List,
        _ => FieldKind.Text,
    };

    /// <summary>True for a missing value, blank text, zero or an empty list: such values never win a merge.</summary>
    public bool IsEmpty => _value switch
    {
        string s => string.IsNullOrWhiteSpace(s),
        long n => n == 0,
        IReadOnlyList<string> l => l.Count == 0,
        _ => true,
    };

    public string? AsText() => _value as string;

    public long AsNumber() => _value is long n ? n : 0;

    public IReadOnlyList<string> AsList() => _value as IReadOnlyList<string> ?? [];

    public static ProfileValue Text(string? value) => new(value ?? string.Empty);

    public static ProfileValue Number(long value) => new(value);

    public static ProfileValue List(IReadOnlyList<string>? values) => new(values ?? []);

    public override string ToString() => _value switch
    {
        string s => s,
        long n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IReadOnlyList<string> l => string.Join(", ", l),
        _ => string.Empty,
    };

    public bool Equals(ProfileValue other) => _value switch
    {
        IReadOnlyList<string> l => other._value is IReadOnlyList<string> o && l.SequenceEqual(o),
        _ => Equals(_value, other._value),
    };

    public override int GetHashCode() => _value is IReadOnlyList<string> l ? l.Count : _value?.GetHashCode() ?? 0;
}

/// <summary>Writes a <see cref="ProfileValue"/> as a plain JSON string, number or array.</summary>
internal sealed class ProfileValueJsonConverter : JsonConverter<ProfileValue>
{
    public override ProfileValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return ProfileValue.Text(reader.GetString());
            case JsonTokenType.Number:
                return ProfileValue.Number(reader.TryGetInt64(out var n) ? n : (long)reader.GetDouble());
            case JsonTokenType.StartArray:
                return ProfileValue.List(reader.ReadTexts());
            default:
                reader.SkipValue();
                return default;
        }
    }

    public override void Write(Utf8JsonWriter writer, ProfileValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case FieldKind.Number:
                writer.WriteNumberValue(value.AsNumber());
                break;
            case FieldKind.List:
                writer.WriteStartArray();
                foreach (var item in value.AsList())
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.AsText() ?? string.Empty);
                break;
        }
    }
}
