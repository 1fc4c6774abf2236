using Microsoft.Extensions.Options;

namespace Tributary.Host.Identity;

/// <summary>Limits name known identifier types and are not negative, so a typo does not silently disable protection.</summary>
internal sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (type, limit) in options.Limits)
        {
            if (!IdentifierTypes.Linkable.Contains(type))
            {
                failures.Add($"Identity:Limits:{type} names no identifier type; use one of {string.Join(", ", IdentifierTypes.Linkable)}.");
            }
            else if (limit < 0)
            {
                failures.Add($"Identity:Limits:{type} must be 0 or more (was {limit}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
