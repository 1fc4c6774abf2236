namespace Tributary.Simulators.Salesforce;

/// <summary>One entry of an sObject Collections answer: <c>{"id","success","errors":[{"statusCode","message","fields"}]}</c>.</summary>
internal sealed record SalesforceSaveResult(string? Id, IReadOnlyList<SalesforceSaveError> Errors)
{
    public bool Success => Errors.Count == 0;
}

/// <summary>One error of a save result.</summary>
internal sealed record SalesforceSaveError(string StatusCode, string Message, IReadOnlyList<string> Fields)
{
    public static SalesforceSaveError Of(string statusCode, string message, params string[] fields) => new(statusCode, message, fields);
}
