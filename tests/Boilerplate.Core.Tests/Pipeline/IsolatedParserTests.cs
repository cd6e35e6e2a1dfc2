using System.Diagnostics;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Pipeline;

namespace Boilerplate.Core.Tests.Pipeline;

public sealed class IsolatedParserTests : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(300);
    // A grace long enough that a loaded CI runner never mistakes a slow wake-up for a stuck thread.
    private readonly IsolatedParser _parser = new(workers: 2, grace: TimeSpan.FromSeconds(3));

    public void Dispose() => _parser.Dispose();

    [Fact]
    public void Work_runs_on_a_parser_thread_and_returns_its_result()
    {
        var caller = Environment.CurrentManagedThreadId;
        var (thread, name) = _parser.Run(_ => (Environment.CurrentManagedThreadId, Thread.CurrentThread.Name), Budget, CancellationToken.None);
        Assert.NotEqual(caller, thread);
        Assert.StartsWith("boilerplate-parser-", name);
    }

    [Fact]
    public void Deep_recursion_that_would_overflow_a_default_stack_completes()
    {
        // 300,000 frames need more than a default thread stack (1.5 to 8 MB); the worker reserves 256 MB.
        static int Recurse(int depth) => depth == 0 ? 0 : 1 + Recurse(depth - 1);
        const int Depth = 300_000;
        Assert.Equal(Depth, _parser.Run(_ => Recurse(Depth), TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    [Fact]
    public void Exceptions_of_the_work_reach_the_caller()
    {
        var error = Assert.Throws<PageRejectedException>(() =>
            _parser.Run<int>(_ => throw new PageRejectedException(PageRejection.TooLarge, "big"), Budget, CancellationToken.None));
        Assert.Equal("big", error.Message);
    }

    [Fact]
    public void Work_that_honours_its_token_times_out_without_abandoning_a_thread()
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<PageRejectedException>(() => _parser.Run(token =>
        {
            while (true)
            {
                token.ThrowIfCancellationRequested();
            }
#pragma warning disable CS0162 // the loop only ends by throwing
            return 0;
#pragma warning restore CS0162
        }, Budget, CancellationToken.None));

        Assert.Equal(PageRejection.TimedOut, error.Reason);
        Assert.Contains("ParseTimeout", error.Message);
        // A timed wait may end up to a clock tick early, so the lower bound allows a little slack.
        Assert.InRange(clock.Elapsed, Budget - TimeSpan.FromMilliseconds(20), Budget + TimeSpan.FromSeconds(3));
        Assert.Equal(0, _parser.AbandonedWorkers);
    }

    [Fact]
    public void Stuck_work_is_abandoned_counted_and_replaced()
    {
        using var parser = new IsolatedParser(workers: 1, grace: TimeSpan.FromMilliseconds(200));
        using var release = new ManualResetEventSlim();
        var error = Assert.Throws<PageRejectedException>(() => parser.Run(_ => release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None), Budget, CancellationToken.None));
        Assert.Equal(PageRejection.TimedOut, error.Reason);
        Assert.Equal(1, parser.AbandonedWorkers);

        // The only slot was taken by the stuck thread; a replacement serves the next job.
        Assert.Equal(7, parser.Run(_ => 7, TimeSpan.FromSeconds(5), CancellationToken.None));

        release.Set();
        SpinWait.SpinUntil(() => parser.AbandonedWorkers == 0, TimeSpan.FromSeconds(5));
        Assert.Equal(0, parser.AbandonedWorkers);
    }

    [Fact]
    public void Caller_cancellation_stops_the_wait_and_the_work()
    {
        // Cancelled from a thread of its own, not by CancellationTokenSource's timer: the timer's callback needs a
        // thread-pool thread, which a loaded test run can leave it without for seconds.
        using var cancel = new CancellationTokenSource();
        var canceller = new Thread(() =>
        {
            Thread.Sleep(100);
            cancel.Cancel();
        }) { IsBackground = true };
        var sawCancellation = false;
        canceller.Start();
        Assert.ThrowsAny<OperationCanceledException>(() => _parser.Run(token =>
        {
            token.WaitHandle.WaitOne(TimeSpan.FromSeconds(5));
            sawCancellation = token.IsCancellationRequested;
            return 0;
        }, TimeSpan.FromSeconds(5), cancel.Token));
        SpinWait.SpinUntil(() => sawCancellation, TimeSpan.FromSeconds(2));
        Assert.True(sawCancellation);
    }
}
