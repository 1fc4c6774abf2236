using Npgsql;
using NpgsqlTypes;

namespace Tributary.Storage.Postgres;

/// <summary>
/// The identity graph in the shared store. Every change takes one transaction-scoped advisory lock, so identifies on
/// several nodes are applied one at a time (a merge reads and moves whole profiles, which row locks alone would not
/// order); resolves read without it.
/// </summary>
internal sealed class PostgresIdentityGraph(PostgresDatabase database) : IIdentityGraph
{
    /// <summary>"TribIdnt" in ASCII, beside the migrations' key.</summary>
    internal const long WriteLockKey = 0x54726962_49646e74;

    private const string LinkColumns = "id_type, id_hash, profile_id, value, linked_at";
    private const int ProfileLinkLimit = 1000;
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
        var id = profileId;
        for (var hop = 0; hop < MaxMergeHops; hop++)
        {
            var (profile, mergedInto) = await ProfileRowAsync(connection, null, id, cancellationToken);
            if (mergedInto is null)
            {
                return profile;
            }

            id = mergedInto;
        }

        return null;
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

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await LockedAsync(connection, cancellationToken);
        var (results, changed) = await IdentityViews.ApplyInOrderAsync(
            updates,
            keys => IdentityViews.ReadAsync(
                keys,
                key => LinksOfKeyAsync(connection, transaction, key, cancellationToken),
                async id => (await ProfileRowAsync(connection, transaction, id, cancellationToken)).Profile,
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
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await LockedAsync(connection, cancellationToken);
        await using (var create = new NpgsqlCommand(
            "INSERT INTO identity_profiles (id, created_at, updated_at) VALUES (@newProfileId, @at, @at)", connection, transaction)
            .With("newProfileId", newProfileId)
            .WithTime("at", at))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var move = new NpgsqlCommand(
            "UPDATE identity_links SET profile_id = @newProfileId, linked_at = @at WHERE id_type = @type AND id_hash = @hash AND profile_id = @profileId",
            connection,
            transaction)
            .With("newProfileId", newProfileId)
            .WithTime("at", at)
            .With("type", key.Type)
            .With("hash", key.Hash)
            .With("profileId", profileId);
        if (await move.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            // Rolled back with the new profile.
            return false;
        }

        await using (var touch = new NpgsqlCommand("UPDATE identity_profiles SET updated_at = @at WHERE id = @profileId", connection, transaction)
            .WithTime("at", at)
            .With("profileId", profileId))
        {
            await touch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> RemoveAsync(IdentityKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("DELETE FROM identity_links WHERE id_type = @type AND id_hash = @hash", connection)
            .With("type", key.Type)
            .With("hash", key.Hash);
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<NpgsqlTransaction> LockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction).With("key", WriteLockKey);
        await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IdentityChange change, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        await using var _ = batch;
        if (change.Create)
        {
            batch.BatchCommands.Add(Command("INSERT INTO identity_profiles (id, created_at, updated_at) VALUES (@target, @at, @at)", change.ProfileId, change.At));
        }

        foreach (var absorbed in change.Absorb)
        {
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO identity_links (id_type, id_hash, profile_id, value, linked_at)
                    SELECT id_type, id_hash, @target, value, linked_at FROM identity_links WHERE profile_id = @absorbed
                ON CONFLICT DO NOTHING
                """,
                change.ProfileId,
                change.At,
                ("absorbed", absorbed)));
            batch.BatchCommands.Add(Command("DELETE FROM identity_links WHERE profile_id = @absorbed", change.ProfileId, change.At, ("absorbed", absorbed)));
            batch.BatchCommands.Add(Command(
                "UPDATE identity_profiles SET merged_into = @target, traits = '{}', updated_at = @at WHERE id = @absorbed OR merged_into = @absorbed",
                change.ProfileId,
                change.At,
                ("absorbed", absorbed)));
        }

        foreach (var key in change.Remove)
        {
            batch.BatchCommands.Add(Command(
                "DELETE FROM identity_links WHERE id_type = @type AND id_hash = @hash AND profile_id = @target", change.ProfileId, change.At, ("type", key.Type), ("hash", key.Hash)));
        }

        foreach (var link in change.Add)
        {
            batch.BatchCommands.Add(Command(
                $"INSERT INTO identity_links ({LinkColumns}) VALUES (@type, @hash, @target, @value, @at) ON CONFLICT DO NOTHING",
                change.ProfileId,
                change.At,
                ("type", link.Key.Type),
                ("hash", link.Key.Hash),
                ("value", link.Value)));
        }

        var traits = Command("UPDATE identity_profiles SET traits = COALESCE(@traits, traits), updated_at = @at WHERE id = @target", change.ProfileId, change.At);
        traits.Parameters.Add(new NpgsqlParameter("traits", NpgsqlDbType.Jsonb) { Value = (object?)change.Traits ?? DBNull.Value });
        batch.BatchCommands.Add(traits);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, string target, DateTimeOffset at, params (string Name, string? Value)[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string>("target", target));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", at.ToUniversalTime()));
        foreach (var (name, value) in values)
        {
            command.Parameters.Add(value is null ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value } : new NpgsqlParameter<string>(name, value));
        }

        return command;
    }

    private static async Task<IReadOnlyList<IdentityLink>> LinksOfKeyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IdentityKey key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {LinkColumns} FROM identity_links WHERE id_type = @type AND id_hash = @hash ORDER BY linked_at DESC, profile_id LIMIT {IdentityView.MatchLimit}",
            connection,
            transaction)
            .With("type", key.Type)
            .With("hash", key.Hash);
        return await ReadLinksAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<IdentityLink>> LinksOfProfileAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string profileId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {LinkColumns} FROM identity_links WHERE profile_id = @profileId ORDER BY id_type, linked_at LIMIT {ProfileLinkLimit}", connection, transaction)
            .With("profileId", profileId);
        return await ReadLinksAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<IdentityLink>> ReadLinksAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var links = new List<IdentityLink>();
        while (await reader.ReadAsync(cancellationToken))
        {
            links.Add(new IdentityLink(
                new IdentityKey(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return links;
    }

    private static async Task<(IdentityProfile? Profile, string? MergedInto)> ProfileRowAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string profileId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, created_at, updated_at, traits::text, merged_into FROM identity_profiles WHERE id = @id", connection, transaction)
            .With("id", profileId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (null, null);
        }

        var profile = new IdentityProfile(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3));
        return (profile, reader.IsDBNull(4) ? null : reader.GetString(4));
    }
}
