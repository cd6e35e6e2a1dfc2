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
        var reached = ServiceAssemblies().Select(assembly => assembly.GetName().Name!).ToList();

        Assert.Contains("Boilerplate.Core", reached);
        Assert.DoesNotContain(Training, reached);
    }

    [Fact]
    public void The_service_assemblies_carry_no_training_data()
    {
        var resources = ServiceAssemblies().SelectMany(assembly => assembly.GetManifestResourceNames()).ToList();

        Assert.Contains(resources, name => name.EndsWith("boilerplate-default.zip", StringComparison.Ordinal)); // the model it serves
        Assert.DoesNotContain(resources, name => name.Contains("seed-samples", StringComparison.Ordinal));
        Assert.DoesNotContain(resources, name => name.Contains("hand-labelled", StringComparison.Ordinal));
    }

    /// <summary>The service's assembly and every Boilerplate assembly it references, directly or not.</summary>
    private static List<Assembly> ServiceAssemblies()
    {
        var service = typeof(BoilerplateServiceExtensions).Assembly;
        var reached = new Dictionary<string, Assembly>(StringComparer.Ordinal) { [service.GetName().Name!] = service };
        var pending = new Stack<Assembly>([service]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Boilerplate.", StringComparison.Ordinal)))
            {
                if (!reached.ContainsKey(reference.Name!))
                {
                    var loaded = Assembly.Load(reference);
                    reached[reference.Name!] = loaded;
                    pending.Push(loaded);
                }
            }
        }

        return [.. reached.Values];
    }
}
