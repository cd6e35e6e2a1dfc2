using System.Diagnostics;
using System.Diagnostics.Metrics;
using Boilerplate.Core.Cleaning;
using Boilerplate.Service.Interceptors;
using Grpc.Core;

namespace Boilerplate.Service.Telemetry;

/// <summary>The service's own instruments, exported through OpenTelemetry when <c>Metrics:Port</c> is set.</summary>
public sealed class ServiceMetrics
{
    /// <summary>Name of the meter all instruments belong to.</summary>
    public const string MeterName = "Boilerplate.Service";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _pages;
    private readonly Counter<long> _paragraphs;
    private readonly Counter<long> _pageErrors;
    private readonly Counter<long> _modelRefreshes;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public ServiceMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateCounter<long>("boilerplate.rpc.calls", "{call}", "gRPC calls by method and status.");
        _callDuration = meter.CreateHistogram<double>("boilerplate.rpc.duration", "s", "gRPC call duration by method and status.");
        _pages = meter.CreateCounter<long>("boilerplate.pages", "{page}", "Pages cleaned.");
        _pageErrors = meter.CreateCounter<long>("boilerplate.page.errors", "{page}", "Pages not cleaned, by error reason (unary calls and stream pages).");
        _paragraphs = meter.CreateCounter<long>("boilerplate.paragraphs", "{paragraph}", "Paragraphs scored, by whether they were kept.");
        _modelRefreshes = meter.CreateCounter<long>("boilerplate.model.refreshes", "{refresh}", "Model files swapped in or refused.");
    }

    /// <summary>One finished call, tagged per the OpenTelemetry RPC conventions (the status as its number).</summary>
    internal void CallCompleted(IMethod? method, StatusCode status, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { RpcTags.System, RpcTags.Grpc },
            { RpcTags.Service, method?.ServiceName ?? ResolvedMethod.Unknown },
            { RpcTags.Method, method?.Name ?? ResolvedMethod.Unknown },
            { RpcTags.StatusCode, (int)status },
        };
        _calls.Add(1, tags);
        _callDuration.Record(elapsed.TotalSeconds, tags);
    }

    internal void PageCleaned(CleanResult result)
    {
        _pages.Add(1);
        var kept = result.Blocks.Count(paragraph => paragraph.Kept);
        _paragraphs.Add(kept, new KeyValuePair<string, object?>("kept", true));
        _paragraphs.Add(result.Blocks.Count - kept, new KeyValuePair<string, object?>("kept", false));
    }

    // The reason is one of ErrorReasons' constants, so the series stay few.
    internal void PageFailed(string reason) => _pageErrors.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void ModelRefreshed(string outcome) => _modelRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
