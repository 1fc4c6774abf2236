using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Tributary.Host.Flat;

namespace Tributary.Host.Batch;

/// <summary>
/// Which input column holds which identifier: detected from the header by synonyms (case, spaces, dashes and
/// underscores ignored, first match wins), then overridden by <c>--map column=field</c>.
/// </summary>
internal sealed class ColumnMap
{
    private static readonly FrozenDictionary<string, IdentifierColumn> Synonyms = new Dictionary<string, IdentifierColumn>
    {
        ["email"] = IdentifierColumn.Email,
        ["emailaddress"] = IdentifierColumn.Email,
        ["workemail"] = IdentifierColumn.Email,
        ["phone"] = IdentifierColumn.Phone,
        ["phonenumber"] = IdentifierColumn.Phone,
        ["mobile"] = IdentifierColumn.Phone,
        ["mobilephone"] = IdentifierColumn.Phone,
        ["telephone"] = IdentifierColumn.Phone,
        ["domain"] = IdentifierColumn.Domain,
        ["domainname"] = IdentifierColumn.Domain,
        ["website"] = IdentifierColumn.Domain,
        ["companydomain"] = IdentifierColumn.Domain,
        ["companywebsite"] = IdentifierColumn.Domain,
        ["name"] = IdentifierColumn.Name,
        ["fullname"] = IdentifierColumn.Name,
        ["first"] = IdentifierColumn.FirstName,
        ["firstname"] = IdentifierColumn.FirstName,
        ["givenname"] = IdentifierColumn.FirstName,
        ["last"] = IdentifierColumn.LastName,
        ["lastname"] = IdentifierColumn.LastName,
        ["surname"] = IdentifierColumn.LastName,
        ["familyname"] = IdentifierColumn.LastName,
        ["company"] = IdentifierColumn.Company,
        ["companyname"] = IdentifierColumn.Company,
        ["organization"] = IdentifierColumn.Company,
        ["organisation"] = IdentifierColumn.Company,
        ["linkedin"] = IdentifierColumn.LinkedIn,
        ["linkedinurl"] = IdentifierColumn.LinkedIn,
        ["linkedinprofile"] = IdentifierColumn.LinkedIn,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly Dictionary<IdentifierColumn, int> _indexes;

    private ColumnMap(Dictionary<IdentifierColumn, int> indexes)
    {
        _indexes = indexes;
    }

    /// <summary>Identifier → column index, for the identifiers the file has.</summary>
    public IReadOnlyDictionary<IdentifierColumn, int> Indexes => _indexes;

    /// <summary>
    /// Maps <paramref name="columns"/>, applying <paramref name="overrides"/> (column name → field name, or
    /// <c>none</c> to ignore a column detection picked). Fails with a message naming the wrong override.
    /// </summary>
    public static bool TryCreate(
        IReadOnlyList<string> columns,
        IReadOnlyList<MapOverride> overrides,
        [NotNullWhen(true)] out ColumnMap? map,
        [NotNullWhen(false)] out string? error)
    {
        var indexes = new Dictionary<IdentifierColumn, int>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (Synonyms.TryGetValue(Normalize(columns[i]), out var field))
            {
                indexes.TryAdd(field, i);
            }
        }

        foreach (var mapping in overrides)
        {
            var index = IndexOf(columns, mapping.Column);
            if (index < 0)
            {
                (map, error) = (null, $"--map {mapping.Column}={mapping.FieldText}: the input has no column '{mapping.Column}' (columns: {string.Join(", ", columns)}).");
                return false;
            }

            foreach (var (field, _) in indexes.Where(p => p.Value == index).ToArray())
            {
                indexes.Remove(field);
            }

            if (mapping.Field is { } target)
            {
                indexes[target] = index;
            }
        }

        (map, error) = (new ColumnMap(indexes), null);
        return true;
    }

    /// <summary>The identifiers of one row, as a <c>/v1/enrich</c> body; empty cells are absent.</summary>
    public EnrichRequestBody Identifiers(string[] values)
    {
        string? Value(IdentifierColumn column) => _indexes.TryGetValue(column, out var index) && values[index] is { Length: > 0 } value ? value : null;
        return new EnrichRequestBody
        {
            Email = Value(IdentifierColumn.Email),
            Phone = Value(IdentifierColumn.Phone),
            Domain = Value(IdentifierColumn.Domain),
            Name = Value(IdentifierColumn.Name),
            FirstName = Value(IdentifierColumn.FirstName),
            LastName = Value(IdentifierColumn.LastName),
            Company = Value(IdentifierColumn.Company),
            LinkedInUrl = Value(IdentifierColumn.LinkedIn),
        };
    }

    /// <summary>Parses <c>column=field</c>; the column may contain spaces, the field is an identifier name or <c>none</c>.</summary>
    public static bool TryParseOverride(string text, [NotNullWhen(true)] out MapOverride? mapping, [NotNullWhen(false)] out string? error)
    {
        mapping = null;
        var equals = text.LastIndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
        {
            error = $"--map '{text}': expected column=field, e.g. --map \"E-mail Address=email\".";
            return false;
        }

        var column = text[..equals].Trim();
        var fieldText = text[(equals + 1)..].Trim();
        if (fieldText.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            (mapping, error) = (new MapOverride(column, fieldText, null), null);
            return true;
        }

        if (!Synonyms.TryGetValue(Normalize(fieldText), out var field))
        {
            error = $"--map '{text}': unknown field '{fieldText}'; use email, phone, domain, name, first, last, company, linkedin or none.";
            return false;
        }

        (mapping, error) = (new MapOverride(column, fieldText, field), null);
        return true;
    }

    /// <summary>"E-mail Address" → "emailaddress".</summary>
    private static string Normalize(string header)
    {
        Span<char> buffer = stackalloc char[Math.Min(header.Length, 128)];
        var length = 0;
        foreach (var c in header.AsSpan(0, Math.Min(header.Length, 128)))
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>One <c>--map column=field</c>; <see cref="Field"/> null means "not an identifier".</summary>
internal sealed record MapOverride(string Column, string FieldText, IdentifierColumn? Field);
