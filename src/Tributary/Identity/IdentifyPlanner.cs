using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Storage;

namespace Tributary.Host.Identity;

/// <summary>
/// Decides what an identify changes, from the graph as it is (read under the write lock). Strong identifiers (userId,
/// crmId, email) choose the profile; when they name several, those are merged into the oldest. A phone alone never
/// merges: a household shares one. Merge protection: the profile that would result may hold at most
/// <c>Identity:Limits:&lt;type&gt;</c> values of a type; past that, nothing is linked and the refusal says why.
/// </summary>
internal sealed class IdentifyPlanner(IdentityOptions options)
{
    public (IdentityChange? Change, IdentifyOutcome Outcome) Plan(IdentifyInput input, IdentityView view, string newProfileId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(view);
        if (input.Identifiers.Count == 0)
        {
            var type = input.Ignored.FirstOrDefault()?.Type ?? "";
            return (null, new IdentifyOutcome("", false, [], [], new IdentifyRefusal("Every identifier given is in Identity:BlockedValues. Nothing was linked.", type, 0)));
        }

        var strong = input.Identifiers.Where(i => IdentifierTypes.IsStrong(i.Type)).ToList();
        var matched = strong
            .SelectMany(i => view.Matches[i.Key])
            .Select(l => view.Profiles.GetValueOrDefault(l.ProfileId))
            .OfType<IdentityProfile>()
            .DistinctBy(p => p.Id)
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();

        string target;
        if (matched.Count > 0)
        {
            target = matched[0].Id;
        }
        else if (strong.Count > 0)
        {
            target = newProfileId;
        }
        else
        {
            // Only weak identifiers (a phone): the one profile that has it, else a new one; several is a household.
            var phone = input.Identifiers[0];
            var owners = view.Matches[phone.Key];
            if (owners.Count > 1)
            {
                var reason = $"The {phone.Type} is linked to {owners.Count} profiles (a household or shared line); identify with a userId, crmId or email to choose one. Nothing was linked.";
                return (null, new IdentifyOutcome("", false, [], [], new IdentifyRefusal(reason, phone.Type, options.LimitOf(phone.Type))));
            }

            target = owners.Count == 1 ? owners[0].ProfileId : newProfileId;
        }

        var created = target == newProfileId;
        var absorbed = matched.Skip(1).Select(p => p.Id).ToList();
        var existing = new[] { target }.Concat(absorbed)
            .SelectMany(id => view.ProfileLinks.GetValueOrDefault(id) ?? [])
            .Select(l => l.Key)
            .ToHashSet();

        if (FindBrokenLimit(input, view, target, existing) is { } refusal)
        {
            return (null, new IdentifyOutcome(created ? "" : target, false, [], [], refusal));
        }

        var add = input.Identifiers
            .Where(i => !existing.Contains(i.Key))
            .Select(i => new NewIdentityLink(i.Key, IdentityKeys.ClearValueOf(i.Identifier)))
            .ToList();
        var remove = new List<IdentityKey>();
        if (input.NameCompany is { } nameCompany)
        {
            // Name and company describe the profile as it is now: the new pair replaces what was kept.
            remove.AddRange(existing.Where(k => k.Type == IdentifierTypes.NameCompany && k != nameCompany));
            if (!existing.Contains(nameCompany))
            {
                add.Add(new NewIdentityLink(nameCompany, null));
            }
        }

        var profiles = matched.OrderBy(p => p.UpdatedAt).Select(p => p.Traits);
        var change = new IdentityChange(target, created, absorbed, add, remove, MergeTraits(profiles, input.Traits, input.TraitsFillBlanks), now);
        var linked = add.Where(l => l.Key.Type != IdentifierTypes.NameCompany).Select(l => l.Key.Type).ToList();
        return (change, new IdentifyOutcome(target, created, linked, absorbed, null));
    }

    /// <summary>
    /// The first type whose count the change would raise past its limit. A profile already past a limit (the limit
    /// was lowered) keeps what it has but gains no more of that type.
    /// </summary>
    private IdentifyRefusal? FindBrokenLimit(IdentifyInput input, IdentityView view, string target, HashSet<IdentityKey> existing)
    {
        var after = existing.Concat(input.Identifiers.Select(i => i.Key)).ToHashSet();
        var before = (view.ProfileLinks.GetValueOrDefault(target) ?? []).Select(l => l.Key).ToList();
        foreach (var type in IdentifierTypes.Linkable)
        {
            var limit = options.LimitOf(type);
            var count = after.Count(k => k.Type == type);
            if (count > limit && count > before.Count(k => k.Type == type))
            {
                var reason = $"Linking would give the profile {count} {type} values; Identity:Limits:{type} is {limit}. Nothing was linked.";
                return new IdentifyRefusal(reason, type, limit);
            }
        }

        return null;
    }

    /// <summary>
    /// Kept traits of the merged profiles, least recently updated first, then the request's on top (a null removes
    /// one), or, with <paramref name="fillBlanks"/>, only where the profile has no value.
    /// </summary>
    private static string MergeTraits(IEnumerable<string> kept, IReadOnlyDictionary<string, JsonElement> incoming, bool fillBlanks)
    {
        var merged = new JsonObject();
        foreach (var traits in kept)
        {
            if (JsonNode.Parse(traits) is JsonObject stored)
            {
                foreach (var (name, value) in stored)
                {
                    merged[name] = value?.DeepClone();
                }
            }
        }

        foreach (var (name, value) in incoming)
        {
            if (name == AnsweredFields.Member)
            {
                AnsweredFields.MergeInto(merged, JsonNode.Parse(value.GetRawText()));
                continue;
            }

            if (fillBlanks && merged[name] is { } present && !(present is JsonValue text && text.TryGetValue<string>(out var s) && s.Length == 0))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                merged.Remove(name);
            }
            else
            {
                merged[name] = JsonNode.Parse(value.GetRawText());
            }
        }

        return merged.ToJsonString();
    }
}
