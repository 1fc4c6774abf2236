namespace Tributary.Host.Batch;

/// <summary>The input cannot be enriched at all (no header, no identifier column, a wrong <c>--map</c>): exit code 2.</summary>
internal sealed class BatchInputException(string message) : Exception(message);
