using System.Diagnostics;
using Boilerplate.Core.Pipeline;
using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Google.Protobuf;
using Grpc.Core;
using OpenTelemetry.Trace;
using StatusCode = Grpc.Core.StatusCode;

namespace Boilerplate.Service.Tests;

/// <summary>
/// Spans of real calls over loopback, caught by an in-memory exporter. Every host in the test process hears every
/// ASP.NET Core request, so each test keeps to the spans of a trace it started itself.
/// </summary>
[Trait("Category", "Functional")]
public sealed class TracingTests(TracingTests.TracedService service) : IClassFixture<TracingTests.TracedService>
{
    private const string CleanSpanName = "boilerplate.v1.BoilerplateService/Clean";

    private readonly TracedService _service = service;

    public sealed class TracedService : IAsyncLifetime
    {
        public FaultPlan Faults { get; } = new();

        public SpanLog Spans { get; } = new();

        public ServiceHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Limits:MaxBlocks"] = "40";
            options.InjectFaults(Faults);
            var previous = options.ConfigureServices;
            options.ConfigureServices = services =>
            {
                previous?.Invoke(services);
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            };
        });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Fact]
    public async Task A_clean_call_is_a_server_span_in_the_callers_trace_with_a_page_span_and_one_span_per_stage()
    {
        var (traceparent, traceId, callerSpanId) = NewTraceparent();
        var client = _service.Host.CreateClient().Service;
        var request = new CleanRequest { HtmlBytes = ByteString.CopyFromUtf8(SamplePages.Article(6)) };

        var response = await client.CleanAsync(request, new Metadata { { "traceparent", traceparent } });

        var spans = await _service.Spans.WaitForAsync(traceId, span => span.DisplayName == CleanSpanName);
        var server = Assert.Single(spans, span => span.Kind == ActivityKind.Server);
        Assert.Equal(CleanSpanName, server.DisplayName);
        Assert.Equal(callerSpanId, server.ParentSpanId);
        Assert.Equal("grpc", server.GetTagItem("rpc.system"));
        Assert.Equal("boilerplate.v1.BoilerplateService", server.GetTagItem("rpc.service"));
        Assert.Equal("Clean", server.GetTagItem("rpc.method"));
        Assert.Equal(0, server.GetTagItem("rpc.grpc.status_code"));
        Assert.NotEqual(ActivityStatusCode.Error, server.Status);

        var page = Assert.Single(spans, span => span.OperationName == PipelineActivities.Page);
        Assert.Equal(server.SpanId, page.ParentSpanId);
        Assert.Equal(response.ModelVersion, page.GetTagItem("boilerplate.model.version"));
        Assert.True((int)page.GetTagItem("boilerplate.blocks")! > 0);
        Assert.True((int)page.GetTagItem("boilerplate.paragraphs.kept")! > 0);

        string[] stages = [PipelineActivities.Decode, PipelineActivities.Segment, PipelineActivities.Repair, PipelineActivities.Score, PipelineActivities.Clean];
        foreach (var stage in stages)
        {
            var span = Assert.Single(spans, span => span.OperationName == stage);
            Assert.Equal(page.SpanId, span.ParentSpanId);
            Assert.Equal(PipelineActivities.SourceName, span.Source.Name);
        }

        Assert.Equal(request.HtmlBytes.Length, Assert.Single(spans, span => span.OperationName == PipelineActivities.Decode).GetTagItem("boilerplate.input.bytes"));
        Assert.Equal(page.GetTagItem("boilerplate.blocks"), Assert.Single(spans, span => span.OperationName == PipelineActivities.Score).GetTagItem("boilerplate.blocks"));
        Assert.Equal(page.GetTagItem("boilerplate.paragraphs.kept"), Assert.Single(spans, span => span.OperationName == PipelineActivities.Clean).GetTagItem("boilerplate.paragraphs.kept"));

        // No page text in any tag: spans leave the process for a shared backend.
        Assert.All(spans.SelectMany(span => span.TagObjects), tag =>
            Assert.DoesNotContain("glacier", tag.Value?.ToString() ?? string.Empty, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_client_carries_the_callers_ambient_trace_without_being_told()
    {
        // Sampled, as the caller's tracer would mark a trace it records: the service samples by its parent's decision.
        using var caller = new Activity("scraper.fetch").SetIdFormat(ActivityIdFormat.W3C);
        caller.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        caller.Start();

        await _service.Host.Client.CleanTextAsync(SeedPage.Text);
        caller.Stop();

        var spans = await _service.Spans.WaitForAsync(caller.TraceId, span => span.DisplayName == CleanSpanName);
        Assert.Single(spans, span => span.Kind == ActivityKind.Server);
        Assert.Single(spans, span => span.OperationName == PipelineActivities.Page);
    }

    [Fact]
    public async Task The_correlation_id_of_an_internal_error_is_the_trace_id()
    {
        var (traceparent, traceId, _) = NewTraceparent();
        var client = _service.Host.CreateClient().Service;
        _service.Faults.FailNext(1, StatusCode.Internal);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.CleanAsync(new CleanRequest { Text = SeedPage.Text }, new Metadata { { "traceparent", traceparent } }));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        var correlationId = error.Status.Detail.Split("correlation id ")[1].Split(')')[0];
        Assert.Equal(traceId.ToHexString(), correlationId);
        var spans = await _service.Spans.WaitForAsync(traceId, span => span.DisplayName == CleanSpanName);
        var server = Assert.Single(spans, span => span.Kind == ActivityKind.Server);
        Assert.Equal((int)StatusCode.Internal, server.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, server.Status);
        Assert.Contains(_service.Host.Logs.Entries, entry => entry.Message.Contains(correlationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_page_marks_its_stage_spans_with_the_reason_but_not_the_server_span()
    {
        var (traceparent, traceId, _) = NewTraceparent();
        var client = _service.Host.CreateClient().Service;

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.CleanAsync(new CleanRequest { Html = SamplePages.Article(80) }, new Metadata { { "traceparent", traceparent } }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        var spans = await _service.Spans.WaitForAsync(traceId, span => span.DisplayName == CleanSpanName);
        var server = Assert.Single(spans, span => span.Kind == ActivityKind.Server);
        // The caller's page: RESOURCE_EXHAUSTED is no server error by the RPC conventions.
        Assert.Equal((int)StatusCode.ResourceExhausted, server.GetTagItem("rpc.grpc.status_code"));
        Assert.NotEqual(ActivityStatusCode.Error, server.Status);
        // Refused while parsing, on a parser thread: the segment span still lands in the call's trace.
        foreach (var name in new[] { PipelineActivities.Page, PipelineActivities.Segment })
        {
            var span = Assert.Single(spans, span => span.OperationName == name);
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.Equal("TooManyParagraphs", span.GetTagItem("error.type"));
        }
    }

    [Fact]
    public async Task A_stream_is_one_server_span_with_a_page_span_per_page()
    {
        var (traceparent, traceId, _) = NewTraceparent();
        var client = _service.Host.CreateClient().Service;

        using (var call = client.CleanStream(new Metadata { { "traceparent", traceparent } }))
        {
            await call.RequestStream.WriteAsync(new CleanRequest { Id = "a", Html = SamplePages.Article(3, seed: 1) });
            await call.RequestStream.WriteAsync(new CleanRequest { Id = "b", Html = SamplePages.Article(3, seed: 2) });
            await call.RequestStream.CompleteAsync();
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                Assert.Null(call.ResponseStream.Current.Error);
            }
        }

        var spans = await _service.Spans.WaitForAsync(traceId, span => span.DisplayName == "boilerplate.v1.BoilerplateService/CleanStream");
        var server = Assert.Single(spans, span => span.Kind == ActivityKind.Server);
        Assert.Equal("CleanStream", server.GetTagItem("rpc.method"));
        var pages = spans.Where(span => span.OperationName == PipelineActivities.Page).ToList();
        Assert.Equal(2, pages.Count);
        Assert.All(pages, page => Assert.Equal(server.SpanId, page.ParentSpanId));
        Assert.Equal(2, spans.Count(span => span.OperationName == PipelineActivities.Score && pages.Any(page => page.SpanId == span.ParentSpanId)));
    }

    private static (string Header, ActivityTraceId TraceId, ActivitySpanId SpanId) NewTraceparent()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spanId = ActivitySpanId.CreateRandom();
        return ($"00-{traceId.ToHexString()}-{spanId.ToHexString()}-01", traceId, spanId);
    }
}

/// <summary>The exporter's collection, safe to read while the service adds to it.</summary>
public sealed class SpanLog : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public int Count
    {
        get
        {
            lock (_spans)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    /// <summary>
    /// The spans of <paramref name="traceId"/> once one matches <paramref name="last"/>: the server span ends after the
    /// client has its answer.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> WaitForAsync(ActivityTraceId traceId, Func<Activity, bool> last)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            Activity[] trace;
            lock (_spans)
            {
                trace = [.. _spans.Where(span => span.TraceId == traceId)];
            }

            if (trace.Any(last) || DateTime.UtcNow > deadline)
            {
                return trace;
            }

            await Task.Delay(20);
        }
    }

    public void Add(Activity item)
    {
        lock (_spans)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_spans)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (_spans)
        {
            return _spans.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_spans)
        {
            _spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_spans)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator()
    {
        lock (_spans)
        {
            return _spans.ToList().GetEnumerator();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
