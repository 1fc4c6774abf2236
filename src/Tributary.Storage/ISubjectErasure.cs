using System.Text.Json;

namespace Tributary.Storage;

/// <summary>
/// Right to erasure and retention in the store: removes one subject's data from every table that can hold it, or
/// everything older than a retention limit, in one transaction, and says how much there was in each place.
/// </summary>
public interface ISubjectErasure
{
    Task<ErasureCounts> EraseAsync(SubjectErasure subject, CancellationToken cancellationToken);

    /// <summary>
    /// Removes personal data last written before <paramref name="cutoff"/>: ledger answers, warehouse and unmatched
    /// rows, staged records, finished jobs with their records, profiles not updated since (with their links), dead
    /// letters and journal entries. The audit log holds no raw value and is kept.
    /// </summary>
    Task<ErasureCounts> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>What identifies the subject in the store.</summary>
/// <param name="IdentifierType"><c>email</c> or <c>phone</c>, as the identity graph types links.</param>
/// <param name="Value">The normalised value (a lower-cased email, an E.164 phone): found inside stored JSON and values.</param>
/// <param name="ValueHashes">Keyed hashes the value is stored as (identity links, warehouse rows, unmatched rows).</param>
/// <param name="LedgerKeys">Ledger keys of lookups by this identifier alone (their no-match answers hold no value to find).</param>
/// <param name="OutcomeSource">The staging source of pending CDP outcomes, removed for the subject's profiles.</param>
/// <param name="Spellings">
/// Other spellings free text may hold the value in (the email as given, its domain in Unicode; the phone's national
/// digits and formats), looked for besides <see cref="Value"/> wherever a caller's own text is kept: traits, job records,
/// staged and dead-lettered payloads, the journal, clear CDP and CRM ids.
/// </param>
/// <param name="IdentifyingTypes">
/// The link types that identify a profile (email, phone, CRM id, CDP user id). A profile the erasure leaves with none of
/// them goes, with its other (derived) links: it no longer names anyone but by what was erased.
/// </param>
/// <param name="At">When the erasure ran: the new <c>updated_at</c> of the profiles it changed, so copies built before are not served.</param>
public sealed record SubjectErasure(
    string IdentifierType,
    string Value,
    IReadOnlyList<string> ValueHashes,
    IReadOnlyList<string> LedgerKeys,
    string OutcomeSource,
    IReadOnlyList<string> Spellings,
    IReadOnlyList<string> IdentifyingTypes,
    DateTimeOffset At)
{
    /// <summary>
    /// The lower-cased spellings <see cref="Value"/> takes in stored text: as is, and as JSON writers escape it.
    /// System.Text.Json's default encoder writes <c>+</c> as <c>\u002B</c> (and <c>'</c>, <c>&amp;</c> and non-ASCII
    /// letters as <c>\uXXXX</c>), so a phone or a plus-address in a staged record, job record, ledger answer or dead
    /// letter is not stored as typed. Matched against lower-cased text, so <c>\u002b</c> is found as well.
    /// </summary>
    public IReadOnlyList<string> StoredForms { get; } = FormsOf([Value]);

    /// <summary>
    /// <see cref="StoredForms"/> of <see cref="Value"/> and every one of <see cref="Spellings"/>: what a profile's traits
    /// are searched for.
    /// </summary>
    public IReadOnlyList<string> TraitForms { get; } = FormsOf([Value, .. Spellings]);

    /// <summary>
    /// For a phone, the digits free text holds it by once spaces, dashes, dots, brackets and slashes are taken out
    /// (<c>+1 415.555-0142</c> and <c>(415) 555 0142</c> both hold <c>4155550142</c>), looked for in text squeezed the
    /// same way; seven digits at least, too few to name a line otherwise. Empty for an email.
    /// </summary>
    public IReadOnlyList<string> DigitForms { get; } = IdentifierType == "phone" ? DigitsOf([Value, .. Spellings]) : [];

    /// <summary>The characters taken out of text before <see cref="DigitForms"/> are looked for in it.</summary>
    public const string PhoneSeparators = " -.()/";

    /// <summary><paramref name="text"/> with <see cref="PhoneSeparators"/> taken out, as <see cref="DigitForms"/> are looked for in it.</summary>
    public static string WithoutPhoneSeparators(string text) =>
        new([.. text.Where(static c => !PhoneSeparators.Contains(c, StringComparison.Ordinal))]);

    private static string[] DigitsOf(IEnumerable<string> spellings) =>
    [
        .. spellings
            .Select(static spelling => WithoutPhoneSeparators(spelling).TrimStart('+'))
            .Where(static digits => digits.Length >= 7 && digits.All(char.IsAsciiDigit))
            .Distinct(StringComparer.Ordinal),
    ];

    private static string[] FormsOf(IEnumerable<string> spellings) =>
    [
        .. spellings
            .Where(static spelling => !string.IsNullOrWhiteSpace(spelling))
            .SelectMany(static spelling => new[] { spelling, JsonEncodedText.Encode(spelling).Value })
            .Select(static form => form.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal),
    ];
}

/// <summary>
/// Rows removed (or, for job records, blanked) per place; <c>Traits</c> counts the trait members taken out of profiles
/// because they held the value.
/// </summary>
public sealed record ErasureCounts(
    int Ledger,
    int EnrichedContacts,
    int Unmatched,
    int Staging,
    int JobRecords,
    int IdentityLinks,
    int Profiles,
    int Traits,
    int Outcomes,
    int DeadLetters,
    int Journal);
