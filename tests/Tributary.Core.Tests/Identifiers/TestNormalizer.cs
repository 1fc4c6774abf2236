using Microsoft.Extensions.Options;
using Tributary.Identifiers;

namespace Tributary.Tests.Identifiers;

/// <summary>Builds the normaliser the way the host does, from options.</summary>
internal static class TestNormalizer
{
    public static IdentifierNormalizer Create(string defaultRegion = "US") =>
        new(Options.Create(new IdentifierOptions { DefaultRegion = defaultRegion }));
}
