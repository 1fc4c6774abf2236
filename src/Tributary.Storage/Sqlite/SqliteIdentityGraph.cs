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
    /// <summary>Merges repoint older pointers, so a chain is rarely longer than one hop; this only stops a cycle.</summary>
    private const int MaxMergeHops = 16;

    public async Task<IReadOnlyDictionary<IdentityKey, IReadOnlyList<IdentityLink>>> FindAsync(IReadOnlyList<IdentityKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var statements = new SqliteIdentityStatements(connection, null);
        var found = new Dictionary<IdentityKey, IReadOnlyList<IdentityLink>>();
        foreach (var key in keys.Distinct())
        {
            found[key] = await statements.LinksOfKeyAsync(key, cancellationToken);
        }

        return found;
    }

    public async Task<IdentityProfile?> GetProfileAsync(string profileId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var statements = new SqliteIdentityStatements(connection, null);
        var id = profileId;
        for (var hop = 0; hop < MaxMergeHops; hop++)
        {
            if (await statements.ProfileAsync(id, cancellationToken) is not { } row)
            {
                return null;
            }

            if (row.MergedInto is null)
            {
                return row.Profile;
            }

            id = row.MergedInto;
        }

        return null;
    }

    public async Task<IReadOnlyList<IdentityLink>> ListLinksAsync(string profileId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var statements = new SqliteIdentityStatements(connection, null);
        return await statements.LinksOfProfileAsync(profileId, cancellationToken);
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
        await using var statements = new SqliteIdentityStatements(connection, transaction);
        var (results, changed) = await IdentityViews.ApplyInOrderAsync(
            updates,
            keys => IdentityViews.ReadAsync(
                keys,
                key => statements.LinksOfKeyAsync(key, cancellationToken),
                async id => (await statements.ProfileAsync(id, cancellationToken))?.Profile,
                id => statements.LinksOfProfileAsync(id, cancellationToken)),
            change => ApplyAsync(connection, transaction, statements, change, cancellationToken));
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

    private static async Task ApplyAsync(
        SqliteConnection connection, SqliteTransaction transaction, SqliteIdentityStatements statements, IdentityChange change, CancellationToken cancellationToken)
    {
        var target = change.ProfileId;
        var now = SqliteText.Of(change.At);
        if (change.Create)
        {
            await statements.CreateProfileAsync(target, now, cancellationToken);
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
            await statements.AddLinkAsync(link, target, now, cancellationToken);
        }

        await statements.SetTraitsAsync(target, change.Traits, now, cancellationToken);
    }
}
