namespace Tributary.Host.Flat;

/// <summary>The JSON type of a flat field. Never null: an unknown string is <c>""</c>, an unknown number <c>0</c>.</summary>
internal enum FlatFieldType
{
    String,
    Number,
}
