namespace Tributary.Host.Batch.Input;

/// <summary>
/// One line of the file without its line break; <see cref="Overlong"/> when it was cut at the limit. <see cref="End"/>
/// is how many characters of the file precede the next line: how far a run has got once this line is written.
/// </summary>
internal sealed record PhysicalLine(long Number, string Text, bool Overlong, long End);
