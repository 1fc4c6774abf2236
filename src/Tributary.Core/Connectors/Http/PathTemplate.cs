using System.Text.RegularExpressions;
using Tributary.Identifiers;

namespace Tributary.Connectors.Http;

/// <summary>
/// A request path with identifier placeholders (<c>/customers/{email}</c>, <c>/lookup?phone={phone}</c>), filled with
/// the query's normalised identifiers, each URL-escaped.
/// </summary>
internal sealed partial class PathTemplate
{
    private static readonly string[] Known = ["email", "phone", "domain", "linkedin", "name", "company"];

    private readonly string _template;

    private PathTemplate(string template, IReadOnlyList<string> placeholders)
    {
        _template = template;
        Placeholders = placeholders;
    }

    /// <summary>The identifiers the template needs, lower-cased.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>Parses <paramref name="template"/>; <paramref name="error"/> says what is wrong when it cannot.</summary>
    public static bool TryParse(string? template, out PathTemplate parsed, out string? error)
    {
        parsed = null!;
        if (string.IsNullOrWhiteSpace(template))
        {
            error = "is required";
            return false;
        }

        var names = Placeholder().Matches(template).Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct().ToArray();
        if (names.Length == 0)
        {
            error = $"needs at least one placeholder ({string.Join(", ", Known.Select(k => "{" + k + "}"))})";
            return false;
        }

        if (names.FirstOrDefault(n => !Known.Contains(n)) is { } unknown)
        {
            error = $"has an unknown placeholder {{{unknown}}}; known: {string.Join(", ", Known)}";
            return false;
        }

        error = null;
        parsed = new PathTemplate(template.Trim(), names);
        return true;
    }

    /// <summary>Whether the identifiers carry a value for every placeholder.</summary>
    public bool CanExpand(IdentifierSet identifiers) => Placeholders.All(name => Value(identifiers, name) is not null);

    /// <summary>The path with every placeholder replaced by its escaped value.</summary>
    public string Expand(IdentifierSet identifiers) =>
        Placeholder().Replace(_template, match => Uri.EscapeDataString(Value(identifiers, match.Groups[1].Value.ToLowerInvariant()) ?? string.Empty));

    private static string? Value(IdentifierSet identifiers, string placeholder) => placeholder switch
    {
        "email" => identifiers.Email,
        "phone" => identifiers.Phone,
        "domain" => identifiers.Domain,
        "linkedin" => identifiers.LinkedInUrl,
        "name" => identifiers.FullName,
        "company" => identifiers.Company,
        _ => null,
    };

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
