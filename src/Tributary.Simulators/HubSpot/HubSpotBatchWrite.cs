namespace Tributary.Simulators;

/// <summary>One <c>batch/update</c> call as the simulator received it (accepted or not), in the order of its inputs.</summary>
public sealed record HubSpotBatchWrite(DateTimeOffset ReceivedAt, IReadOnlyList<HubSpotContactWrite> Inputs)
{
    /// <summary>The contact ids of the inputs, in order.</summary>
    public IEnumerable<string> Ids => Inputs.Select(static input => input.Id);
}

/// <summary>One input of a batch update: the contact id and the properties sent for it.</summary>
public sealed record HubSpotContactWrite(string Id, IReadOnlyDictionary<string, string> Properties);
