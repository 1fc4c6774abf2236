namespace Tributary.Storage;

/// <summary>One submitted record still waiting for its result.</summary>
/// <param name="Index">Position in the submission, from 0.</param>
/// <param name="Json">The record object as submitted.</param>
public readonly record struct JobRecord(int Index, string Json);
