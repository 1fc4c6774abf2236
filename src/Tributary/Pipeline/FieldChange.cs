namespace Tributary.Host.Pipeline;

/// <summary>One field write-back will make.</summary>
/// <param name="CrmField">The CRM field.</param>
/// <param name="OldValue">What the CRM holds now; null when blank.</param>
/// <param name="NewValue">What enrichment found.</param>
/// <param name="Source">The provider of the value.</param>
/// <param name="Confidence">The value's confidence, 0–1.</param>
internal sealed record FieldChange(string CrmField, string? OldValue, string NewValue, string Source, double Confidence);
