using Tributary.Profiles;

namespace Tributary.Host.Identity;

/// <summary>One real-time answer waiting to be linked: the request's normalised email and phone, and the merged profile.</summary>
/// <param name="Email">The request's email, normalised; null when it had none.</param>
/// <param name="Phone">The request's phone in E.164; null when it had none.</param>
/// <param name="Profile">The answer (immutable, shared with the cache): its email, phone and flat fields are read when linked.</param>
internal sealed record AnswerLink(string? Email, string? Phone, Profile Profile);
