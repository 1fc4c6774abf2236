using Microsoft.Extensions.Time.Testing;
using Tributary.Enrichment;
using Tributary.Providers;
using Tributary.Resilience;

namespace Tributary.Tests.Providers;

/// <summary>Whether a provider's latest answer refused the account: what <c>tributary providers</c> shows as unauthorized.</summary>
public sealed class ProviderRefusalTests
{
    [Fact]
    public void NoteAnswer_RefusedThenFailingThenAnswered_IsRefusingUntilAnAnswerComes()
    {
        using var runtime = new ProviderRuntime("apollo", new ProviderOptions(), new RateLimitDefaults(600), new FakeTimeProvider());
        runtime.IsRefusing.ShouldBeFalse();

        runtime.NoteAnswer(ProviderStatus.Unauthorized);
        runtime.IsRefusing.ShouldBeTrue();

        // A timeout says nothing about the key.
        runtime.NoteAnswer(ProviderStatus.Timeout);
        runtime.IsRefusing.ShouldBeTrue();

        runtime.NoteAnswer(ProviderStatus.NoMatch);
        runtime.IsRefusing.ShouldBeFalse();
    }
}
