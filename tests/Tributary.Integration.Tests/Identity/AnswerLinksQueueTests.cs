using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Diagnostics;
using Tributary.Enrichment;
using Tributary.Host.Identity;
using Tributary.Identifiers;
using Tributary.Profiles;

namespace Tributary.IntegrationTests.Identity;

/// <summary>What <see cref="AnswerLinks"/> queues on the request path, and that it never waits when full.</summary>
public sealed class AnswerLinksQueueTests : IDisposable
{
    private static readonly EnrichmentRequest ByEmail = new(new IdentifierSet { Email = "queue.person@acme.test" });

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void AFreshMatch_IsQueued()
    {
        var links = Links();

        links.Offer(ByEmail, Answer(ProviderStatus.Matched)).ShouldBeTrue();

        links.Count.ShouldBe(1);
    }

    [Fact]
    public void CacheHits_NoMatches_AndFailures_AreNotQueued()
    {
        var links = Links();

        links.Offer(ByEmail, Answer(ProviderStatus.Cached)).ShouldBeFalse();
        links.Offer(ByEmail, Answer(ProviderStatus.Cached, ProviderStatus.NoMatch, ProviderStatus.Timeout)).ShouldBeFalse();
        links.Offer(ByEmail, new EnrichmentResult(Profile.Empty, [Outcome(ProviderStatus.Matched)], 0, false, TimeSpan.Zero)).ShouldBeFalse("source none");

        links.Count.ShouldBe(0);
    }

    [Fact]
    public void ACompanyLookup_AndAnAnswerWithNoEmailOrPhone_AreNotQueued()
    {
        var links = Links();

        links.Offer(new EnrichmentRequest(new IdentifierSet { Domain = "acme.test" }, LookupKind.Company), Answer(ProviderStatus.Matched)).ShouldBeFalse();
        links.Offer(new EnrichmentRequest(new IdentifierSet { LinkedInUrl = "https://linkedin.com/in/nobody" }), Answer(ProviderStatus.Matched)).ShouldBeFalse();
        var withEmail = new ProfileBuilder("clearbit", 0.9, default).Set(ProfileFields.Email, "found@acme.test").Build();
        links.Offer(new EnrichmentRequest(new IdentifierSet { LinkedInUrl = "https://linkedin.com/in/found" }), Answer(withEmail, ProviderStatus.Matched)).ShouldBeTrue();

        links.Count.ShouldBe(1);
    }

    [Fact]
    public void LinkOnEnrichOff_QueuesNothing()
    {
        var links = Links(new IdentityOptions { LinkOnEnrich = false });

        links.Offer(ByEmail, Answer(ProviderStatus.Matched)).ShouldBeFalse();

        links.Count.ShouldBe(0);
    }

    [Fact]
    public void AFullQueue_DropsTheNewest_WithoutWaiting_AndCountsIt()
    {
        var metrics = new EnrichmentMetrics(_services.GetRequiredService<IMeterFactory>(), TimeProvider.System);
        var links = new AnswerLinks(Options.Create(new IdentityOptions()), metrics);
        long dropped = 0;
        using var listener = new MeterListener();

        // This test's own meter (its own factory): other tests' gateways in the process do not count.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter) && instrument.Name == "tributary_identity_links_dropped")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref dropped, value));
        listener.Start();
        var answer = Answer(ProviderStatus.Matched);
        for (var i = 0; i < AnswerLinks.Capacity; i++)
        {
            links.Offer(ByEmail, answer).ShouldBeTrue();
        }

        links.Offer(ByEmail, answer).ShouldBeFalse();
        links.Offer(ByEmail, answer).ShouldBeFalse();

        links.Count.ShouldBe(AnswerLinks.Capacity);
        links.Dropped.ShouldBe(2);
        Interlocked.Read(ref dropped).ShouldBe(2);
    }

    private AnswerLinks Links(IdentityOptions? options = null) =>
        new(Options.Create(options ?? new IdentityOptions()), new EnrichmentMetrics(_services.GetRequiredService<IMeterFactory>(), TimeProvider.System));

    private static EnrichmentResult Answer(params ProviderStatus[] statuses) =>
        Answer(new ProfileBuilder("clearbit", 0.9, default).Set(ProfileFields.FullName, "Queue Person").Build(), statuses);

    private static EnrichmentResult Answer(Profile profile, params ProviderStatus[] statuses) =>
        new(profile, [.. statuses.Select(Outcome)], 0.9, false, TimeSpan.Zero);

    private static ProviderOutcome Outcome(ProviderStatus status) => new("clearbit", status, TimeSpan.Zero, Profile.Empty, 0.9);
}
