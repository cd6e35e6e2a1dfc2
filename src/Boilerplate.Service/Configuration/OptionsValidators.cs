using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Configuration;

/// <summary>Checks the model path exists at start-up, so a typo fails the deployment rather than serving nothing.</summary>
internal sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options) =>
        string.IsNullOrWhiteSpace(options.Path) || File.Exists(options.Path) || Directory.Exists(options.Path)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Model:Path '{options.Path}' is neither a file nor a directory.");
}

/// <summary>
/// Refuses blank keys, which would make authentication pass for an empty header, and a key that is both a scraper's
/// and an admin's, whose role would then be a guess.
/// </summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        if (options.ApiKeys.Exists(string.IsNullOrWhiteSpace))
        {
            return ValidateOptionsResult.Fail("Security:ApiKeys holds a blank key.");
        }

        if (options.AdminKeys.Exists(string.IsNullOrWhiteSpace))
        {
            return ValidateOptionsResult.Fail("Security:AdminKeys holds a blank key.");
        }

        return options.ApiKeys.Intersect(options.AdminKeys, StringComparer.Ordinal).Any()
            ? ValidateOptionsResult.Fail("A key is in both Security:ApiKeys and Security:AdminKeys; give operators their own keys.")
            : ValidateOptionsResult.Success;
    }
}
