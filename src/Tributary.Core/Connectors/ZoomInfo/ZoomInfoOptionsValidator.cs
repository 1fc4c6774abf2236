using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>
/// Checks <c>Providers:ZoomInfo</c> at start, naming the setting: a password login needs Username and Password
/// together, a PKI login ClientId, PrivateKey and Username, and a key that reads as RSA; configured output fields must
/// name at least one field.
/// </summary>
internal sealed class ZoomInfoOptionsValidator : IValidateOptions<ZoomInfoOptions>
{
    private const string Section = "Providers:ZoomInfo";

    public ValidateOptionsResult Validate(string? name, ZoomInfoOptions options)
    {
        var failures = new List<string>();
        var hasClientId = !string.IsNullOrWhiteSpace(options.ClientId);
        var hasKey = !string.IsNullOrWhiteSpace(options.PrivateKey);
        var hasUsername = !string.IsNullOrWhiteSpace(options.Username);
        var hasPassword = !string.IsNullOrWhiteSpace(options.Password);

        // Half a login would leave ZoomInfo disabled without a word. With a PKI setting present, PKI is the login meant
        // and its own check below names what is missing.
        if (hasUsername != hasPassword && !hasClientId && !hasKey)
        {
            failures.Add($"{Section}: password login needs both Username and Password; {(hasUsername ? "Password" : "Username")} is missing.");
        }

        if (hasClientId != hasKey)
        {
            failures.Add($"{Section}: PKI login needs both ClientId and PrivateKey; {(hasClientId ? "PrivateKey" : "ClientId")} is missing.");
        }

        if (hasClientId && hasKey)
        {
            if (string.IsNullOrWhiteSpace(options.Username))
            {
                failures.Add($"{Section}:Username: PKI login signs the ZoomInfo user name into its token; set Username too.");
            }

            if (!IsRsaKey(options.PrivateKeyPem!))
            {
                failures.Add($"{Section}:PrivateKey: not a PEM-encoded RSA private key (a PKCS#8 'PRIVATE KEY' or PKCS#1 'RSA PRIVATE KEY' block).");
            }
        }

        if (options.OutputFields is { Length: > 0 } && ZoomInfoOptions.FieldList(options.OutputFields) is null)
        {
            failures.Add($"{Section}:OutputFields: names no field; leave it unset for the default list.");
        }

        if (options.CompanyOutputFields is { Length: > 0 } && ZoomInfoOptions.FieldList(options.CompanyOutputFields) is null)
        {
            failures.Add($"{Section}:CompanyOutputFields: names no field; leave it unset for the default list.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsRsaKey(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);

            // A public key imports as well; only a private one signs.
            rsa.SignData([0], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
