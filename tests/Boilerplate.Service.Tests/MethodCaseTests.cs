using System.Diagnostics.Metrics;
using Boilerplate.Protos.V1;
using Boilerplate.Service.Telemetry;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Service.Tests;

/// <summary>
/// Routing matches a method's path in any letter case, so every rule and metric keyed on the method must hold for
/// every spelling of it: the concurrency limit, the metric series, and the health exemption from API keys.
/// </summary>
[Trait("Category", "Functional")]
public sealed class MethodCaseTests
{
    private const string Key = "case-test-key-3b7d";

    private static readonly string[] CleanSpellings =
    [
        "Boilerplate.V1.BoilerplateService/Clean",
        "BOILERPLATE.V1.BOILERPLATESERVICE/CLEAN",
        "boilerplate.v1.boilerplateservice/clean",
    ];

    [Fact]
    public async Task A_case_variant_of_Clean_is_held_to_the_concurrency_limit()
    {
        var faults = new FaultPlan();
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Limits:MaxConcurrentRequests"] = "2";
            options.Settings["Limits:MaxQueuedRequests"] = "0";
            options.InjectFaults(faults);
        });
        var invoker = host.Channel.CreateCallInvoker();

        // With room to run, each spelling reaches Clean: routing does accept them.
        foreach (var spelling in CleanSpellings)
        {
            Assert.NotEmpty((await CleanAsync(invoker, spelling, SamplePages.Article(3))).Text);
        }

        var callsBefore = faults.Calls;
        faults.SlowNext(2, TimeSpan.FromSeconds(3));
        var holders = new[] { host.Client.CleanHtmlAsync(SamplePages.Article(3)), host.Client.CleanHtmlAsync(SamplePages.Article(3)) };
        while (faults.Calls < callsBefore + 2)
        {
            await Task.Delay(10);
        }

        // Both slots are held: sixteen heavy calls on other spellings must all be refused, none may run.
        var attempts = Enumerable.Range(0, 16)
            .Select(i => StatusOfAsync(CleanAsync(invoker, CleanSpellings[i % CleanSpellings.Length], SamplePages.Article(400, seed: i))))
            .ToList();
        var statuses = await Task.WhenAll(attempts);

        Assert.Equal(0, statuses.Count(status => status == StatusCode.OK));
        Assert.All(statuses, status => Assert.Equal(StatusCode.ResourceExhausted, status));
        foreach (var holder in holders)
        {
            Assert.NotEmpty((await holder).Text);
        }
    }

    [Fact]
    public async Task Calls_on_many_spellings_of_one_method_make_one_metric_series()
    {
        await using var host = await ServiceHost.StartAsync();
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var methods = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            // Only this host's meter: other tests' services run in the same process.
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == ServiceMetrics.MeterName
                                                                   && instrument.Name == "boilerplate.rpc.calls")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? service = null, method = null;
            foreach (var tag in tags)
            {
                service = tag.Key == "rpc.service" ? (string)tag.Value! : service;
                method = tag.Key == "rpc.method" ? (string)tag.Value! : method;
            }

            lock (methods)
            {
                methods.Add($"{service}/{method}");
            }
        });
        listener.Start();
        var invoker = host.Channel.CreateCallInvoker();

        const int spellings = 40;
        for (var i = 0; i < spellings; i++)
        {
            await CleanAsync(invoker, Spelling("boilerplate.v1.BoilerplateService/Clean", i), "One short paragraph of text.", text: true);
        }

        lock (methods)
        {
            Assert.True(methods.Count == 1, $"{spellings} spellings made {methods.Count} series.");
            Assert.Equal("boilerplate.v1.BoilerplateService/Clean", methods.Single());
        }
    }

    [Fact]
    public async Task Health_in_any_spelling_needs_no_key_and_Clean_in_any_spelling_does()
    {
        await using var host = await ServiceHost.StartAsync(options => options.Settings["Security:ApiKeys:0"] = Key);
        var invoker = host.Channel.CreateCallInvoker();
        var check = new Method<HealthCheckRequest, HealthCheckResponse>(
            MethodType.Unary,
            "GRPC.HEALTH.V1.HEALTH",
            "check",
            Marshallers.Create(message => message.ToByteArray(), HealthCheckRequest.Parser.ParseFrom),
            Marshallers.Create(message => message.ToByteArray(), HealthCheckResponse.Parser.ParseFrom));

        var health = await invoker.AsyncUnaryCall(check, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        foreach (var spelling in CleanSpellings)
        {
            Assert.Equal(StatusCode.Unauthenticated, await StatusOfAsync(CleanAsync(invoker, spelling, SamplePages.Article(3))));
        }
    }

    /// <summary><paramref name="path"/> ("Service/Method") with the letters of the service part in the case pattern of <paramref name="seed"/>.</summary>
    private static string Spelling(string path, int seed)
    {
        var chars = path.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiLetter(chars[i]))
            {
                chars[i] = ((seed >> (i % 16)) & 1) == 1 ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
            }
        }

        return new string(chars);
    }

    private static async Task<CleanResponse> CleanAsync(CallInvoker invoker, string path, string content, bool text = false)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var method = new Method<CleanRequest, CleanResponse>(
            MethodType.Unary,
            path[..slash],
            path[(slash + 1)..],
            Marshallers.Create(message => message.ToByteArray(), CleanRequest.Parser.ParseFrom),
            Marshallers.Create(message => message.ToByteArray(), CleanResponse.Parser.ParseFrom));
        var request = text ? new CleanRequest { Text = content } : new CleanRequest { Html = content };
        return await invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60)), request);
    }

    private static async Task<StatusCode> StatusOfAsync(Task call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
