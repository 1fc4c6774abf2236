namespace Tributary.Host.Batch.Input;

/// <summary>One line of the file without its line break; <see cref="Overlong"/> when it was cut at the limit.</summary>
internal sealed record PhysicalLine(long Number, string Text, bool Overlong);
