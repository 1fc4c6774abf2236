namespace Tributary.Profiles;

/// <summary>
/// Collects one provider's answer into a <see cref="Profile"/>. Empty values are dropped on the way in,
/// so a profile never holds a blank that could overwrite a real value later.
/// </summary>
public sealed class ProfileBuilder
{
    private readonly Dictionary<string, FieldValue> _values = new(StringComparer.Ordinal);
    private readonly List<FieldDefinition> _custom = [];
    private readonly string _source;
    private readonly double _confidence;
    private readonly DateTimeOffset _observedAt;

    /// <param name="source">Lower-cased provider name recorded on every field.</param>
    /// <param name="confidence">Default confidence (0–1) for fields set without their own.</param>
    /// <param name="observedAt">When the provider answered.</param>
    public ProfileBuilder(string source, double confidence, DateTimeOffset observedAt)
    {
        _source = source;
        _confidence = Math.Clamp(confidence, 0, 1);
        _observedAt = observedAt;
    }

    public ProfileBuilder() : this(string.Empty, 1, default)
    {
    }

    public ProfileBuilder Set(FieldDefinition field, string? value, double? confidence = null) =>
        Set(field, ProfileValue.Text(value?.Trim()), confidence);

    public ProfileBuilder Set(FieldDefinition field, long? value, double? confidence = null) =>
        value is null ? this : Set(field, ProfileValue.Number(value.Value), confidence);

    public ProfileBuilder Set(FieldDefinition field, IEnumerable<string?>? values, double? confidence = null) =>
        values is null
            ? this
            : Set(field, ProfileValue.List(values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToArray()), confidence);

    /// <summary>Sets a value unless it is empty; a later non-empty value for the same field replaces an earlier one.</summary>
    public ProfileBuilder Set(FieldDefinition field, ProfileValue value, double? confidence = null) =>
        value.IsEmpty ? this : Set(field, new FieldValue(value, _source, Math.Clamp(confidence ?? _confidence, 0, 1), _observedAt));

    /// <summary>Sets a value with its own provenance (used by merge and by the cache).</summary>
    public ProfileBuilder Set(FieldDefinition field, FieldValue value)
    {
        if (value.Value.IsEmpty)
        {
            return this;
        }

        if (!_values.ContainsKey(field.Name) && field.Section == FieldSection.Custom)
        {
            _custom.Add(field);
        }

        _values[field.Name] = value;
        return this;
    }

    public bool Has(FieldDefinition field) => _values.ContainsKey(field.Name);

    public Profile Build()
    {
        if (_values.Count == 0)
        {
            return Profile.Empty;
        }

        var definitions = new List<FieldDefinition>(_values.Count);
        foreach (var field in ProfileFields.All)
        {
            if (_values.ContainsKey(field.Name))
            {
                definitions.Add(field);
            }
        }

        definitions.AddRange(_custom);
        return new Profile(new Dictionary<string, FieldValue>(_values, StringComparer.Ordinal), definitions);
    }
}
