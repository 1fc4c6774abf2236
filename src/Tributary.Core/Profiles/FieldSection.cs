namespace Tributary.Profiles;

/// <summary>Which part of the nested profile a field belongs to.</summary>
public enum FieldSection
{
    Person,
    Company,
    Custom,
}
