namespace Tributary.Identifiers;

/// <summary>
/// A set of mail domains shipped as an embedded text file: one domain a line, <c>#</c> starts a comment.
/// A domain matches when it or any of its parents is listed, so <c>eu.mailinator.com</c> counts as Mailinator.
/// </summary>
internal sealed class MailDomainList
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private MailDomainList(HashSet<string> domains)
    {
        Domains = domains;
        _lookup = domains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The domains as listed.</summary>
    public IReadOnlySet<string> Domains { get; }

    /// <summary>Loads a list embedded in this assembly under <paramref name="logicalName"/>.</summary>
    public static MailDomainList FromResource(string logicalName)
    {
        using var stream = typeof(MailDomainList).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException(
                $"Embedded resource '{logicalName}' is missing; check the EmbeddedResource item of Tributary.Core.csproj.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>Reads a list in the embedded file format.</summary>
    public static MailDomainList Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);

        // Ordinal: domains are ASCII after punycode. Ignoring case forgives a hand-edited entry or a caller
        // that skipped normalisation, at no cost to lookups of already lower-case domains.
        var domains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            var comment = line.IndexOf('#', StringComparison.Ordinal);
            var domain = (comment < 0 ? line.AsSpan() : line.AsSpan(0, comment)).Trim();
            if (!domain.IsEmpty)
            {
                domains.Add(domain.ToString());
            }
        }

        return new MailDomainList(domains);
    }

    /// <summary>True when <paramref name="domain"/> or one of its parent domains is listed.</summary>
    public bool Contains(ReadOnlySpan<char> domain)
    {
        while (!domain.IsEmpty)
        {
            if (_lookup.Contains(domain))
            {
                return true;
            }

            var dot = domain.IndexOf('.');
            if (dot < 0)
            {
                return false;
            }

            domain = domain[(dot + 1)..];
        }

        return false;
    }
}
