using Microsoft.Extensions.Options;
using Tributary.Identifiers;
using Tributary.Privacy;

namespace Tributary.Host.Identity;

/// <summary>
/// Links enrichment answers into the identity graph now, in one identify transaction: the real-time queue's worker
/// (<see cref="AnswerLinkWorker"/>) and batch runs (bulk jobs, <c>tributary enrich</c>) use it. A subject forgotten
/// since it was answered is not linked, and the batch holds an <see cref="ErasureTurns"/> turn from its suppression
/// checks to its commit, so an erasure never lands between the two. A batch that fails is tried one answer at a time,
/// and an answer that still fails is logged (hashed identifiers only) and dropped: links are a by-product of
/// enrichment, never worth failing it or a retry loop. Does nothing when <c>Identity:LinkOnEnrich</c> is off.
/// </summary>
internal sealed class AnswerLinker(
    EnrichmentLinks links,
    SuppressionList suppression,
    ErasureTurns erasures,
    IdentifierHasher hasher,
    IOptions<IdentityOptions> options,
    ILogger<AnswerLinker> logger)
{
    /// <summary>Links what it can of <paramref name="answers"/>; throws only when cancelled.</summary>
    public async Task LinkAsync(IReadOnlyList<AnswerLink> answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0 || !options.Value.LinkOnEnrich)
        {
            return;
        }

        try
        {
            await LinkTogetherAsync(answers, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && answers.Count > 1)
        {
            // One answer the graph refuses must not cost the others their links.
            foreach (var answer in answers)
            {
                try
                {
                    await LinkTogetherAsync([answer], cancellationToken);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    Failed(answer, exception);
                }
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Failed(answers[0], exception);
        }
    }

    private async Task LinkTogetherAsync(IReadOnlyList<AnswerLink> answers, CancellationToken cancellationToken)
    {
        using var turn = await erasures.TakeAsync(cancellationToken);
        var linkable = new List<AnswerLink>(answers.Count);
        foreach (var answer in answers)
        {
            if (!await suppression.IsSuppressedAsync(new IdentifierSet { Email = answer.Email, Phone = answer.Phone }, cancellationToken))
            {
                linkable.Add(answer);
            }
        }

        await links.LinkAnswersAsync(linkable, cancellationToken);
    }

    private void Failed(AnswerLink answer, Exception exception) =>
        IdentityLog.AnswerLinkFailed(logger, exception, Hash(answer.Email), Hash(answer.Phone));

    private string Hash(string? value) => value is null ? "none" : hasher.Hash(value);
}
