using Tributary.Host.Genesys;
using Tributary.Identifiers;
using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.ContactCenter;

/// <summary>
/// Seed 000's asynchronous profile update: one caller's latest profile written to Genesys External Contacts, found by
/// phone (<c>GET …/externalcontacts/contacts?q=</c>, a full-text search) and its blanks filled when one of the hits
/// has that number in a phone field (compared in E.164), or created. Paced by the Genesys client under the
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

    /// <summary>
    /// A new contact from what we know; an existing one with its blanks filled, never a value it has replaced, as the
    /// pipeline's <c>fill-blank</c> write-back: a title an agent typed stays. Its phones are kept as they are (one of
    /// them is the caller's, or the search would not have matched it).
    /// </summary>
    private static GenesysExternalContact Merge(GenesysExternalContact? existing, ContactUpdate update) =>
        existing is null
            ? new GenesysExternalContact
            {
                FirstName = update.FirstName,
                LastName = update.LastName,
                Title = update.Title,
                WorkEmail = update.Email,
                WorkPhone = new GenesysPhoneNumber { E164 = update.Phone, Display = update.Phone },
            }
            : existing with
            {
                FirstName = FillBlank(existing.FirstName, update.FirstName),
                LastName = FillBlank(existing.LastName, update.LastName),
                Title = FillBlank(existing.Title, update.Title),
                WorkEmail = FillBlank(existing.WorkEmail, update.Email),
            };

    private static string? FillBlank(string? current, string? known) => string.IsNullOrWhiteSpace(current) ? known ?? current : current;

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
