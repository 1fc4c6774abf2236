using Dapper;
using Microsoft.Data.Sqlite;

namespace Tributary.Storage.Sqlite;

/// <summary>
/// The identity graph in the embedded store: <c>identity_links</c> keyed by (type, hash, profile), so finding the
/// profiles of an identifier is one primary-key range read, and <c>identity_profiles</c>. SQLite has one writer at a
/// time, so an immediate transaction is the write lock.
/// </summary>
internal sealed class SqliteIdentityGraph(SqliteDatabase database) : IIdentityGraph
{
    private const string LinkColumns = "id_type, id_hash, profile_id, value, linked_at";

    /// <summary>Far above any profile the per-type limits allow; a bound, so a broken row count cannot flood memory.</summary>
    private const int ProfileLinkLimit = 1000;

    /// <summary>Merges repoint older pointers, so a chain is rarely longer than one hop; this only stops a cycle.</summary>
    private const int MaxMergeHops = 16;

    public async Task<IReadOnlyDictionary<IdentityKey, IReadOnlyList<IdentityLink>>> FindAsync(IReadOnlyList<IdentityKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = new Dictionary<IdentityKey, IReadOnlyList<IdentityLink>>();
        foreach (var key in keys.Distinct())
        {
            found[key] = await LinksOfKeyAsync(connection, null, key, cancellationToken);
        }

        return found;
    }

    public async Task<IdentityProfile?> GetProfileAsync(string profileId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ProfileAsync(connection, null, profileId, cancellationToken);
    }

    public async Task<IReadOnlyList<IdentityLink>> ListLinksAsync(string profileId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LinksOfProfileAsync(connection, null, profileId, cancellationToken);
    }

    public async Task<TResult> UpdateAsync<TResult>(
        IReadOnlyList<IdentityKey> keys, Func<IdentityView, (IdentityChange? Change, TResult Result)> decide, CancellationToken cancellationToken) =>
        (await UpdateManyAsync([new IdentityUpdate<TResult>(keys, decide)], cancellationToken))[0];

    public async Task<IReadOnlyList<TResult>> UpdateManyAsync<TResult>(IReadOnlyList<IdentityUpdate<TResult>> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var (results, changed) = await IdentityViews.ApplyInOrderAsync(
            updates,
            keys => IdentityViews.ReadAsync(
                keys,
                key => LinksOfKeyAsync(connection, transaction, key, cancellationToken),
                id => ProfileRowAsync(connection, transaction, id, cancellationToken),
                id => LinksOfProfileAsync(connection, transaction, id, cancellationToken)),
            change => ApplyAsync(connection, transaction, change, cancellationToken));
        if (changed)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return results;
    }

