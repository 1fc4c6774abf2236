using Npgsql;

namespace Tributary.Storage.Postgres;

/// <summary><c>enriched_contacts</c> in the shared store; a record's row here and in <c>unmatched_records</c> exclude each other.</summary>
internal sealed class PostgresEnrichedContactStore(PostgresDatabase database) : IEnrichedContactStore
{
    private const string Upsert =
        """
        INSERT INTO enriched_contacts (record_id, enriched_at, company_name, employee_count, industry, tech_stack, intent_keywords,
            linkedin_url, full_name, job_title, seniority, department, email_hash, phone, city, country, provenance)
        VALUES (@recordId, @enrichedAt, @companyName, @employeeCount, @industry, @techStack, @intentKeywords,
            @linkedinUrl, @fullName, @jobTitle, @seniority, @department, @emailHash, @phone, @city, @country, @provenance)
        ON CONFLICT (record_id) DO UPDATE SET
            enriched_at = excluded.enriched_at, company_name = excluded.company_name, employee_count = excluded.employee_count,
            industry = excluded.industry, tech_stack = excluded.tech_stack, intent_keywords = excluded.intent_keywords,
            linkedin_url = excluded.linkedin_url, full_name = excluded.full_name, job_title = excluded.job_title,
            seniority = excluded.seniority, department = excluded.department, email_hash = excluded.email_hash,
            phone = excluded.phone, city = excluded.city, country = excluded.country, provenance = excluded.provenance
        """;

    public async Task UpsertAsync(IReadOnlyCollection<EnrichedContact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        if (contacts.Count == 0)
        {
            return;
        }

        // One round trip for the whole batch; a batch runs in one implicit transaction, so a record enriched now leaves
        // unmatched_records in the same commit that writes its row here.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var unmatched = new NpgsqlBatchCommand("DELETE FROM unmatched_records WHERE record_id = ANY(@recordIds)");
        unmatched.Parameters.Add(new NpgsqlParameter<string[]>("recordIds", [.. contacts.Select(static c => c.RecordId)]));
        batch.BatchCommands.Add(unmatched);
        foreach (var c in contacts)
        {
            var command = new NpgsqlBatchCommand(Upsert);
            command.Parameters.Add(new NpgsqlParameter<string>("recordId", c.RecordId));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("enrichedAt", c.EnrichedAt.ToUniversalTime()));
            command.Parameters.Add(Nullable("companyName", c.CompanyName));
            command.Parameters.Add(c.EmployeeCount is { } count ? new NpgsqlParameter<long>("employeeCount", count) : new NpgsqlParameter("employeeCount", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = DBNull.Value });
            command.Parameters.Add(Nullable("industry", c.Industry));
            command.Parameters.Add(Json("techStack", StorageJson.Write(c.TechStack)));
            command.Parameters.Add(Json("intentKeywords", StorageJson.Write(c.IntentKeywords)));
            command.Parameters.Add(Nullable("linkedinUrl", c.LinkedInUrl));
            command.Parameters.Add(Nullable("fullName", c.FullName));
            command.Parameters.Add(Nullable("jobTitle", c.JobTitle));
            command.Parameters.Add(Nullable("seniority", c.Seniority));
            command.Parameters.Add(Nullable("department", c.Department));
            command.Parameters.Add(Nullable("emailHash", c.EmailHash));
            command.Parameters.Add(Nullable("phone", c.Phone));
            command.Parameters.Add(Nullable("city", c.City));
            command.Parameters.Add(Nullable("country", c.Country));
            command.Parameters.Add(Json("provenance", StorageJson.Write(c.Provenance)));
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<EnrichedContact?> GetAsync(string recordId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT record_id, enriched_at, company_name, employee_count, industry, tech_stack::text, intent_keywords::text, linkedin_url,
                   full_name, job_title, seniority, department, email_hash, phone, city, country, provenance::text
            FROM enriched_contacts WHERE record_id = @recordId
            """,
            connection)
            .With("recordId", recordId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        return new EnrichedContact(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1))
        {
            CompanyName = Text(2),
            EmployeeCount = reader.IsDBNull(3) ? null : reader.GetInt64(3),
            Industry = Text(4),
            TechStack = StorageJson.ReadList(reader.GetString(5)),
            IntentKeywords = StorageJson.ReadList(reader.GetString(6)),
            LinkedInUrl = Text(7),
            FullName = Text(8),
            JobTitle = Text(9),
            Seniority = Text(10),
            Department = Text(11),
            EmailHash = Text(12),
            Phone = Text(13),
            City = Text(14),
            Country = Text(15),
            Provenance = StorageJson.ReadProvenance(reader.GetString(16)),
        };
    }

    private static NpgsqlParameter Nullable(string name, string? value) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = value is null ? DBNull.Value : value };

    private static NpgsqlParameter<string> Json(string name, string json) => new(name, NpgsqlTypes.NpgsqlDbType.Jsonb) { TypedValue = json };

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM enriched_contacts", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
