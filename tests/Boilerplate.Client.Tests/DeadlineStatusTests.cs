using Grpc.Core;

namespace Boilerplate.Client.Tests;

/// <summary>
/// A stream reset by the service's deadline timer reaches the client as CANCELLED, at times a moment before the
/// client's own timer fires: the caller still learns it ran out of time, and a real cancellation stays one.
/// </summary>
public sealed class DeadlineStatusTests
{
    private static readonly DateTime Deadline = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(250)]
    public void A_cancel_at_the_deadline_is_the_deadline(int msAfterDeadline)
    {
        var resolved = DeadlineStatus.Resolve(Cancelled(), Deadline, Deadline.AddMilliseconds(msAfterDeadline));

        Assert.Equal(StatusCode.DeadlineExceeded, resolved.StatusCode);
        Assert.Equal("kept", resolved.Trailers.GetValue("x-trailer"));
    }

    [Fact]
    public void A_cancel_well_before_the_deadline_stays_a_cancel()
    {
        var cancelled = Cancelled();

        Assert.Same(cancelled, DeadlineStatus.Resolve(cancelled, Deadline, Deadline - TimeSpan.FromSeconds(5)));
        Assert.Same(cancelled, DeadlineStatus.Resolve(cancelled, Deadline, Deadline - DeadlineStatus.Skew - TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void A_cancel_without_a_deadline_and_other_statuses_are_left_alone()
    {
        var cancelled = Cancelled();
        var unavailable = new RpcException(new Status(StatusCode.Unavailable, "gone"));

        Assert.Same(cancelled, DeadlineStatus.Resolve(cancelled, null, Deadline));
        Assert.Same(unavailable, DeadlineStatus.Resolve(unavailable, Deadline, Deadline.AddSeconds(1)));
    }

    private static RpcException Cancelled() =>
        new(new Status(StatusCode.Cancelled, "reset"), new Metadata { { "x-trailer", "kept" } });
}
