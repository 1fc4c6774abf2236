using System.Text.Json;

namespace Tributary.Host.Pipeline;

/// <summary>What a pipeline dead letter keeps to replay its record: the staged row as it was.</summary>
/// <param name="Payload">The staged payload JSON.</param>
internal sealed record DeadLetterPayload(string Payload)
{
    public string ToJson() => JsonSerializer.Serialize(this, PipelineJsonContext.Default.DeadLetterPayload);

    public static DeadLetterPayload Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, PipelineJsonContext.Default.DeadLetterPayload) ?? new DeadLetterPayload("{}");
        }
        catch (JsonException)
        {
            return new DeadLetterPayload("{}");
        }
    }
}
