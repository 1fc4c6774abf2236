using System.Text;
using System.Text.RegularExpressions;
using Tributary.Identifiers;

namespace Tributary.Connectors.Http;

/// <summary>
/// A request path with identifier placeholders (<c>/customers/{email}</c>, <c>/lookup?phone={phone}</c>), filled with
/// the query's normalised identifiers. A value can never change the request's shape: it is percent-encoded as one
/// path segment (or one query value), and a value that could still be read as more than that is refused.
/// <c>{id}</c> is whichever identifier the query has that a customer system keys by: its email, else its phone in E.164.
/// </summary>
internal sealed partial class PathTemplate
{
    private static readonly string[] Known = ["email", "phone", "domain", "linkedin", "name", "company", "id"];

    private readonly Part[] _parts;

    private PathTemplate(Part[] parts, IReadOnlyList<string> placeholders)
    {
        _parts = parts;
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

        var text = template.Trim();
        var queryStart = text.IndexOf('?', StringComparison.Ordinal);
        var parts = new List<Part>();
        var position = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            var name = match.Groups[1].Value.ToLowerInvariant();
            if (!Known.Contains(name))
            {
                error = $"has an unknown placeholder {{{name}}}; known: {string.Join(", ", Known)}";
                return false;
            }

            var inQuery = queryStart >= 0 && match.Index > queryStart;
            if (name == "linkedin" && !inQuery)
            {
                // A LinkedIn URL always has slashes, which a path segment refuses.
                error = "can take {linkedin} only in the query (e.g. /people?linkedin={linkedin}): a LinkedIn URL is not one path segment";
                return false;
            }

            parts.Add(new Part(text[position..match.Index], null, false));
            parts.Add(new Part(null, name, inQuery));
            position = match.Index + match.Length;
        }

        if (parts.Count == 0)
        {
            error = $"needs at least one placeholder ({string.Join(", ", Known.Select(k => "{" + k + "}"))})";
            return false;
        }

        parts.Add(new Part(text[position..], null, false));
        error = null;
        parsed = new PathTemplate([.. parts], parts.Where(p => p.Placeholder is not null).Select(p => p.Placeholder!).Distinct().ToArray());
        return true;
    }

    /// <summary>
    /// The identifiers an expansion sends, and so what its answer is cached and paid for under: those the placeholders
    /// name, <c>{id}</c> being the email, else the phone.
    /// </summary>
    public IdentifierSet Sent(IdentifierSet identifiers)
    {
        var byId = Placeholders.Contains("id");
        return new()
        {
            Email = Placeholders.Contains("email") || byId ? identifiers.Email : null,
            Phone = Placeholders.Contains("phone") || (byId && identifiers.Email is null) ? identifiers.Phone : null,
            Domain = Placeholders.Contains("domain") ? identifiers.Domain : null,
            LinkedInUrl = Placeholders.Contains("linkedin") ? identifiers.LinkedInUrl : null,
            FullName = Placeholders.Contains("name") ? identifiers.FullName : null,
            Company = Placeholders.Contains("company") ? identifiers.Company : null,
        };
    }

    /// <summary>Whether the identifiers carry a value for every placeholder.</summary>
    public bool CanExpand(IdentifierSet identifiers) => Placeholders.All(name => Value(identifiers, name) is not null);

    /// <summary>
    /// The path with every placeholder replaced by its percent-encoded value, or false with the reason (naming the
    /// placeholder, never the value) when a value cannot be sent safely.
    /// </summary>
    public bool TryExpand(IdentifierSet identifiers, out string path, out string? problem)
    {
        var expanded = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part.Placeholder is not { } name)
            {
                expanded.Append(part.Literal);
                continue;
            }

            var value = Value(identifiers, name) ?? string.Empty;
            if (TemplateValue.Refusal(value, part.InQuery) is { } reason)
            {
                path = string.Empty;
                problem = $"{{{name}}} {reason}";
                return false;
            }

            expanded.Append(Uri.EscapeDataString(value));
        }

        path = expanded.ToString();
        problem = null;
        return true;
    }

    private static string? Value(IdentifierSet identifiers, string placeholder) => placeholder switch
    {
        "email" => identifiers.Email,
        "phone" => identifiers.Phone,
        "domain" => identifiers.Domain,
        "linkedin" => identifiers.LinkedInUrl,
        "name" => identifiers.FullName,
        "company" => identifiers.Company,
        "id" => identifiers.Email ?? identifiers.Phone,
        _ => null,
    };

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>Literal text, or a placeholder in the path or in the query.</summary>
    private readonly record struct Part(string? Literal, string? Placeholder, bool InQuery);
}
