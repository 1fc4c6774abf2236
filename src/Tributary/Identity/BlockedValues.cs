using Microsoft.Extensions.Options;
using Tributary.Identifiers;

namespace Tributary.Host.Identity;

/// <summary>
/// <c>Identity:BlockedValues</c>, read once: each value as written and, where it parses as one, as a normalised email
/// and phone, so a blocked desk phone is blocked however a caller formats it.
/// </summary>
internal sealed class BlockedValues
{
    private readonly HashSet<string> _values = new(StringComparer.OrdinalIgnoreCase);

    public BlockedValues(IOptions<IdentityOptions> options, IdentifierNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(normalizer);
        var configured = options.Value.BlockedValues
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var value in configured)
        {
            _values.Add(value);
            TryAdd(() => IdentifierNormalizer.NormalizeEmail(value));
            TryAdd(() => normalizer.NormalizePhone(value));
        }
    }

    public int Count => _values.Count;

    public bool Contains(Identifier identifier) => _values.Contains(identifier.Value);

    private void TryAdd(Func<string> normalize)
    {
        try
        {
            _values.Add(normalize());
        }
        catch (InvalidIdentifierException)
        {
            // Not an email (or not a phone): the value as written is blocked all the same.
        }
    }
}
