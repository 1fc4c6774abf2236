using Tributary.Connectors.Http;
using Tributary.Profiles;
using Tributary.Providers;

namespace Tributary.Host.Flat;

/// <summary>
/// The flat field list, defined once: the members of the <c>/v1/enrich</c> answer, the columns a file run adds, the
/// members of a job's result lines (and every later consumer: contact-center attributes, CRM mappings). The standard
/// fields come first, in the order of the contract, then the custom fields the REST providers' mappings add.
/// </summary>
internal sealed class FlatFields
{
    /// <summary>The standard fields, in the order of the contract.</summary>
    public static IReadOnlyList<FlatField> Standard { get; } =
    [
        FlatField.Standard(ProfileFields.FullName),
        FlatField.Standard(ProfileFields.FirstName),
        FlatField.Standard(ProfileFields.LastName),
        FlatField.Standard(ProfileFields.Email),
        FlatField.Standard(ProfileFields.Phone),
        FlatField.Standard(ProfileFields.JobTitle),
        FlatField.Standard(ProfileFields.Seniority),
        FlatField.Standard(ProfileFields.Department),
        FlatField.Standard(ProfileFields.CompanyName),
        FlatField.Standard(ProfileFields.CompanyDomain),
        FlatField.Standard(ProfileFields.Industry),
        FlatField.Standard(ProfileFields.EmployeeCount),
        FlatField.Standard(ProfileFields.RevenueRange),
        FlatField.Standard(ProfileFields.LinkedInUrl),
        FlatField.Standard(ProfileFields.City),
        FlatField.Standard(ProfileFields.Country),
    ];

    /// <summary>
    /// Names a custom field cannot take: the members that follow the fields in a flat answer, and those a job result
    /// line puts before them. Such a mapping still reaches the nested profile.
    /// </summary>
    public static IReadOnlySet<string> ReservedNames { get; } = new HashSet<string>(
        ["confidence", "source", "partial", "requestId", "providers", "index", "status", "reason", "id", "externalId"],
        StringComparer.OrdinalIgnoreCase);

    private readonly FlatField[] _all;

    /// <param name="customNames">Custom field names in order; blanks, repeats (any case), well-known and reserved names are left out.</param>
    public FlatFields(IEnumerable<string> customNames)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var custom = new List<FlatField>();
        foreach (var raw in customNames)
        {
            var name = raw.Trim();
            if (name.Length > 0 && !ProfileFields.TryGet(name, out _) && !ReservedNames.Contains(name) && seen.Add(name))
            {
                custom.Add(FlatField.Custom(name));
            }
        }

        Custom = custom;
        _all = [.. Standard, .. custom];
    }

    /// <summary>The standard fields only: what a gateway without custom mappings answers.</summary>
    public static FlatFields StandardOnly { get; } = new([]);

    /// <summary>Every field, standard then custom.</summary>
    public IReadOnlyList<FlatField> All => _all;

    /// <summary>The configured custom fields, in order.</summary>
    public IReadOnlyList<FlatField> Custom { get; }

    /// <summary>
    /// The custom fields of every configured REST provider (<c>Providers:Http:&lt;Name&gt;:Mapping:&lt;field&gt;</c>),
    /// in the providers' priority order, then each mapping's order.
    /// </summary>
    public static FlatFields FromProviders(ProviderCatalog catalog) =>
        new(catalog.All.SelectMany(e => e.Runtime.Options is HttpProviderOptions http ? http.Mapping.Keys : Enumerable.Empty<string>()));

    /// <summary>Every field as an array, for loops on the hot path.</summary>
    public ReadOnlySpan<FlatField> Span => _all;
}
