using System.Globalization;
using StackExchange.Redis;
using Tributary.Credits;

namespace Tributary.Host.Redis;

/// <summary>Today's spend per provider in Redis, one counter per provider and UTC day, kept two days.</summary>
internal sealed class RedisCredits(RedisConnection connection) : ISharedCredits
{
    private static readonly TimeSpan Kept = TimeSpan.FromDays(2);

    public bool IsAvailable => connection.IsConnected;

    public async ValueTask<decimal?> AddAsync(string provider, DateOnly day, decimal cost)
    {
        if (connection.Database is not { } database)
        {
            return null;
        }

        try
        {
            var key = Key(provider, day);
            var total = await database.StringIncrementAsync(key, (double)cost);
            await database.KeyExpireAsync(key, Kept, ExpireWhen.HasNoExpiry);
            return (decimal)total;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.Failed("credits", ex);
            return null;
        }
    }

    public async ValueTask<decimal?> SpentAsync(string provider, DateOnly day)
    {
        if (connection.Database is not { } database)
        {
            return null;
        }

        try
        {
            var value = await database.StringGetAsync(Key(provider, day));
            return value.IsNullOrEmpty ? 0m : decimal.Parse(value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.Failed("credits", ex);
            return null;
        }
    }

    private RedisKey Key(string provider, DateOnly day) =>
        connection.Prefix + "credits:" + provider + ":" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
