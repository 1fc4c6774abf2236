namespace Tributary.Host.Pipeline;

/// <summary>The body of a Slack-compatible incoming webhook.</summary>
internal sealed record AlertMessage(string Text);
