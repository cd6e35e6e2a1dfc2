using System.Reflection;
using Boilerplate.Testing;

namespace Boilerplate.Cli.Tests;

/// <summary>Where the CLI under test was built, for tests that run it as a child process.</summary>
internal static class CliBuild
{
    /// <summary>Release or Debug, as this test assembly was built.</summary>
    public static string Configuration =>
        typeof(CliBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>
    /// The CLI in its own output folder. The copy beside the tests cannot run alone: the test project takes
    /// Microsoft.Extensions.* from the ASP.NET Core framework, which the CLI does not reference.
    /// </summary>
    public static string Assembly =>
        Repository.PathOf("src", "Boilerplate.Cli", "bin", Configuration, new DirectoryInfo(AppContext.BaseDirectory).Name, "boilerplate.dll");
}
