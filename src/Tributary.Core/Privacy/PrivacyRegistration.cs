using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tributary.Privacy;

/// <summary>Masking of sensitive values, registered by <c>AddTributary</c>, which binds and validates <c>Privacy</c>.</summary>
internal static class PrivacyRegistration
{
    /// <summary>
    /// Registers <see cref="SensitiveValueMasker"/> and <see cref="ContactDetailsInText"/>. <c>Privacy:MaskedFields</c> given as one value
    /// (<c>Privacy__MaskedFields=ssn,dob</c>), which the binder skips for a list, is read too.
    /// </summary>
    public static IServiceCollection AddMasking(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().PostConfigure<IConfiguration>(static (privacy, configuration) =>
        {
            if (configuration[$"{PrivacyOptions.SectionName}:{nameof(PrivacyOptions.MaskedFields)}"] is { Length: > 0 } fields
                && !privacy.MaskedFields.Contains(fields))
            {
                privacy.MaskedFields.Add(fields);
            }
        });
        services.TryAddSingleton<SensitiveValueMasker>();
        services.TryAddSingleton<ContactDetailsInText>();
        return services;
    }
}
