using System.Text.Json;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>Writes a record's properties only when the request's output fields ask for them.</summary>
internal readonly struct ZoomInfoRecordWriter(Utf8JsonWriter writer, ZoomInfoOutputFields fields)
{
    public Utf8JsonWriter Json => writer;

    public bool Wants(string name) => fields.Wants(name);

    /// <summary>Whether the nested <c>company</c> object belongs in a contact record.</summary>
    public bool WantsCompany => fields.WantsCompany;

    public void String(string name, string? value)
    {
        if (fields.Wants(name))
        {
            writer.WriteString(name, value);
        }
    }

    public void Number(string name, long? value)
    {
        if (!fields.Wants(name))
        {
            return;
        }

        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public void Boolean(string name, bool value)
    {
        if (fields.Wants(name))
        {
            writer.WriteBoolean(name, value);
        }
    }

    public void Strings(string name, params ReadOnlySpan<string> values)
    {
        if (!fields.Wants(name))
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
