using Dapper;

namespace Tributary.Storage.Sqlite;

/// <summary><c>enriched_contacts</c> in the embedded store; a record's row here and in <c>unmatched_records</c> exclude each other.</summary>
internal sealed class SqliteEnrichedContactStore(SqliteDatabase database) : IEnrichedContactStore
{
    private const string Columns =
        "record_id, enriched_at, company_name, employee_count, industry, tech_stack, intent_keywords, linkedin_url, full_name, " +
        "job_title, seniority, department, email_hash, phone, city, country, provenance";

    public async Task UpsertAsync(IReadOnlyCollection<EnrichedContact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        using (var upsert = new SqliteRowStatement(
            connection,
            transaction,
            $"""
            INSERT INTO enriched_contacts ({Columns})
            VALUES (@recordId, @enrichedAt, @companyName, @employeeCount, @industry, @techStack, @intentKeywords, @linkedInUrl, @fullName,
                    @jobTitle, @seniority, @department, @emailHash, @phone, @city, @country, @provenance)
            ON CONFLICT (record_id) DO UPDATE SET
                enriched_at = excluded.enriched_at, company_name = excluded.company_name, employee_count = excluded.employee_count,
                industry = excluded.industry, tech_stack = excluded.tech_stack, intent_keywords = excluded.intent_keywords,
                linkedin_url = excluded.linkedin_url, full_name = excluded.full_name, job_title = excluded.job_title,
                seniority = excluded.seniority, department = excluded.department, email_hash = excluded.email_hash,
                phone = excluded.phone, city = excluded.city, country = excluded.country, provenance = excluded.provenance
            """,
            "@recordId", "@enrichedAt", "@companyName", "@employeeCount", "@industry", "@techStack", "@intentKeywords", "@linkedInUrl", "@fullName",
            "@jobTitle", "@seniority", "@department", "@emailHash", "@phone", "@city", "@country", "@provenance"))
        using (var unmatched = new SqliteRowStatement(connection, transaction, "DELETE FROM unmatched_records WHERE record_id = @recordId", "@recordId"))
        {
            foreach (var contact in contacts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                unmatched.Run(contact.RecordId);
                var r = Row.From(contact);
                upsert.Run(
                    r.RecordId, r.EnrichedAt, r.CompanyName, r.EmployeeCount, r.Industry, r.TechStack, r.IntentKeywords, r.LinkedInUrl, r.FullName,
                    r.JobTitle, r.Seniority, r.Department, r.EmailHash, r.Phone, r.City, r.Country, r.Provenance);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<EnrichedContact?> GetAsync(string recordId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            SELECT record_id AS RecordId, enriched_at AS EnrichedAt, company_name AS CompanyName, employee_count AS EmployeeCount,
                   industry AS Industry, tech_stack AS TechStack, intent_keywords AS IntentKeywords, linkedin_url AS LinkedInUrl,
                   full_name AS FullName, job_title AS JobTitle, seniority AS Seniority, department AS Department,
                   email_hash AS EmailHash, phone AS Phone, city AS City, country AS Country, provenance AS Provenance
            FROM enriched_contacts WHERE record_id = @recordId
            """,
            new { recordId },
            cancellationToken: cancellationToken));
        return row?.ToContact();
    }

    /// <summary>The row as SQLite stores it: times as text, lists as JSON text.</summary>
    private sealed class Row
    {
        public string RecordId { get; set; } = "";
        public string EnrichedAt { get; set; } = "";
        public string? CompanyName { get; set; }
        public long? EmployeeCount { get; set; }
        public string? Industry { get; set; }
        public string TechStack { get; set; } = "[]";
        public string IntentKeywords { get; set; } = "[]";
        public string? LinkedInUrl { get; set; }
        public string? FullName { get; set; }
        public string? JobTitle { get; set; }
        public string? Seniority { get; set; }
        public string? Department { get; set; }
        public string? EmailHash { get; set; }
        public string? Phone { get; set; }
        public string? City { get; set; }
        public string? Country { get; set; }
        public string Provenance { get; set; } = "[]";

        public static Row From(EnrichedContact c) => new()
        {
            RecordId = c.RecordId,
            EnrichedAt = SqliteText.Of(c.EnrichedAt),
            CompanyName = c.CompanyName,
            EmployeeCount = c.EmployeeCount,
            Industry = c.Industry,
            TechStack = StorageJson.Write(c.TechStack),
            IntentKeywords = StorageJson.Write(c.IntentKeywords),
            LinkedInUrl = c.LinkedInUrl,
            FullName = c.FullName,
            JobTitle = c.JobTitle,
            Seniority = c.Seniority,
            Department = c.Department,
            EmailHash = c.EmailHash,
            Phone = c.Phone,
            City = c.City,
            Country = c.Country,
            Provenance = StorageJson.Write(c.Provenance),
        };

        public EnrichedContact ToContact() => new(RecordId, SqliteText.ToTime(EnrichedAt))
        {
            CompanyName = CompanyName,
            EmployeeCount = EmployeeCount,
            Industry = Industry,
            TechStack = StorageJson.ReadList(TechStack),
            IntentKeywords = StorageJson.ReadList(IntentKeywords),
            LinkedInUrl = LinkedInUrl,
            FullName = FullName,
            JobTitle = JobTitle,
            Seniority = Seniority,
            Department = Department,
            EmailHash = EmailHash,
            Phone = Phone,
            City = City,
            Country = Country,
            Provenance = StorageJson.ReadProvenance(Provenance),
        };
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM enriched_contacts", cancellationToken: cancellationToken));
    }
}
