using System.Net.Http.Headers;
using System.Text;

namespace Tributary.IntegrationTests.Simulators;

internal static class BasicCredentials
{
    /// <summary>HTTP Basic with <paramref name="user"/> and an empty password, as Clearbit's SDKs send the key.</summary>
    public static AuthenticationHeaderValue For(string user) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":")));
}
