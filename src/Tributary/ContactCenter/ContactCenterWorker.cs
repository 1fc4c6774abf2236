using Microsoft.Extensions.Options;
using Tributary.Host.Genesys;
using Tributary.Storage;

namespace Tributary.Host.ContactCenter;

/// <summary>
/// Works the contact center's two queues in the shared staging table: caller events (all claimed ones at once: each
/// is a caller waiting in the IVR) and External Contacts updates (one at a time, the Genesys client pacing them).
/// Runs in <c>serve</c> once Genesys credentials are configured. An item that throws returns when its lease ends.
/// </summary>
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
                LoopAsync(CallerEvent.Source, 32, EventPoll, wakeup, concurrent: true, events.ProcessAsync, stoppingToken),

                // Updates wait out their coalescing window (Genesys:ExternalContacts:CoalesceSeconds) before they are
                // free, so a caller event's wake-up is nothing to them: they are polled for.
                LoopAsync(ContactUpdate.Source, 10, ContactPoll, signal: null, concurrent: false, contacts.ProcessAsync, stoppingToken));

    private async Task LoopAsync(
        string source,
        int batch,
        TimeSpan poll,
        ContactCenterWakeup? signal,
        bool concurrent,
        Func<Guid, ClaimedRecord, CancellationToken, Task> process,
        CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var claim = await queue.ClaimAsync(batch, Lease, [source], cancellationToken);
                if (claim.Records.Count == 0)
                {
                    await (signal?.WaitAsync(poll, time, cancellationToken) ?? Task.Delay(poll, time, cancellationToken));
                    continue;
                }

                try
                {
                    if (concurrent)
                    {
                        await Task.WhenAll(claim.Records.Select(r => GuardedAsync(() => process(claim.Token, r, cancellationToken))));
                    }
                    else
                    {
                        foreach (var record in claim.Records)
                        {
                            await GuardedAsync(() => process(claim.Token, record, cancellationToken));
                        }
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: what this process did not finish is given back at once, not when the lease runs out.
                    await queue.ReleaseAsync(claim.Token, claim.Records, CancellationToken.None);
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                ContactCenterLog.ItemFailed(logger, exception);
                await Task.Delay(poll, time, CancellationToken.None);
            }
        }
    }

    private async Task GuardedAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ContactCenterLog.ItemFailed(logger, exception);
        }
    }
}
