using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Input;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Segmentation;
using Boilerplate.Testing;

namespace Boilerplate.Core.Tests.Pipeline;

/// <summary>The pipeline's spans, heard with a plain BCL listener: Core needs no OpenTelemetry to be traced.</summary>
public sealed class PipelineActivitiesTests : IDisposable
{
    private readonly CleaningPipeline _pipeline = new(SegmentationLimits.Default);
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public PipelineActivitiesTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is PipelineActivities.SourceName or nameof(PipelineActivitiesTests),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _pipeline.Dispose();
    }

    [Fact]
    public void Html_bytes_make_a_page_span_with_decode_and_segment_from_the_parser_thread_then_the_later_stages()
    {
        using var source = new ActivitySource(nameof(PipelineActivitiesTests));
        var bytes = Encoding.UTF8.GetBytes(SamplePages.Article(5));
        ActivityTraceId traceId;
        using (var caller = source.StartActivity("caller")!)
        {
            traceId = caller.TraceId;
            _pipeline.Clean(new PageInput.HtmlBytes(bytes, "text/html; charset=utf-8"), new AllBodyClassifier(), CleanOptions.Default, CancellationToken.None);
        }

        var spans = _stopped.Where(span => span.TraceId == traceId).ToList();
        var callerSpan = Assert.Single(spans, span => span.OperationName == "caller");
        var page = Assert.Single(spans, span => span.OperationName == PipelineActivities.Page);
        Assert.Equal(callerSpan.SpanId, page.ParentSpanId);
        Assert.Equal("test-all-body", page.GetTagItem("boilerplate.model.version"));
        Assert.Equal("HtmlBytes", page.GetTagItem("boilerplate.input.kind"));
        foreach (var stage in new[] { PipelineActivities.Decode, PipelineActivities.Segment, PipelineActivities.Repair, PipelineActivities.Score, PipelineActivities.Clean })
        {
            Assert.Equal(page.SpanId, Assert.Single(spans, span => span.OperationName == stage).ParentSpanId);
        }

        Assert.Equal(bytes.Length, Assert.Single(spans, span => span.OperationName == PipelineActivities.Decode).GetTagItem("boilerplate.input.bytes"));
    }

    [Fact]
    public void Text_is_segmented_on_the_callers_thread_under_the_page_span()
    {
        using var source = new ActivitySource(nameof(PipelineActivitiesTests));
        ActivityTraceId traceId;
        using (var caller = source.StartActivity("caller")!)
        {
            traceId = caller.TraceId;
            _pipeline.Clean(new PageInput.Text("A first paragraph of text.\n\nA second paragraph of text."), new AllBodyClassifier(), CleanOptions.Default, CancellationToken.None);
        }

        var spans = _stopped.Where(span => span.TraceId == traceId).ToList();
        var page = Assert.Single(spans, span => span.OperationName == PipelineActivities.Page);
        var segment = Assert.Single(spans, span => span.OperationName == PipelineActivities.Segment);
        Assert.Equal(page.SpanId, segment.ParentSpanId);
        Assert.Equal(2, segment.GetTagItem("boilerplate.blocks"));
        Assert.Equal(2, page.GetTagItem("boilerplate.paragraphs.kept"));
        Assert.DoesNotContain(spans, span => span.OperationName == PipelineActivities.Decode);
    }
}
