using Microsoft.Extensions.Options;
using Tributary.Host.Flat;

namespace Tributary.Host.Pipeline;

/// <summary>
/// Checks <c>Pipeline:WriteBack:Policy</c> at start. Write-back looks a policy up by the flat field it writes (a
/// standard one, or a custom field a REST provider's mapping adds): a key that names no such field (a misspelt
/// <c>jobTittle</c>, a CRM property name) would never be read, and the field meant would stay fill-blank without a
/// word. Each value must be a policy name.
/// </summary>
internal sealed class WriteBackPolicyValidator(FlatFields fields) : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (field, policy) in options.WriteBack.Policy)
        {
            if (!fields.All.Any(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"Pipeline:WriteBack:Policy:{field}: '{field}' is not a flat field; the fields are {string.Join(", ", fields.All.Select(static f => f.Name))}.");
            }

            if (!WriteBackPolicy.TryParse(policy, out _))
            {
                failures.Add(WriteBackPolicy.UnknownPolicy(field, policy));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
