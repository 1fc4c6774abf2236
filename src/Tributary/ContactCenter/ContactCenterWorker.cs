using Microsoft.Extensions.Options;
using Tributary.Host.Genesys;
using Tributary.Host.Queues;
using Tributary.Storage;

namespace Tributary.Host.ContactCenter;

/// <summary>
/// Works the contact center's two queues in the shared staging table: caller events (up to 32 at once: each is a
/// caller waiting in the IVR) and External Contacts updates (one at a time, the Genesys client pacing them). Runs in
/// <c>serve</c> once Genesys credentials are configured. An item that throws returns when its lease ends.
/// </summary>
/// <remarks>
/// Each queue has a fixed number of slots, and a slot is refilled as soon as its item ends: one event retrying a
/// failing Genesys (backoff, a Retry-After) holds only its own slot, never the callers behind it. While an item is
/// worked its lease is renewed, so however long its retries take no other worker claims it meanwhile.
/// </remarks>
internal sealed class ContactCenterWorker(
    IStagingQueue queue,
    CallerEventProcessor events,
    ExternalContactProcessor contacts,
    ContactCenterWakeup wakeup,
    IOptions<GenesysOptions> options,
    TimeProvider time,
    ILogger<ContactCenterWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan EventPoll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ContactPoll = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        string.IsNullOrWhiteSpace(options.Value.ClientId)
            ? Task.CompletedTask
            : Task.WhenAll(
                LoopAsync(CallerEvent.Source, 32, EventPoll, wakeup, events.ProcessAsync, stoppingToken),

                // Updates wait out their coalescing window (Genesys:ExternalContacts:CoalesceSeconds) before they are
                // free, so a caller event's wake-up is nothing to them: they are polled for.
                LoopAsync(ContactUpdate.Source, 1, ContactPoll, signal: null, contacts.ProcessAsync, stoppingToken));

    private async Task LoopAsync(
        string source,
        int slots,
        TimeSpan poll,
        WorkSignal? signal,
        Func<Guid, ClaimedRecord, CancellationToken, Task> process,
        CancellationToken cancellationToken)
    {
        await Task.Yield();
        var items = new List<Task>(slots);
        var claims = new List<Task>();
        Task? idle = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                items.RemoveAll(static t => t.IsCompleted);
                claims.RemoveAll(static t => t.IsCompleted);
                if (items.Count < slots)
                {
                    var claim = await queue.ClaimAsync(slots - items.Count, Lease, [source], cancellationToken);
                    if (claim.Records.Count > 0)
                    {
                        var worked = claim.Records.Select(r => WorkAsync(claim.Token, r, process, cancellationToken)).ToList();
                        items.AddRange(worked);
                        claims.Add(KeepLeaseAsync(claim.Token, Task.WhenAll(worked), cancellationToken));
                        continue;
                    }

                    // Nothing free: wait for a wake-up, the next poll, or a slot to end (which frees nothing new, but
                    // costs one cheap claim). The idle wait is kept across turns rather than started again each time.
                    idle = idle is { IsCompleted: false } ? idle : signal?.WaitAsync(poll, time, cancellationToken) ?? Task.Delay(poll, time, cancellationToken);
                    await Task.WhenAny([idle, .. items]);
                }
                else
                {
                    await Task.WhenAny(items);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                ContactCenterLog.ItemFailed(logger, exception);
                await Task.Delay(poll, time, CancellationToken.None);
            }
        }

        // Stopping: every item gives its record back (see WorkAsync) before the host goes.
        await Task.WhenAll([.. items, .. claims]);
    }

    /// <summary>One record, to its end: never throws, and when the worker stops it gives the record back at once rather than when the lease runs out.</summary>
    private async Task WorkAsync(Guid claim, ClaimedRecord record, Func<Guid, ClaimedRecord, CancellationToken, Task> process, CancellationToken cancellationToken)
    {
        try
        {
            await process(claim, record, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            try
            {
                await queue.ReleaseAsync(claim, [record], CancellationToken.None);
            }
            catch (Exception exception)
            {
                ContactCenterLog.ItemFailed(logger, exception);
            }
        }
        catch (Exception exception)
        {
            ContactCenterLog.ItemFailed(logger, exception);
        }
    }

    /// <summary>Extends the claim's lease every third of it until every record of the claim has ended.</summary>
    private async Task KeepLeaseAsync(Guid claim, Task done, CancellationToken cancellationToken)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(claim, ended.Token);
        await done;
        await ended.CancelAsync();
        await renewing;
    }

    private async Task RenewAsync(Guid claim, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Lease / 3, time, cancellationToken);
                await queue.ExtendAsync(claim, Lease, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The next turn tries again; the lease has two more thirds to run.
                ContactCenterLog.ItemFailed(logger, exception);
            }
        }
    }
}
