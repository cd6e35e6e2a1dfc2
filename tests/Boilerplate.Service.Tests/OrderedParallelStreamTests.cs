using Boilerplate.Service.Grpc;
using Grpc.Core;

namespace Boilerplate.Service.Tests;

/// <summary>
/// CleanStream's engine: bounded read-ahead, answers in request order; a failure is answered in its place when the
/// caller gives an answer for it, and ends the stream otherwise.
/// </summary>
public sealed class OrderedParallelStreamTests
{
    [Fact]
    public async Task At_most_the_parallelism_is_in_flight_and_answers_keep_request_order()
    {
        var responses = new ListWriter();
        var requests = new ListReader(Enumerable.Range(0, 40).ToList()) { Writer = responses };
        var inFlight = 0;
        var mostInFlight = 0;
        // The first `parallelism` items wait for each other: that proves they run together without depending on how
        // fast a busy thread pool hands out threads (a plain sleep let a loaded CI machine run them one at a time).
        using var firstThree = new CountdownEvent(3);

        await OrderedParallelStream.RunAsync(
            requests,
            responses,
            (item, cancellationToken) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref mostInFlight, now);
                if (item < 3)
                {
                    firstThree.Signal();
                    firstThree.Wait(TimeSpan.FromSeconds(30), cancellationToken);
                }

                // Later items finish first, so order must be restored by the writer.
                Thread.Sleep(item % 4 == 0 ? 30 : 2);
                Interlocked.Decrement(ref inFlight);
                return item * 10;
            },
            parallelism: 3,
            CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 40).Select(item => item * 10), responses.Written);
        Assert.Equal(3, mostInFlight);
        Assert.True(requests.MostReadAhead <= 4, $"read {requests.MostReadAhead} requests ahead of the answers");
    }

    [Fact]
    public async Task A_failing_item_ends_the_stream_after_the_answers_before_it()
    {
        var responses = new ListWriter();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OrderedParallelStream.RunAsync(
            new ListReader(Enumerable.Range(0, 10).ToList()),
            responses,
            (item, _) => item == 4 ? throw new InvalidOperationException("bad page") : item,
            parallelism: 4,
            CancellationToken.None));

        Assert.Equal("bad page", error.Message);
        Assert.Equal([0, 1, 2, 3], responses.Written);
    }

    [Fact]
    public async Task A_failing_item_is_answered_in_its_place_and_the_stream_goes_on()
    {
        var responses = new ListWriter();

        await OrderedParallelStream.RunAsync(
            new ListReader(Enumerable.Range(0, 10).ToList()),
            responses,
            (item, _) => item is 4 or 7 ? throw new InvalidOperationException("bad page") : item,
            parallelism: 4,
            admit: null,
            Timeout.InfiniteTimeSpan,
            failed: (item, error) => error is InvalidOperationException ? -item : throw new InvalidOperationException("unexpected"),
            CancellationToken.None);

        Assert.Equal([0, 1, 2, 3, -4, 5, 6, -7, 8, 9], responses.Written);
    }

    [Fact]
    public async Task A_refused_admission_is_answered_in_its_place_and_later_items_are_still_admitted()
    {
        var responses = new ListWriter();
        var admissions = 0;

        await OrderedParallelStream.RunAsync(
            new ListReader(Enumerable.Range(0, 6).ToList()),
            responses,
            (item, _) => item,
            parallelism: 2,
            admit: _ => Interlocked.Increment(ref admissions) == 3
                ? throw new TimeoutException("no slot")
                : ValueTask.FromResult<IDisposable>(new CancellationTokenSource()),
            Timeout.InfiniteTimeSpan,
            failed: (item, error) => error is TimeoutException ? 100 + item : -1,
            CancellationToken.None);

        Assert.Equal([0, 1, 102, 3, 4, 5], responses.Written);
        Assert.Equal(6, admissions);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    private sealed class ListWriter : IServerStreamWriter<int>
    {
        private readonly List<int> _written = [];

        public List<int> Written
        {
            get
            {
                lock (_written)
                {
                    return [.. _written];
                }
            }
        }

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(int message, CancellationToken cancellationToken) => WriteAsync(message);

        public Task WriteAsync(int message)
        {
            lock (_written)
            {
                _written.Add(message);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Hands out items and records how far reading ran ahead of writing.</summary>
    private sealed class ListReader(List<int> items) : IAsyncStreamReader<int>
    {
        private int _next = -1;

        public int Current => items[_next];

        public int MostReadAhead { get; private set; }

        public ListWriter? Writer { get; init; }

        public Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _next++;
            MostReadAhead = Math.Max(MostReadAhead, _next + 1 - (Writer?.Written.Count ?? 0));
            return Task.FromResult(_next < items.Count);
        }
    }
}
