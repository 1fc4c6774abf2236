using Tributary.Host.Crm;
using Tributary.Host.Flat;
using Tributary.Profiles;

namespace Tributary.Host.Pipeline;

/// <summary>Turns a merged profile into the field writes one CRM record gets: the CRM's mapping, read through the write-back policy.</summary>
internal sealed class WriteBackPlanner(FlatFields fields, WriteBackPolicy policy)
{
    public IReadOnlyList<FieldChange> Plan(CrmRecord record, IReadOnlyDictionary<string, string> mapping, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(profile);
        var changes = new List<FieldChange>();
        foreach (var field in fields.All)
        {
            if (!mapping.TryGetValue(field.Name, out var crmField) || string.IsNullOrEmpty(crmField) || profile[field.Source] is not { } found)
            {
                continue;
            }

            var value = field.Text(profile);
            var current = record.Fields.GetValueOrDefault(crmField);
            if (policy.ShouldWrite(field.Name, crmField, current, value))
            {
                changes.Add(new FieldChange(crmField, current.IsBlank ? null : current.Value, value, found.Source, found.Confidence));
            }
        }

        return changes;
    }
}
