using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tributary.Caching;
using Tributary.Enrichment;
using Tributary.Host.Redis;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Profiles;

namespace Tributary.IntegrationTests.ScaleOut;

/// <summary>
/// The cross-process flight of one lookup key on a real Redis, as two gateways meet it: the one that finds the lease
/// free calls, unless the answer it missed a moment ago has landed since.
/// </summary>
public sealed class RedisFlightsTests : IAsyncLifetime
{
    private readonly RedisConnection _connection = new(
        Options.Create(new CacheOptions { Redis = RedisServer.ConnectionString, RedisPrefix = RedisServer.NewPrefix() }),
        NullLogger<RedisConnection>.Instance);

    private static readonly CacheEntry Landed = new(
        ProviderStatus.Matched, Profile.Empty, 0.9, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));

    public async Task InitializeAsync()
    {
        await _connection.GetAsync();
        await Eventually.TrueAsync(() => _connection.IsConnected, "connected to Redis");
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [RedisFact]
    public async Task AFreeLease_WhoseAnswerLandedAfterTheMiss_ServesThatAnswerInsteadOfAnotherCall()
    {
        var flights = Flights();

        // The other gateway stored its answer and released the lease between this one's cache miss and its turn.
        await using var flight = await flights.JoinAsync("lookup-key", _ => ValueTask.FromResult<CacheEntry?>(Landed), CancellationToken.None);

        flight.Answer.ShouldBe(Landed);
        (await _connection.Database!.KeyExistsAsync(_connection.Prefix + "flight:lookup-key")).ShouldBeFalse("the lease taken to look is given back");
    }

    [RedisFact]
    public async Task AFreeLease_WithNothingInTheCache_IsThisProcesssToCall_AndHeldUntilReleased()
    {
        var flights = Flights();
        RedisKey lease = _connection.Prefix + "flight:new-key";

        await using (var flight = await flights.JoinAsync("new-key", _ => ValueTask.FromResult<CacheEntry?>(null), CancellationToken.None))
        {
            flight.Answer.ShouldBeNull();
            (await _connection.Database!.KeyExistsAsync(lease)).ShouldBeTrue();
        }

        (await _connection.Database!.KeyExistsAsync(lease)).ShouldBeFalse();
    }

    private RedisFlights Flights() => new(_connection, TimeProvider.System);
}
