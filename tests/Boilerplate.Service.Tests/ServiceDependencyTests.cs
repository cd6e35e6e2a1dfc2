using System.Reflection;
using System.Text.Json;
using Boilerplate.Service.Hosting;

namespace Boilerplate.Service.Tests;

/// <summary>
/// The service ships Core only: training, its samples and the hand-labelled set live in Boilerplate.Training, which
/// neither the service's project graph (deps.json) nor its compiled references may reach.
/// </summary>
public sealed class ServiceDependencyTests
{
    private const string Training = "Boilerplate.Training";

    [Fact]
    public void The_service_project_graph_does_not_reach_training()
    {
        // This test project's deps.json records every project's own dependencies: walk the service's.
        var depsPath = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsPath));
        var libraries = deps.RootElement.GetProperty("targets").EnumerateObject().First().Value.EnumerateObject()
            .ToDictionary(library => library.Name.Split('/')[0], library => library.Value, StringComparer.Ordinal);
        Assert.Contains(Training, libraries.Keys); // the tests themselves use it (Boilerplate.Testing): the walk can see it

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(["Boilerplate.Service"]);
        while (pending.TryPop(out var name))
        {
            if (reached.Add(name) && libraries.TryGetValue(name, out var library) && library.TryGetProperty("dependencies", out var dependencies))
            {
                foreach (var dependency in dependencies.EnumerateObject())
                {
                    pending.Push(dependency.Name);
                }
            }
        }

        Assert.Contains("Boilerplate.Core", reached);
        Assert.DoesNotContain(Training, reached);
    }

    [Fact]
    public void The_service_assemblies_do_not_reference_training()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(BoilerplateServiceExtensions).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Boilerplate.", StringComparison.Ordinal)))
            {
                if (reached.Add(reference.Name!))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        Assert.Contains("Boilerplate.Core", reached);
        Assert.DoesNotContain(Training, reached);
    }
}
