using Npgsql;
using NpgsqlTypes;

namespace Tributary.Storage.Postgres;

/// <summary>Typed parameters in one call each, so commands read as their SQL plus their values.</summary>
internal static class NpgsqlCommandExtensions
{
    public static NpgsqlCommand With<T>(this NpgsqlCommand command, string name, T value)
    {
        command.Parameters.Add(value is null ? new NpgsqlParameter(name, DBNull.Value) : new NpgsqlParameter<T>(name, value));
        return command;
    }

    /// <summary>A time as <c>timestamptz</c>, which Npgsql accepts only in UTC.</summary>
    public static NpgsqlCommand WithTime(this NpgsqlCommand command, string name, DateTimeOffset value) =>
        command.With(name, value.ToUniversalTime());

    public static NpgsqlCommand WithJson(this NpgsqlCommand command, string name, string json, NpgsqlDbType type = NpgsqlDbType.Jsonb)
    {
        command.Parameters.Add(new NpgsqlParameter<string>(name, type) { TypedValue = json });
        return command;
    }
}
