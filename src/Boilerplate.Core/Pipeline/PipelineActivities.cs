using System.Diagnostics;
using Boilerplate.Core.Errors;

namespace Boilerplate.Core.Pipeline;

/// <summary>
/// The pipeline's spans, one per stage of a page, on a BCL <see cref="ActivitySource"/> so Core needs no OpenTelemetry
/// package: a host that listens to <see cref="SourceName"/> exports them, one that does not pays nothing. Tags carry
/// sizes, counts and the model's verdicts, never page text or URLs.
/// </summary>
public static class PipelineActivities
{
    /// <summary>Name of the activity source every pipeline span belongs to.</summary>
    public const string SourceName = "Boilerplate.Core";

    /// <summary>One page through the whole pipeline; the stages below are its children.</summary>
    public const string Page = "boilerplate.page";

    /// <summary>Bytes to characters (charset detection), for <c>html_bytes</c> input.</summary>
    public const string Decode = "boilerplate.decode";

    /// <summary>HTML parsing or text splitting into blocks.</summary>
    public const string Segment = "boilerplate.segment";

    /// <summary>Repair of damaged text before scoring.</summary>
    public const string Repair = "boilerplate.repair";

    /// <summary>The model scoring every block, and the page type.</summary>
    public const string Score = "boilerplate.score";

    /// <summary>The keep rule, duplicates, rendering and metadata.</summary>
    public const string Clean = "boilerplate.clean";

    internal static readonly ActivitySource Source = new(SourceName, typeof(PipelineActivities).Assembly.GetName().Version?.ToString());

    /// <summary>
    /// Starts a stage under <paramref name="parent"/>, which parser threads need: the caller's
    /// <see cref="Activity.Current"/> does not flow to them. Null when nobody listens.
    /// </summary>
    internal static Activity? Start(string name, ActivityContext parent = default) =>
        parent == default ? Source.StartActivity(name) : Source.StartActivity(name, ActivityKind.Internal, parent);

    /// <summary>Marks <paramref name="activity"/> failed with the rejection's kind (its message may quote the request).</summary>
    internal static void Failed(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        var kind = exception is PageRejectedException rejected ? rejected.Reason.ToString() : exception.GetType().Name;
        activity.SetTag("error.type", kind);
        activity.SetStatus(ActivityStatusCode.Error, kind);
    }
}
