using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tributary.Caching;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Privacy;
using Tributary.Profiles;

namespace Tributary.Tests.Caching;

/// <summary>
/// The lookup cache never serves nor keeps an answer whose email or phone is suppressed, whatever lookup it was cached
/// under: it reads as a no match and is replaced by it, in memory and in the ledger, so the provider is not asked again.
/// </summary>
public sealed class SuppressedAnswerCacheTests : IDisposable
{
    private const string Email = "jane.doe@acme.com";
    private const string Phone = "+14152220123";
    private const string PhoneKey = "zoominfo:person:by-phone";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
    private readonly InMemoryLookupLedger _ledger = new();
    private readonly SuppressionList _suppression;
    private readonly LookupCache _cache;
    private int _calls;

    public SuppressedAnswerCacheTests()
    {
        var privacy = Options.Create(new PrivacyOptions { Pepper = "test-pepper" });
        var hasher = new IdentifierHasher(privacy);
        _suppression = new SuppressionList(new InMemorySuppressionStore(_time), hasher, privacy, _time);
        _cache = new LookupCache(
            _services.GetRequiredService<HybridCache>(), _ledger, Options.Create(new CacheOptions()), _time, suppressed: new SuppressedAnswers(_suppression, hasher));
    }

    public void Dispose()
    {
        _suppression.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task AnAnswerCachedUnderAPhone_WhoseEmailIsThenSuppressed_ReadsAsNoMatch_WithoutAskingAgain()
    {
        (await _cache.GetOrFetchAsync(PhoneKey, "zoominfo", Provider(Jane("JANE.DOE@acme.com")))).Profile.Text(ProfileFields.Email).ShouldBe("JANE.DOE@acme.com");

        await _suppression.SuppressAsync(new IdentifierSet { Email = Email }, "erasure", CancellationToken.None);
        var again = await _cache.GetOrFetchAsync(PhoneKey, "zoominfo", Provider(Jane(Email)));
        var afterThat = await _cache.GetOrFetchAsync(PhoneKey, "zoominfo", Provider(Jane(Email)));

        again.Status.ShouldBe(ProviderStatus.NoMatch);
        again.Profile.IsEmpty.ShouldBeTrue();
        afterThat.Profile.IsEmpty.ShouldBeTrue();
        _calls.ShouldBe(1, "the lookup named the suppressed subject: no provider is asked about it again");
    }

    [Fact]
    public async Task AProviderAnswerNamingASuppressedPhone_IsKeptAndServedAsNoMatch()
    {
        await _suppression.SuppressAsync(new IdentifierSet { Phone = Phone }, "erasure", CancellationToken.None);

        var answer = await _cache.GetOrFetchAsync("apollo:person:by-linkedin", "apollo", Provider(Jane(Email)));
        var stored = await _ledger.FindAsync("apollo:person:by-linkedin", CancellationToken.None);
        var again = await _cache.GetOrFetchAsync("apollo:person:by-linkedin", "apollo", Provider(Jane(Email)));

        answer.Status.ShouldBe(ProviderStatus.NoMatch);
        answer.Profile.IsEmpty.ShouldBeTrue();
        stored!.Profile.IsEmpty.ShouldBeTrue("nothing personal is written to the ledger");
        again.Origin.ShouldBe(EntryOrigin.Cache);
        _calls.ShouldBe(1);
    }

    [Fact]
    public async Task ALedgerAnswerNamingASuppressedSubject_IsReplacedByItsNoMatch()
    {
        var at = _time.GetUtcNow();
        await _ledger.RecordAsync(PhoneKey, "zoominfo", new CacheEntry(ProviderStatus.Matched, Jane(Email).Profile, 0.9, at, at.AddDays(90)), CancellationToken.None);
        await _suppression.SuppressAsync(new IdentifierSet { Email = Email }, "erasure", CancellationToken.None);

        var answer = await _cache.GetOrFetchAsync(PhoneKey, "zoominfo", Provider(Jane(Email)));
        var stored = await _ledger.FindAsync(PhoneKey, CancellationToken.None);

        answer.Status.ShouldBe(ProviderStatus.NoMatch);
        stored!.Profile.IsEmpty.ShouldBeTrue();
        (await _cache.FindStoredAsync(PhoneKey, CancellationToken.None))!.Profile.IsEmpty.ShouldBeTrue();
        _calls.ShouldBe(0);
    }

    [Fact]
    public async Task AnswersNamingNobodySuppressed_AreServedAsBefore()
    {
        await _suppression.SuppressAsync(new IdentifierSet { Email = "someone.else@acme.com" }, "erasure", CancellationToken.None);

        await _cache.GetOrFetchAsync(PhoneKey, "zoominfo", Provider(Jane(Email)));
        var again = await _cache.GetOrFetchAsync(PhoneKey, "zoominfo", Provider(Jane(Email)));

        again.Origin.ShouldBe(EntryOrigin.Cache);
        again.Profile.Text(ProfileFields.Email).ShouldBe(Email);
    }

    private ProviderResult Jane(string email) =>
        ProviderResult.Matched(
            new ProfileBuilder("zoominfo", 0.9, _time.GetUtcNow()).Set(ProfileFields.FullName, "Jane Doe").Set(ProfileFields.Email, email).Set(ProfileFields.Phone, Phone).Build(), 0.9);

    private Func<CancellationToken, Task<ProviderResult>> Provider(ProviderResult result) => _ =>
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(result);
    };
}
