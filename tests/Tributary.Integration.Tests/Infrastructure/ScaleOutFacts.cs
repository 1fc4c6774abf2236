using Tributary.IntegrationTests.Storage;

namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>A test that needs a Redis server (<see cref="RedisServer"/>): skipped, saying why, where there is none.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute() => Skip = RedisServer.SkipReason;
}

/// <summary>A test that needs Redis and PostgreSQL: skipped, saying why, where either is missing (never in CI).</summary>
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public ScaleOutFactAttribute() => Skip = RedisServer.SkipReason ?? PostgresServer.SkipReason;
}

/// <summary>A test that starts and stops a Redis server of its own: skipped where <c>redis-server</c> is not installed (never in CI).</summary>
public sealed class OwnRedisFactAttribute : FactAttribute
{
    public OwnRedisFactAttribute() =>
        Skip = File.Exists(RedisServer.OwnServer) || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : "redis-server is not installed.";
}
