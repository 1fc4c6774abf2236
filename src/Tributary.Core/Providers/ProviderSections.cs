using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Tributary.Providers;

/// <summary>
/// The sections under <c>Providers</c> that some registered provider reads, and the options each binds. A section no
/// provider reads is a typo (<c>Providers:Clearbitt:ApiKey</c>) that would otherwise leave a provider unconfigured
/// without a word, so it fails start naming the setting; a key inside a known section that its options do not have
/// (<c>Providers:Clearbit:ApiKy</c>) is named in a warning.
/// </summary>
public sealed class ProviderSections
{
    private readonly Dictionary<string, Section> _known = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A provider reading <c>Providers:&lt;section&gt;</c> into <paramref name="options"/>.</summary>
    public void Add(string section, Type options) => _known[section] = new Section(options, IsSingle: null);

    /// <summary>
    /// A provider with several instances, each in <c>Providers:&lt;section&gt;:&lt;Instance&gt;</c>, or one directly in the
    /// section when <paramref name="isSingle"/> says so.
    /// </summary>
    public void AddInstances(string section, Type options, Func<IConfigurationSection, bool> isSingle) =>
        _known[section] = new Section(options, isSingle);

    internal IEnumerable<string> Unknown(IConfiguration configuration) =>
        configuration.GetSection("Providers").GetChildren().Select(static s => s.Key).Where(key => !_known.ContainsKey(key));

    internal string Known => string.Join(", ", _known.Keys.Order(StringComparer.Ordinal));

    /// <summary>Keys inside known provider sections that no option reads, as full paths; never their values.</summary>
    public IReadOnlyList<string> UnreadSettings(IConfiguration configuration)
    {
        var unread = new List<string>();
        foreach (var section in configuration.GetSection("Providers").GetChildren())
        {
            if (!_known.TryGetValue(section.Key, out var known))
            {
                continue;
            }

            IEnumerable<IConfigurationSection> instances = known.IsSingle?.Invoke(section) == false ? section.GetChildren() : [section];
            foreach (var instance in instances)
            {
                CollectUnread(instance, known.Options, unread);
            }
        }

        return unread;
    }

    private static void CollectUnread(IConfigurationSection section, Type type, List<string> unread)
    {
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is not { CanWrite: true })
            {
                unread.Add(child.Path);
            }
            else if (IsNested(property.PropertyType))
            {
                CollectUnread(child, property.PropertyType, unread);
            }
        }
    }

    // Settings objects are walked into; values, lists and maps (a REST provider's Mapping) take any key.
    private static bool IsNested(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    private sealed record Section(Type Options, Func<IConfigurationSection, bool>? IsSingle);
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
