namespace Tributary.Identifiers;

/// <summary>
/// An identifier the caller supplied cannot be normalised. The message says what is wrong without repeating
/// the value: identifiers are personal data and this message ends up in responses and logs.
/// </summary>
public sealed class InvalidIdentifierException : Exception
{
    /// <summary>Creates the exception for one request field.</summary>
    /// <param name="field">The request field name, one of <see cref="IdentifierField"/>.</param>
    /// <param name="message">What is wrong, phrased for the caller, never containing the value.</param>
    public InvalidIdentifierException(string field, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        Field = field;
    }

    /// <summary>The request field name, one of <see cref="IdentifierField"/>.</summary>
    public string Field { get; }
}
