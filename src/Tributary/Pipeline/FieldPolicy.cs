namespace Tributary.Host.Pipeline;

/// <summary>How write-back treats one field's existing CRM value.</summary>
internal enum FieldPolicy
{
    /// <summary>Write only where the CRM value is blank (the default).</summary>
    FillBlank,

    /// <summary>Write whenever our value differs, unless a person set the CRM value.</summary>
    Overwrite,

    /// <summary>Never write this field.</summary>
    Never,
}
