namespace Tributary.Simulators;

/// <summary>One External Contacts write (create or update) the Genesys simulator received.</summary>
/// <param name="Method"><c>POST</c> (create) or <c>PUT</c> (update).</param>
/// <param name="ContactId">The contact's id: assigned on create, from the path on update.</param>
/// <param name="Body">The JSON body as received.</param>
/// <param name="Status">What the simulator answered.</param>
/// <param name="At">When, on the simulator's clock.</param>
public sealed record GenesysContactWrite(string Method, string? ContactId, string Body, int Status, DateTimeOffset At);
