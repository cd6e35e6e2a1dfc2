using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Boilerplate.Core.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Boilerplate.Core.Pipeline;

/// <summary>
/// Runs parsing work on a small pool of dedicated big-stack threads, so that no page can overflow a request thread's
/// stack or hold its caller past the time budget.
/// </summary>
/// <remarks>
/// A job's budget runs from submission (waiting for a free worker counts, so an overloaded process answers "timed
/// out" instead of queueing without end). The job's token fires when the budget is spent or the caller cancels;
/// parsing and segmenting watch it and stop. A job still running <see cref="Grace"/> after that is abandoned: the caller
/// gets its answer, the stuck thread is left to finish on its own (threads cannot be killed) and leaves the pool, and
/// a fresh worker replaces it. <see cref="AbandonedWorkers"/> counts the stuck threads so a health check can report
/// the process unhealthy.
/// </remarks>
public sealed class IsolatedParser : IDisposable
{
    /// <summary>Stack reserved per worker; untouched pages are never committed, so the reserve costs address space only.</summary>
    public const int WorkerStackBytes = 256 * 1024 * 1024;

    private readonly BlockingCollection<Job> _queue;
    private readonly int _maxWorkers;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private int _liveWorkers;
    private int _idleWorkers;
    private int _abandoned;
    private int _started;

    /// <summary>Creates the pool; threads start on demand.</summary>
    /// <param name="workers">Most threads working at once (default: one per core).</param>
    /// <param name="queueCapacity">Most jobs waiting for a thread (default: 16 per worker).</param>
    /// <param name="grace">How long a job may overrun its budget before its thread is abandoned (default: 2 s).</param>
    /// <param name="logger">Logs abandoned workers.</param>
    public IsolatedParser(int? workers = null, int? queueCapacity = null, TimeSpan? grace = null, ILogger? logger = null)
    {
        _maxWorkers = workers ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(_maxWorkers, 1, nameof(workers));
        var capacity = queueCapacity ?? 16 * _maxWorkers;
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1, nameof(queueCapacity));
        Grace = grace ?? TimeSpan.FromSeconds(2);
        ArgumentOutOfRangeException.ThrowIfLessThan(Grace, TimeSpan.Zero, nameof(grace));
        _queue = new BlockingCollection<Job>(capacity);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>How long a job may overrun its budget before its thread is abandoned.</summary>
    public TimeSpan Grace { get; }

    /// <summary>Threads abandoned on a job that would not stop, and still running it.</summary>
    public int AbandonedWorkers => Volatile.Read(ref _abandoned);

    /// <summary>Runs <paramref name="work"/> on a worker and returns its result, or rethrows what it threw.</summary>
    /// <exception cref="PageRejectedException">
    /// <see cref="PageRejection.TimedOut"/> when the wait for a worker plus the work outlast <paramref name="timeout"/>.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public T Run<T>(Func<CancellationToken, T> work, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ObjectDisposedException.ThrowIf(_queue.IsAddingCompleted, this);

        var clock = Stopwatch.StartNew();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        T result = default!;
        var job = new Job(token => result = work(token), budget.Token);

        StartWorkerIfNeeded();
        if (!_queue.TryAdd(job, (int)Math.Min(timeout.TotalMilliseconds, int.MaxValue), cancellationToken))
        {
            throw TimedOut(timeout, "every parser thread stayed busy");
        }

        // The caller cancels the budget itself when its wait runs out, rather than by CancelAfter: that timer's callback
        // needs a thread-pool thread, which a loaded process may not get to for seconds.
        var left = timeout - clock.Elapsed;
        if (!job.Wait(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken))
        {
            budget.Cancel();
        }

        if (!job.Wait(Grace, cancellationToken))
        {
            if (job.Abandon())
            {
                OnAbandoned();
                _logger.LogWarning("Abandoned a parser thread still busy {Grace} after its {Timeout} budget", Grace, timeout);
            }

            throw TimedOut(timeout, "the page kept the parser busy");
        }

        // A caller that gave up gets the same answer whichever of the work and the wait noticed first.
        cancellationToken.ThrowIfCancellationRequested();

        if (job.Failure is { } failure)
        {
            if (failure is OperationCanceledException)
            {
                throw TimedOut(timeout, "the page took too long to parse");
            }

            ExceptionDispatchInfo.Throw(failure);
        }

        return result;
    }

    /// <summary>Stops accepting work; idle workers exit, busy ones after their job.</summary>
    public void Dispose() => _queue.CompleteAdding();

    private static PageRejectedException TimedOut(TimeSpan timeout, string why) =>
        new(PageRejection.TimedOut,
            $"Parsing did not finish within {timeout.TotalSeconds:0.###} s ({why}; SegmentationLimits.ParseTimeout); " +
            "send a smaller or simpler page, retry later, or raise the limit in the service configuration.");

    private void StartWorkerIfNeeded()
    {
        lock (_gate)
        {
            if (_idleWorkers > _queue.Count || _liveWorkers >= _maxWorkers)
            {
                return;
            }

            _liveWorkers++;
            _idleWorkers++;
        }

        var thread = new Thread(WorkLoop, WorkerStackBytes)
        {
            IsBackground = true,
            Name = $"boilerplate-parser-{Interlocked.Increment(ref _started)}",
        };
        thread.Start();
    }

    private void WorkLoop()
    {
        foreach (var job in _queue.GetConsumingEnumerable())
        {
            lock (_gate)
            {
                _idleWorkers--;
            }

            if (!job.Execute())
            {
                // Abandoned while running: the pool already counts this thread out, so it just leaves.
                Interlocked.Decrement(ref _abandoned);
                return;
            }

            lock (_gate)
            {
                _idleWorkers++;
            }
        }

        lock (_gate)
        {
            _liveWorkers--;
            _idleWorkers--;
        }
    }

    private void OnAbandoned()
    {
        Interlocked.Increment(ref _abandoned);
        lock (_gate)
        {
            _liveWorkers--;
        }
    }

    /// <summary>One unit of work and its hand-over between the caller and a worker.</summary>
    private sealed class Job(Action<CancellationToken> work, CancellationToken token)
    {
        private const int Queued = 0, Running = 1, Finished = 2, Abandoned = 3;
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        public Exception? Failure { get; private set; }

        /// <summary>Runs the work unless the caller gave up first; false when the caller abandoned it mid-run.</summary>
        public bool Execute()
        {
            if (Interlocked.CompareExchange(ref _state, Running, Queued) != Queued)
            {
                return true;
            }

            try
            {
                token.ThrowIfCancellationRequested();
                work(token);
            }
            catch (Exception e)
            {
                Failure = e;
            }

            var finishedInTime = Interlocked.CompareExchange(ref _state, Finished, Running) == Running;
            _done.TrySetResult();
            return finishedInTime;
        }

        public bool Wait(TimeSpan timeout, CancellationToken cancellationToken) => _done.Task.Wait(timeout, cancellationToken);

        /// <summary>Gives up on the job; true when a worker is stuck running it.</summary>
        public bool Abandon()
        {
            if (Interlocked.CompareExchange(ref _state, Abandoned, Running) == Running)
            {
                return true;
            }

            // Still queued: the worker that dequeues it will skip it.
            Interlocked.CompareExchange(ref _state, Finished, Queued);
            return false;
        }
    }
}
