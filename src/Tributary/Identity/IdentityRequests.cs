using System.Text.Json;
using Tributary.Identifiers;

namespace Tributary.Host.Identity;

/// <summary>
/// Turns the identity endpoints' bodies into normalised input. Every problem is an
/// <see cref="InvalidIdentifierException"/> naming the field at fault, which the endpoints answer with <c>400</c>.
/// </summary>
internal sealed class IdentityRequests(IdentifierReader reader, IdentityKeys keys, BlockedValues blocked)
{
    /// <summary>The longest trait name kept.</summary>
    public const int MaxTraitNameLength = 128;

    private static readonly string[] TraitIdentifiers = [IdentifierTypes.Email, IdentifierTypes.Phone, IdentifierTypes.CrmId];

    public IdentifyInput ReadIdentify(IdentifyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var traits = request.Traits ?? [];
        var found = new List<Identifier?> { reader.Read(IdentifierTypes.UserId, request.UserId, "userId") };
        var kept = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in traits)
        {
            if (!names.Add(name))
            {
                // "email" and "Email" would both be read as the email: which one is the person's?
                throw new InvalidIdentifierException($"traits.{name}", "A trait is given twice (trait names compare without case).");
            }

            RequireWellFormedText(value, $"traits.{name}");
            if (TraitIdentifiers.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase)) is { } type)
            {
                found.Add(reader.Read(type, TextOf(value, $"traits.{name}"), $"traits.{name}"));
            }
            else if (name.Length == 0 || name.Length > MaxTraitNameLength || name.Any(char.IsControl))
            {
                throw new InvalidIdentifierException("traits", $"Trait names must be 1 to {MaxTraitNameLength} characters without control characters.");
            }
            else if (AnsweredFields.IsReserved(name))
            {
                throw new InvalidIdentifierException($"traits.{name}", "Trait names starting with '$' are reserved for what enrichment records.");
            }
            else
            {
                kept[name] = value;
            }
        }

        var (usable, ignored) = Split(found);
        if (usable.Count + ignored.Count == 0)
        {
            throw new InvalidIdentifierException("traits", "An identify needs at least one identifier: userId, or traits.email, traits.phone or traits.crmId.");
        }

        var nameCompany = IdentifierReader.NameAndCompany(Trait(traits, "name"), Trait(traits, "company"), "traits.name", "traits.company");
        return new IdentifyInput(usable, ignored, nameCompany is var (n, c) ? keys.OfNameAndCompany(n, c) : null, kept);
    }

    /// <summary>
    /// What enrichment learned, as an identify: any number of values of a type (an answer may name a second email),
    /// with the traits to keep. A value that does not parse is left out rather than refused, so a CRM's or a provider's
    /// malformed phone does not keep the rest from linking. Null when nothing is left to link.
    /// </summary>
    public IdentifyInput? ReadEnriched(IEnumerable<(string Type, string? Value)> identifiers, Dictionary<string, JsonElement> traits)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        ArgumentNullException.ThrowIfNull(traits);
        var found = new List<Identifier?>();
        foreach (var (type, value) in identifiers)
        {
            try
            {
                found.Add(reader.Read(type, value, type));
            }
            catch (InvalidIdentifierException)
            {
                // Not linkable; the others still are.
            }
        }

        var (usable, ignored) = Split(found.Distinct());
        if (usable.Count == 0)
        {
            return null;
        }

        (string Name, string Company)? nameCompany;
        try
        {
            nameCompany = IdentifierReader.NameAndCompany(Trait(traits, "name"), Trait(traits, "company"), "name", "company");
        }
        catch (InvalidIdentifierException)
        {
            nameCompany = null;
        }

        return new IdentifyInput(usable, ignored, nameCompany is var (n, c) ? keys.OfNameAndCompany(n, c) : null, traits, TraitsFillBlanks: true);
    }

    /// <summary>The identifiers to look up (name + company as one) and the types left out as blocked.</summary>
    public (IReadOnlyList<KeyedIdentifier> Identifiers, IReadOnlyList<string> BlockedTypes) ReadResolve(ResolveRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (usable, ignored) = Split([
            reader.Read(IdentifierTypes.UserId, request.UserId, "userId"),
            reader.Read(IdentifierTypes.CrmId, request.CrmId, "crmId"),
            reader.Read(IdentifierTypes.Email, request.Email, "email"),
            reader.Read(IdentifierTypes.Phone, request.Phone, "phone"),
        ]);
        if (IdentifierReader.NameAndCompany(request.Name, request.Company, "name", "company") is var (name, company))
        {
            var key = keys.OfNameAndCompany(name, company);
            usable.Add(new KeyedIdentifier(new Identifier(IdentifierTypes.NameCompany, key.Hash), key));
        }

        if (usable.Count + ignored.Count == 0)
        {
            throw new InvalidIdentifierException("body", "A resolve needs at least one of email, phone, crmId, userId, or name with company.");
        }

        return (usable, [.. ignored.Select(i => i.Type)]);
    }

    public (string ProfileId, Identifier Identifier) ReadUnmerge(UnmergeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var profileId = request.ProfileId?.Trim();
        if (string.IsNullOrEmpty(profileId) || profileId.Length > IdentifierReader.MaxIdLength)
        {
            throw new InvalidIdentifierException("profileId", "The profileId is required.");
        }

        var type = IdentifierTypes.Parse(request.Identifier?.Type)
            ?? throw new InvalidIdentifierException("identifier.type", $"The identifier type must be one of {string.Join(", ", IdentifierTypes.Linkable)}.");
        var identifier = reader.Read(type, request.Identifier!.Value, "identifier.value")
            ?? throw new InvalidIdentifierException("identifier.value", "The identifier value is required.");
        return (profileId, identifier);
    }

    private (List<KeyedIdentifier> Usable, List<IgnoredIdentifier> Ignored) Split(IEnumerable<Identifier?> identifiers)
    {
        var usable = new List<KeyedIdentifier>();
        var ignored = new List<IgnoredIdentifier>();
        foreach (var identifier in identifiers.OfType<Identifier>())
        {
            if (blocked.Contains(identifier))
            {
                ignored.Add(new IgnoredIdentifier(identifier.Type, "blocked"));
            }
            else
            {
                usable.Add(new KeyedIdentifier(identifier, keys.Of(identifier)));
            }
        }

        return (usable, ignored);
    }

    /// <summary>
    /// Refuses a string, at any depth, that JSON escapes into text no string can hold: a lone UTF-16
    /// surrogate (<c>"\ud800"</c>) parses as JSON but cannot be read, kept or written back. Refused up front, naming
    /// where it is, rather than failing wherever the value is first read.
    /// </summary>
    private static void RequireWellFormedText(JsonElement value, string field)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    _ = value.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw new InvalidIdentifierException(field, $"The {field} holds an escape that is not text (a lone UTF-16 surrogate such as \\ud800).");
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    RequireWellFormedText(item, $"{field}[{index++}]");
                }

                break;
            case JsonValueKind.Object:
                // Member names are read as the body is: one that is not text is refused there (400, body).
                foreach (var member in value.EnumerateObject())
                {
                    RequireWellFormedText(member.Value, $"{field}.{member.Name}");
                }

                break;
        }
    }

    /// <summary>An identifier trait as text: a string, or a number (CRM ids often arrive as numbers); null when absent.</summary>
    private static string? TextOf(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Null => null,
        _ => throw new InvalidIdentifierException(field, $"The {field} must be a string."),
    };

    private static string? Trait(Dictionary<string, JsonElement> traits, string name) =>
        traits.FirstOrDefault(t => string.Equals(t.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value
            ? value.GetString()
            : null;
}
