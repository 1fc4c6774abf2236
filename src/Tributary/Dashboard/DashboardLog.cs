namespace Tributary.Host.Dashboard;

/// <summary>Log messages of the dashboard's data.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 9301, Level = LogLevel.Warning, Message = "The store's backlog gauges could not be read; they keep their last values")]
    public static partial void GaugesFailed(ILogger logger, Exception exception);
}
