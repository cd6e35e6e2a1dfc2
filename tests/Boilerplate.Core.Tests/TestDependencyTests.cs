using System.Reflection;
using System.Text.Json;

namespace Boilerplate.Core.Tests;

/// <summary>
/// Core's tests run without the service: nothing they reference (Boilerplate.Testing included) may pull in
/// Boilerplate.Service or ASP.NET Core; service helpers live in Boilerplate.Testing.Service.
/// </summary>
public sealed class TestDependencyTests
{
    private static readonly string[] Forbidden = ["Boilerplate.Service", "Microsoft.AspNetCore", "Grpc.AspNetCore"];

    [Fact]
    public void The_test_project_graph_does_not_reach_the_service()
    {
        // The test assembly's deps.json lists every library it loads, projects and packages alike.
        using var deps = JsonDocument.Parse(File.ReadAllText(PathOf("deps.json")));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name.Split('/')[0]).ToList();
        Assert.Contains("Boilerplate.Core", libraries); // the walk can see project references
        Assert.Contains("Boilerplate.Testing", libraries);

        foreach (var forbidden in Forbidden)
        {
            Assert.DoesNotContain(libraries, name => name.StartsWith(forbidden, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_test_project_runs_on_the_base_framework_only()
    {
        // A FrameworkReference to ASP.NET Core shows in runtimeconfig.json, not in deps.json.
        var runtimeConfig = File.ReadAllText(PathOf("runtimeconfig.json"));
        Assert.Contains("Microsoft.NETCore.App", runtimeConfig, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore", runtimeConfig, StringComparison.Ordinal);
    }

    private static string PathOf(string suffix) =>
        Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.{suffix}");
}
