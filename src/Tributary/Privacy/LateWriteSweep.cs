using Tributary.Identifiers;
using Tributary.Privacy;

namespace Tributary.Host.Privacy;

/// <summary>
/// For background writes that checked the suppression list seconds before they commit (a pipeline claim spends that
/// long at the providers and the CRM): once written, ask the store which of the subjects were erased meanwhile, by this
/// process or another one, and erase those again. Looking after the write leaves no gap: an erasure committed before the
/// look is found by it, and one committed after it finds the rows in the store. Only erasures since the work began are
/// looked for: one from before it was known to the work's own check, and its clean-up is not repeated for every record
/// of a subject erased long ago.
/// </summary>
internal sealed class LateWriteSweep(SuppressionList suppression, SubjectEraser eraser, ILogger<LateWriteSweep> logger)
{
    /// <summary>
    /// Processes on one shared store stamp an erasure with their own clocks: the look reaches this far before the work's
    /// start.
    /// </summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>Erases again each subject of <paramref name="subjects"/> erased since the work <paramref name="began"/>; returns them.</summary>
    public async Task<ErasedSubjects> SweepAsync(IEnumerable<IdentifierSet> subjects, DateTimeOffset began, CancellationToken cancellationToken)
    {
        var erased = await suppression.ErasedSinceAsync(subjects, began - ClockSkew, cancellationToken);
        foreach (var subject in erased)
        {
            var (subjectHash, rows) = await eraser.EraseAgainAsync(subject, cancellationToken);
            PrivacyLog.ErasedAgain(logger, subjectHash, rows);
        }

        return new ErasedSubjects(erased);
    }
}

/// <summary>Subjects found erased, each named by one email or phone.</summary>
internal sealed record ErasedSubjects(IReadOnlyList<IdentifierSet> Subjects)
{
    /// <summary>Whether <paramref name="subject"/> has an email or phone among them.</summary>
    public bool Names(IdentifierSet subject) =>
        Subjects.Any(erased => (erased.Email is not null && erased.Email == subject.Email) || (erased.Phone is not null && erased.Phone == subject.Phone));
}
