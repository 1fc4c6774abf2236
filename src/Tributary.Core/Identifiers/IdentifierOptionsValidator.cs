using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace Tributary.Identifiers;

/// <summary>
/// Rejects a <see cref="IdentifierOptions.DefaultRegion"/> that libphonenumber has no metadata for: with one, every
/// phone number typed without a country code would fail as "invalid phone", which reads as the caller's fault.
/// </summary>
internal sealed class IdentifierOptionsValidator : IValidateOptions<IdentifierOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var region = options.DefaultRegion?.Trim().ToUpperInvariant();
        return region is not null && PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{IdentifierOptions.SectionName}:{nameof(IdentifierOptions.DefaultRegion)} '{options.DefaultRegion}' " +
                "is not an ISO 3166-1 alpha-2 region with phone numbering data (for example US, GB, DE).");
    }
}
