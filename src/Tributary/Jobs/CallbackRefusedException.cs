namespace Tributary.Host.Jobs;

/// <summary>
/// A callback's host resolved only to addresses callbacks may not reach. Its message is the same whatever the
/// address, so neither the job's status nor a log line tells a caller what lives behind it.
/// </summary>
internal sealed class CallbackRefusedException() : Exception(Text)
{
    public const string Text = "callback refused: destination not allowed";

    /// <summary>Whether <paramref name="exception"/> is, or wraps, a refusal.</summary>
    public static bool IsRefusal(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is CallbackRefusedException)
            {
                return true;
            }
        }

        return false;
    }
}
