using Microsoft.Extensions.Options;
using Tributary.Enrichment;
using Tributary.Host.Flat;
using Tributary.Host.Genesys;
using Tributary.Host.Identity;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.ContactCenter;

/// <summary>
/// One inbound <c>customer.start</c>: the caller's number → enrichment with every enabled provider (the CRM lookups of
/// <c>Providers:Http:&lt;Name&gt;</c> included), under the real-time budget → the conversation's participant
/// attributes. A conversation that is gone ends quietly; a write that failed after the client's retries becomes a
/// dead letter. An enriched caller is queued for External Contacts when that is enabled (whether or not the
/// conversation is still there), and a fresh match for the identity graph (<c>Identity:LinkOnEnrich</c>), both off this path.
/// </summary>
internal sealed class CallerEventProcessor(
    EnrichmentEngine engine,
    IdentifierNormalizer normalizer,
    CallerAttributes attributes,
    GenesysClient genesys,
    IStagingQueue queue,
    IDeadLetterStore deadLetters,
    IdentifierHasher hasher,
    AnswerLinks links,
    IOptions<GenesysOptions> options,
    TimeProvider time,
    ILogger<CallerEventProcessor> logger)
{
    public const string DeadLetterKind = "genesys";

    private readonly GenesysOptions _options = options.Value;

    public async Task ProcessAsync(Guid claim, ClaimedRecord record, CancellationToken cancellationToken)
    {
        if (CallerEvent.Read(record.Payload) is not { } caller)
        {
            await DeadLetterAsync(claim, record, "unreadable_event", record.Attempts, cancellationToken);
            return;
        }

        var number = normalizer.TryNormalizePhone(caller.Ani);
        var answer = await EnrichAsync(number, cancellationToken);
        // The contact record is the caller's, not the conversation's: it is updated even when the call has ended.
        await QueueExternalContactAsync(answer, number, cancellationToken);
        var written = attributes.For(answer, _options.AttributePrefix);
        var result = await genesys.PatchParticipantAttributesAsync(caller.ConversationId, caller.ParticipantId, written, cancellationToken);
        switch (result.Outcome)
        {
            case GenesysOutcome.Done:
                ContactCenterLog.AttributesWritten(logger, caller.ConversationId, written.Count, answer.Source, CallerHash(number));
                await queue.DeleteAsync(claim, [record], cancellationToken);
                break;
            case GenesysOutcome.Gone:
                ContactCenterLog.ConversationGone(logger, caller.ConversationId);
                await queue.DeleteAsync(claim, [record], cancellationToken);
                break;
            default:
                ContactCenterLog.AttributesFailed(logger, caller.ConversationId, result.Reason ?? "failed");
                await DeadLetterAsync(claim, record, result.Reason ?? "failed", result.Attempts, cancellationToken);
                break;
        }
    }

    /// <summary>The caller's flat answer; no number is an unknown caller.</summary>
    private async Task<FlatAnswer> EnrichAsync(string? number, CancellationToken cancellationToken)
    {
        if (number is null || !EnrichRequestParser.TryBuild(new EnrichRequestBody { Phone = number }, LookupKind.Person, normalizer, out var request, out _, out _))
        {
            return FlatAnswer.None;
        }

        var result = await engine.EnrichAsync(request, cancellationToken);
        links.Offer(request, result);
        return FlatAnswer.Of(result);
    }

    /// <summary>
    /// Queues the caller for External Contacts: the profile's phone when a provider returned one, else the number the
    /// caller rang from (a CRM lookup by phone rarely maps the phone it was asked about).
    /// </summary>
    private async Task QueueExternalContactAsync(FlatAnswer answer, string? number, CancellationToken cancellationToken)
    {
        var profile = answer.Profile;
        if (!_options.ExternalContacts.Enabled || profile.IsEmpty
            || (normalizer.TryNormalizePhone(profile.Text(Profiles.ProfileFields.Phone)) ?? number) is not { } phone)
        {
            return;
        }

        var update = ContactUpdate.Of(
            phone,
            profile.Text(Profiles.ProfileFields.FullName),
            profile.Text(Profiles.ProfileFields.FirstName),
            profile.Text(Profiles.ProfileFields.LastName),
            profile.Text(Profiles.ProfileFields.JobTitle),
            profile.Text(Profiles.ProfileFields.Email));
        await queue.StageAsync(
            [new StagedRecord(ContactUpdate.Source, hasher.Hash(phone), update.ToJson())],
            time.GetUtcNow().AddSeconds(_options.ExternalContacts.CoalesceSeconds),
            cancellationToken);
    }

    // attempts: the calls to Genesys that failed (the client retries within one claim), not the claims.
    private async Task DeadLetterAsync(Guid claim, ClaimedRecord record, string reason, int attempts, CancellationToken cancellationToken)
    {
        await deadLetters.AddAsync(
            new NewDeadLetter(DeadLetterKind, record.SourceSystem, record.RecordId, record.Payload, reason, attempts, time.GetUtcNow()), cancellationToken);
        await queue.DeleteAsync(claim, [record], cancellationToken);
    }

    /// <summary>The engine's subject hash of a phone-only lookup, so a caller's contact-center and engine log lines correlate.</summary>
    private string CallerHash(string? number) => number is null ? "none" : ContactUpdate.SubjectHash(hasher, number);
}
