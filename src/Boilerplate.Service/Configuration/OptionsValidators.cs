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

/// <summary>Refuses blank API keys, which would make authentication pass for an empty header.</summary>
internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options) =>
        options.ApiKeys.Exists(string.IsNullOrWhiteSpace)
            ? ValidateOptionsResult.Fail("Security:ApiKeys holds a blank key.")
            : ValidateOptionsResult.Success;
}
