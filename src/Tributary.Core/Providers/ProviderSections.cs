using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Tributary.Providers;

/// <summary>
/// The sections under <c>Providers</c> that some registered provider reads. A section no provider reads is a typo
/// (<c>Providers:Clearbitt:ApiKey</c>) that would otherwise leave a provider unconfigured without a word, so it fails
/// start naming the setting.
/// </summary>
public sealed class ProviderSections
{
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string section) => _known.Add(section);

    internal IEnumerable<string> Unknown(IConfiguration configuration) =>
        configuration.GetSection("Providers").GetChildren().Select(static s => s.Key).Where(key => !_known.Contains(key));

    internal string Known => string.Join(", ", _known.Order(StringComparer.Ordinal));
}

/// <summary>Checked at start, with the other options.</summary>
public sealed class ProviderSectionsOptions;

internal sealed class ProviderSectionsValidator(ProviderSections sections, IConfiguration configuration) : IValidateOptions<ProviderSectionsOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderSectionsOptions options) =>
        sections.Unknown(configuration).ToList() is { Count: > 0 } unknown
            ? ValidateOptionsResult.Fail(unknown.Select(key => $"Providers:{key} is not a provider Tributary knows; the sections are {sections.Known}."))
            : ValidateOptionsResult.Success;
}
