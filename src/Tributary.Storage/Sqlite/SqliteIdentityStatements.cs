using Microsoft.Data.Sqlite;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// The identity graph's frequent statements on one connection (and transaction), each prepared on first use and
/// re-bound after: a chunk of 100 identifies runs about a thousand of them, and a command built, parsed and bound per
/// statement cost more than the statement itself (<c>IdentityLinkBenchmark</c>).
/// </summary>
internal sealed class SqliteIdentityStatements(SqliteConnection connection, SqliteTransaction? transaction) : IAsyncDisposable
{
    private const string LinkColumns = "id_type, id_hash, profile_id, value, linked_at";

    /// <summary>Far above any profile the per-type limits allow; a bound, so a broken row count cannot flood memory.</summary>
    private const int ProfileLinkLimit = 1000;

    private SqliteCommand? _linksOfKey;
    private SqliteCommand? _linksOfProfile;
    private SqliteCommand? _profile;
    private SqliteCommand? _createProfile;
    private SqliteCommand? _addLink;
    private SqliteCommand? _setTraits;

    public Task<IReadOnlyList<IdentityLink>> LinksOfKeyAsync(IdentityKey key, CancellationToken cancellationToken)
    {
        var command = _linksOfKey ??= Create(
            $"SELECT {LinkColumns} FROM identity_links WHERE id_type = @type AND id_hash = @hash ORDER BY linked_at DESC, profile_id LIMIT {IdentityView.MatchLimit}",
            "@type",
            "@hash");
        return ReadLinksAsync(command, cancellationToken, key.Type, key.Hash);
    }

    public Task<IReadOnlyList<IdentityLink>> LinksOfProfileAsync(string profileId, CancellationToken cancellationToken)
    {
        var command = _linksOfProfile ??= Create(
            $"SELECT {LinkColumns} FROM identity_links WHERE profile_id = @profileId ORDER BY id_type, linked_at LIMIT {ProfileLinkLimit}",
            "@profileId");
        return ReadLinksAsync(command, cancellationToken, profileId);
    }

    /// <summary>The profile row as stored, and the profile it was merged into (null when it is live).</summary>
    public async Task<(IdentityProfile Profile, string? MergedInto)?> ProfileAsync(string profileId, CancellationToken cancellationToken)
    {
        var command = _profile ??= Create("SELECT id, created_at, updated_at, traits, merged_into FROM identity_profiles WHERE id = @id", "@id");
        Bind(command, profileId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var profile = new IdentityProfile(reader.GetString(0), SqliteText.ToTime(reader.GetString(1)), SqliteText.ToTime(reader.GetString(2)), reader.GetString(3));
        return (profile, reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    public Task CreateProfileAsync(string profileId, string now, CancellationToken cancellationToken)
    {
        var command = _createProfile ??= Create("INSERT INTO identity_profiles (id, created_at, updated_at, traits) VALUES (@id, @now, @now, '{}')", "@id", "@now");
        Bind(command, profileId, now);
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task AddLinkAsync(NewIdentityLink link, string profileId, string now, CancellationToken cancellationToken)
    {
        var command = _addLink ??= Create(
            $"INSERT OR IGNORE INTO identity_links ({LinkColumns}) VALUES (@type, @hash, @profileId, @value, @now)", "@type", "@hash", "@profileId", "@value", "@now");
        Bind(command, link.Key.Type, link.Key.Hash, profileId, link.Value, now);
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Replaces the traits when <paramref name="traits"/> is given; always marks the profile updated.</summary>
    public Task SetTraitsAsync(string profileId, string? traits, string now, CancellationToken cancellationToken)
    {
        var command = _setTraits ??= Create("UPDATE identity_profiles SET traits = COALESCE(@traits, traits), updated_at = @now WHERE id = @id", "@traits", "@now", "@id");
        Bind(command, traits, now, profileId);
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _linksOfKey, _linksOfProfile, _profile, _createProfile, _addLink, _setTraits })
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private SqliteCommand Create(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters)
        {
            command.Parameters.Add(name, SqliteType.Text);
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = (object?)values[i] ?? DBNull.Value;
        }
    }

    private static async Task<IReadOnlyList<IdentityLink>> ReadLinksAsync(SqliteCommand command, CancellationToken cancellationToken, params string[] values)
    {
        Bind(command, values);
        var links = new List<IdentityLink>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            links.Add(new IdentityLink(
                new IdentityKey(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                SqliteText.ToTime(reader.GetString(4))));
        }

        return links;
    }
}
