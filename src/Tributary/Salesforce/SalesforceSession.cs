namespace Tributary.Host.Salesforce;

/// <summary>A logged-in session: the access token and the instance its REST calls go to (no trailing slash).</summary>
internal sealed record SalesforceSession(string AccessToken, string InstanceUrl);
