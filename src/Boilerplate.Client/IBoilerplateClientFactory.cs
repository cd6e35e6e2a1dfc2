namespace Boilerplate.Client;

/// <summary>The clients registered with <c>AddBoilerplateClient</c>, by name; each name has one shared client.</summary>
public interface IBoilerplateClientFactory
{
    /// <summary>The client registered under <paramref name="name"/> (<see cref="Microsoft.Extensions.Options.Options.DefaultName"/>: the default one).</summary>
    /// <param name="name">The name given to <c>AddBoilerplateClient</c>.</param>
    /// <exception cref="InvalidOperationException">No client of that name is registered.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">Its options cannot work.</exception>
    IBoilerplateClient CreateClient(string name);
}