    public async Task<bool> DetachAsync(string profileId, IdentityKey key, string newProfileId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var now = SqliteText.Of(at);
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE identity_links SET profile_id = @newProfileId, linked_at = @now WHERE id_type = @Type AND id_hash = @Hash AND profile_id = @profileId",
            new { key.Type, key.Hash, profileId, newProfileId, now },
            transaction,
            cancellationToken: cancellationToken));
        if (moved == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO identity_profiles (id, created_at, updated_at, traits) VALUES (@newProfileId, @now, @now, '{}');
            UPDATE identity_profiles SET updated_at = @now WHERE id = @profileId;
            """,
            new { profileId, newProfileId, now },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> RemoveAsync(IdentityKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM identity_links WHERE id_type = @Type AND id_hash = @Hash", new { key.Type, key.Hash }, cancellationToken: cancellationToken));
    }

    private static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, IdentityChange change, CancellationToken cancellationToken)
    {
        var target = change.ProfileId;
        var now = SqliteText.Of(change.At);
        if (change.Create)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO identity_profiles (id, created_at, updated_at, traits) VALUES (@target, @now, @now, '{}')",
                new { target, now },
                transaction,
                cancellationToken: cancellationToken));
        }

        foreach (var absorbed in change.Absorb)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT OR IGNORE INTO identity_links (id_type, id_hash, profile_id, value, linked_at)
                    SELECT id_type, id_hash, @target, value, linked_at FROM identity_links WHERE profile_id = @absorbed;
                DELETE FROM identity_links WHERE profile_id = @absorbed;
                UPDATE identity_profiles SET merged_into = @target, traits = '{}', updated_at = @now WHERE id = @absorbed OR merged_into = @absorbed;
                """,
                new { target, absorbed, now },
                transaction,
                cancellationToken: cancellationToken));
        }

        foreach (var key in change.Remove)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM identity_links WHERE id_type = @Type AND id_hash = @Hash AND profile_id = @target",
                new { key.Type, key.Hash, target },
                transaction,
                cancellationToken: cancellationToken));
        }

        foreach (var link in change.Add)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT OR IGNORE INTO identity_links ({LinkColumns}) VALUES (@Type, @Hash, @target, @Value, @now)",
                new { link.Key.Type, link.Key.Hash, target, link.Value, now },
                transaction,
                cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE identity_profiles SET traits = COALESCE(@Traits, traits), updated_at = @now WHERE id = @target",
            new { change.Traits, target, now },
            transaction,
            cancellationToken: cancellationToken));
    }

    private static async Task<IReadOnlyList<IdentityLink>> LinksOfKeyAsync(SqliteConnection connection, SqliteTransaction? transaction, IdentityKey key, CancellationToken cancellationToken) =>
        ToLinks(await connection.QueryAsync<LinkRow>(new CommandDefinition(
            $"SELECT {LinkColumns} FROM identity_links WHERE id_type = @Type AND id_hash = @Hash ORDER BY linked_at DESC, profile_id LIMIT {IdentityView.MatchLimit}",
            new { key.Type, key.Hash },
            transaction,
            cancellationToken: cancellationToken)));

    private static async Task<IReadOnlyList<IdentityLink>> LinksOfProfileAsync(SqliteConnection connection, SqliteTransaction? transaction, string profileId, CancellationToken cancellationToken) =>
        ToLinks(await connection.QueryAsync<LinkRow>(new CommandDefinition(
            $"SELECT {LinkColumns} FROM identity_links WHERE profile_id = @profileId ORDER BY id_type, linked_at LIMIT {ProfileLinkLimit}",
            new { profileId },
            transaction,
            cancellationToken: cancellationToken)));

    private static async Task<IdentityProfile?> ProfileAsync(SqliteConnection connection, SqliteTransaction? transaction, string profileId, CancellationToken cancellationToken)
    {
        var id = profileId;
        for (var hop = 0; hop < MaxMergeHops; hop++)
        {
            var row = await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(
                "SELECT id, created_at, updated_at, traits, merged_into FROM identity_profiles WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
            if (row?.merged_into is null)
            {
                return row?.ToProfile();
            }

            id = row.merged_into;
        }

        return null;
    }

    private static async Task<IdentityProfile?> ProfileRowAsync(SqliteConnection connection, SqliteTransaction transaction, string profileId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(
            "SELECT id, created_at, updated_at, traits, merged_into FROM identity_profiles WHERE id = @profileId", new { profileId }, transaction, cancellationToken: cancellationToken)))?.ToProfile();

    private static IdentityLink[] ToLinks(IEnumerable<LinkRow> rows) =>
        [.. rows.Select(r => new IdentityLink(new IdentityKey(r.id_type, r.id_hash), r.profile_id, r.value, SqliteText.ToTime(r.linked_at)))];

#pragma warning disable IDE1006, CA1812 // Dapper maps rows by column name.
    private sealed record LinkRow(string id_type, string id_hash, string profile_id, string? value, string linked_at);

    private sealed record ProfileRow(string id, string created_at, string updated_at, string traits, string? merged_into)
    {
        public IdentityProfile ToProfile() => new(id, SqliteText.ToTime(created_at), SqliteText.ToTime(updated_at), traits);
    }
#pragma warning restore IDE1006, CA1812
}
