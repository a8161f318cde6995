using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Checkpoints;

/// <summary>
/// Reading the signing key, and refusing to start without a proper one: outside Development a checkpoint signed
/// with a missing, malformed or development key would give an auditor false assurance.
/// </summary>
public sealed class CheckpointKeys(IHostEnvironment environment) : IValidateOptions<CheckpointOptions>
{
    public static bool IsDevelopment(string keyId) =>
        keyId.StartsWith(CheckpointOptions.DevelopmentKeyId, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An ECDSA P-256 key from PEM (PKCS#8 or SEC 1); throws <see cref="CryptographicException"/> otherwise.
    /// </summary>
    public static ECDsa Import(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256
                || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new CryptographicException("The checkpoint signing key is not a P-256 key.");
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public ValidateOptionsResult Validate(string? name, CheckpointOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.KeyId) || string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return ValidateOptionsResult.Fail(
                "No checkpoint signing key is configured (Checkpoints:SigningKey as PEM and Checkpoints:KeyId).");
        }

        if (!environment.IsDevelopment() && IsDevelopment(options.KeyId))
        {
            return ValidateOptionsResult.Fail(
                $"The development checkpoint key ('{options.KeyId}') is refused outside Development.");
        }

        if (options.Interval <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("Checkpoints:Interval must be positive.");
        }

        try
        {
            Import(options.SigningKey).Dispose();
            return ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            return ValidateOptionsResult.Fail(
                "Checkpoints:SigningKey is not an ECDSA P-256 private key in PEM: " + exception.Message);
        }
    }
}
