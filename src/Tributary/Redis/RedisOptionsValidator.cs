using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tributary.Caching;

namespace Tributary.Host.Redis;

/// <summary>
/// <c>Cache:Redis</c> checked at start, as every setting is (exit code 2, naming it): an option the client does not
/// know, or no server at all, would otherwise fail the host as an unexplained error.
/// </summary>
internal sealed class RedisOptionsValidator : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            return ValidateOptionsResult.Success;
        }

        // The client would read a URL as a host named "redis://…" on port 0, and the process would run unshared.
        if (options.Redis.Contains("://", StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail("Cache:Redis: takes host:port then options (e.g. redis:6379,password=…), not a URL (redis://…).");
        }

        try
        {
            return ConfigurationOptions.Parse(options.Redis).EndPoints.Count > 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Cache:Redis: names no server; give host:port (e.g. redis:6379), then any options.");
        }
        catch (ArgumentException ex)
        {
            // The client's message names the option, never the password.
            return ValidateOptionsResult.Fail($"Cache:Redis: {ex.Message}");
        }
    }
}
