using Tributary.Host.Genesys;
using Tributary.Identifiers;
using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.ContactCenter;

/// <summary>
/// Seed 000's asynchronous profile update: one caller's latest profile written to Genesys External Contacts, found by
/// phone (<c>GET …/externalcontacts/contacts?q=</c>, a full-text search) and updated when one of the hits has that
/// number in a phone field (compared in E.164), or created. Paced by the Genesys client under the
/// token's limit; never on the request path. What Genesys refuses after the client's retries becomes a dead letter.
/// </summary>
internal sealed class ExternalContactProcessor(
    GenesysClient genesys,
    IdentifierNormalizer normalizer,
    IStagingQueue queue,
    IDeadLetterStore deadLetters,
    IdentifierHasher hasher,
    TimeProvider time,
    ILogger<ExternalContactProcessor> logger)
{
    public async Task ProcessAsync(Guid claim, ClaimedRecord record, CancellationToken cancellationToken)
    {
        if (ContactUpdate.Read(record.Payload) is not { } update)
        {
            await DeadLetterAsync(claim, record, "unreadable_update", record.Attempts, cancellationToken);
            return;
        }

        var found = await genesys.SearchExternalContactsAsync(update.Phone, cancellationToken);
        if (!found.IsDone)
        {
            await FailAsync(claim, record, update, found.Reason, found.Attempts, cancellationToken);
            return;
        }

        var number = normalizer.TryNormalizePhone(update.Phone) ?? update.Phone;
        var existing = found.Value?.FirstOrDefault(c => c.Id is not null && HasNumber(c, number));
        var contact = Merge(existing, update);
        var written = existing is null
            ? await genesys.CreateExternalContactAsync(contact, cancellationToken)
            : await genesys.UpdateExternalContactAsync(existing.Id!, contact, cancellationToken);
        if (!written.IsDone)
        {
            await FailAsync(claim, record, update, written.Reason, written.Attempts, cancellationToken);
            return;
        }

        ContactCenterLog.ContactWritten(logger, CallerHash(update), existing is null ? "created" : "updated");
        await queue.DeleteAsync(claim, [record], cancellationToken);
    }

    /// <summary>Whether one of the contact's phones is <paramref name="number"/>: the search matches any field (a note, an address), not only phones.</summary>
    private bool HasNumber(GenesysExternalContact contact, string number)
    {
        GenesysPhoneNumber?[] phones = [contact.WorkPhone, contact.CellPhone, contact.HomePhone, contact.OtherPhone];
        return phones.Any(p => p is not null && (normalizer.TryNormalizePhone(p.E164) ?? normalizer.TryNormalizePhone(p.Display)) == number);
    }

    private string CallerHash(ContactUpdate update) => ContactUpdate.SubjectHash(hasher, normalizer.TryNormalizePhone(update.Phone) ?? update.Phone);

    /// <summary>What we know over what the contact has: a value we have replaces theirs; theirs stays where we have none.</summary>
    private static GenesysExternalContact Merge(GenesysExternalContact? existing, ContactUpdate update) =>
        (existing ?? new GenesysExternalContact()) with
        {
            FirstName = update.FirstName ?? existing?.FirstName,
            LastName = update.LastName ?? existing?.LastName ?? "Caller",
            Title = update.Title ?? existing?.Title,
            WorkEmail = update.Email ?? existing?.WorkEmail,
            WorkPhone = existing?.WorkPhone ?? new GenesysPhoneNumber { E164 = update.Phone, Display = update.Phone },
        };

    private async Task FailAsync(Guid claim, ClaimedRecord record, ContactUpdate update, string? reason, int attempts, CancellationToken cancellationToken)
    {
        ContactCenterLog.ContactFailed(logger, CallerHash(update), reason ?? "failed");
        await DeadLetterAsync(claim, record, reason ?? "failed", attempts, cancellationToken);
    }

    private async Task DeadLetterAsync(Guid claim, ClaimedRecord record, string reason, int attempts, CancellationToken cancellationToken)
    {
        await deadLetters.AddAsync(
            new NewDeadLetter(CallerEventProcessor.DeadLetterKind, record.SourceSystem, record.RecordId, record.Payload, reason, attempts, time.GetUtcNow()),
            cancellationToken);
        await queue.DeleteAsync(claim, [record], cancellationToken);
    }
}
