namespace Tributary.Host.Identity;

/// <summary>
/// The identity links of one batch run (a bulk job, <c>tributary enrich</c>), made chunk by chunk through
/// <see cref="AnswerLinker"/>: a chunk's fresh matches are linked while the run enriches the next one, one link
/// transaction at a time, so the run waits for the graph only when the graph is a chunk behind. Unlike real-time
/// answers nothing is dropped: the run is paced by its links instead.
/// </summary>
internal sealed class RunLinks(AnswerLinker linker)
{
    private Task _linking = Task.CompletedTask;

    /// <summary>Waits for the previous chunk's links, then starts linking these (nulls skipped).</summary>
    public async ValueTask AddAsync(IEnumerable<AnswerLink?> answers, CancellationToken cancellationToken)
    {
        var links = answers.OfType<AnswerLink>().ToList();
        await _linking;
        if (links.Count > 0)
        {
            _linking = linker.LinkAsync(links, cancellationToken);
        }
    }

    /// <summary>Waits for the last chunk's links; a run stopped meanwhile leaves them unmade (a rerun is served from the ledger and links nothing).</summary>
    public async Task CompleteAsync()
    {
        try
        {
            await _linking;
        }
        catch (OperationCanceledException)
        {
        }
    }
}
