using System.Reflection;
using System.Text.Json;
using Boilerplate.Protos.V1;

namespace Boilerplate.Client.Tests;

/// <summary>
/// The client stays lean for scrapers: no ASP.NET Core or server-side gRPC below it, and the message types exist once
/// (in Boilerplate.Protos) although the client and the service each compile their own stubs.
/// </summary>
public sealed class ClientDependencyTests
{
    private static readonly string[] ServerPrefixes = ["Microsoft.AspNetCore", "Grpc.AspNetCore"];

    [Fact]
    public void The_client_packages_deps_json_lists_no_asp_net_core_package()
    {
        // The client's own deps.json (copied next to the tests): every package it pulls in, transitively.
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Boilerplate.Client.deps.client.json")));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name.Split('/')[0]).ToList();

        Assert.Contains("Grpc.Net.Client", libraries);
        Assert.Contains("Polly.Core", libraries);
        Assert.DoesNotContain(libraries, name => ServerPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_client_assemblys_transitive_references_hold_no_asp_net_core_assembly()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<Assembly>([typeof(BoilerplateClient).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var name in assembly.GetReferencedAssemblies())
            {
                if (name.Name is { } simple && seen.Add(simple))
                {
                    pending.Enqueue(Assembly.Load(name));
                }
            }
        }

        Assert.Contains("Grpc.Net.Client", seen);
        Assert.DoesNotContain(seen, name => ServerPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Messages_exist_once_and_each_side_holds_only_its_own_stubs()
    {
        var protos = typeof(CleanRequest).Assembly;
        var client = typeof(BoilerplateClient).Assembly;
        var service = Assembly.Load("Boilerplate.Service");

        Assert.Equal("Boilerplate.Protos", protos.GetName().Name);
        Assert.Null(client.GetType("Boilerplate.Protos.V1.CleanRequest"));
        Assert.Null(service.GetType("Boilerplate.Protos.V1.CleanRequest"));
        Assert.Null(protos.GetType("Boilerplate.Protos.V1.BoilerplateService"));

        Assert.NotNull(client.GetType("Boilerplate.Protos.V1.BoilerplateService+BoilerplateServiceClient"));
        Assert.Null(client.GetType("Boilerplate.Protos.V1.BoilerplateService+BoilerplateServiceBase"));
        Assert.NotNull(service.GetType("Boilerplate.Protos.V1.BoilerplateService+BoilerplateServiceBase"));
        Assert.Null(service.GetType("Boilerplate.Protos.V1.BoilerplateService+BoilerplateServiceClient"));
    }
}
