using System.Collections.Frozen;
using System.ComponentModel;

namespace Tributary.Profiles;

/// <summary>
/// A person-and-company profile: field name → value with provenance. Immutable, so one instance can be
/// shared by the cache and every request that reads it.
/// </summary>
[ImmutableObject(true)]
public sealed class Profile
{
    /// <summary>A profile with no fields.</summary>
    public static readonly Profile Empty = new(FrozenDictionary<string, FieldValue>.Empty, []);

    private readonly IReadOnlyDictionary<string, FieldValue> _values;

    internal Profile(IReadOnlyDictionary<string, FieldValue> values, IReadOnlyList<FieldDefinition> definitions)
    {
        _values = values;
        Definitions = definitions;
    }

    /// <summary>The fields present, in catalogue order then custom fields in the order they were added.</summary>
    public IReadOnlyList<FieldDefinition> Definitions { get; }

    /// <summary>Number of fields present.</summary>
    public int Count => _values.Count;

    public bool IsEmpty => _values.Count == 0;

    public FieldValue? this[FieldDefinition field] => _values.GetValueOrDefault(field.Name);

    public FieldValue? Get(string name) => _values.GetValueOrDefault(name);

    public string Text(FieldDefinition field) => this[field]?.Value.AsText() ?? string.Empty;

    public long Number(FieldDefinition field) => this[field]?.Value.AsNumber() ?? 0;

    public IReadOnlyList<string> List(FieldDefinition field) => this[field]?.Value.AsList() ?? [];

    /// <summary>Fields and values in catalogue order.</summary>
    public IEnumerable<(FieldDefinition Field, FieldValue Value)> Fields()
    {
        foreach (var definition in Definitions)
        {
            yield return (definition, _values[definition.Name]);
        }
    }
}
