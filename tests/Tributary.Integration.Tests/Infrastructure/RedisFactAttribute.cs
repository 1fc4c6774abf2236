namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>A test that needs a Redis server (<see cref="RedisServer"/>): skipped, saying why, where there is none.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute() => Skip = RedisServer.SkipReason;
}
