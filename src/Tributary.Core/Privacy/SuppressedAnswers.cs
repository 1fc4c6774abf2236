using System.Text;
using Tributary.Identifiers;
using Tributary.Profiles;

namespace Tributary.Privacy;

/// <summary>
/// Whether a provider's answer names a suppressed subject: its own email or phone is on the suppression list, whatever
/// lookup produced it (by phone, LinkedIn, a name at a company). The lookup cache neither keeps nor serves such an
/// answer. It is checked on every read, not only removed by key at erasure, because other processes' memory and the
/// shared cache may hold answers the erasing process never saw: they stop serving them once they have read the list.
/// </summary>
public sealed class SuppressedAnswers(SuppressionList suppression, IdentifierHasher hasher)
{
    private readonly SubjectHashes _subjects = new(hasher);

    /// <summary>True when the answer's email or phone is suppressed.</summary>
    public async ValueTask<bool> NameSuppressedAsync(Profile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Carried(profile) is { } carried && await suppression.IsSuppressedAsync(carried, cancellationToken);
    }

    /// <summary>The keyed hashes of the subjects the answer names (its email and phone), to find it by at erasure.</summary>
    public IReadOnlyList<string> SubjectsOf(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Carried(profile) is { } carried ? [.. _subjects.Of(carried)] : [];
    }

    /// <summary>The keyed hash of one erased email or phone, as <see cref="SubjectsOf(Profile)"/> gives it.</summary>
    public IReadOnlyList<string> SubjectsOf(IdentifierSet subject) => [.. _subjects.Of(new IdentifierSet { Email = subject.Email, Phone = subject.Phone })];

    /// <summary>True when the answer carries the email or phone of <paramref name="subject"/> (both normalised).</summary>
    public static bool Names(Profile profile, IdentifierSet subject)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(subject);
        return Carried(profile) is { } carried
            && ((subject.Email is not null && subject.Email == carried.Email) || (subject.Phone is not null && subject.Phone == carried.Phone));
    }

    /// <summary>
    /// The email and phone an answer carries, as lookups normalise them: connectors already write phones in E.164
    /// (<see cref="PhoneFormat"/>); an email is lower-cased, or fully normalised when lower-casing is not enough
    /// (non-ASCII, a trailing dot).
    /// </summary>
    private static IdentifierSet? Carried(Profile profile)
    {
        var email = profile.Text(ProfileFields.Email);
        var phone = profile.Text(ProfileFields.Phone);
        return email.Length == 0 && phone.Length == 0
            ? null
            : new IdentifierSet { Email = email.Length == 0 ? null : NormalEmail(email), Phone = phone.Length == 0 ? null : phone };
    }

    private static string NormalEmail(string email)
    {
        if (Ascii.IsValid(email) && !email.EndsWith('.'))
        {
            return email.ToLowerInvariant();
        }

        try
        {
            return IdentifierNormalizer.NormalizeEmail(email);
        }
        catch (InvalidIdentifierException)
        {
            return email.ToLowerInvariant();
        }
    }
}
