using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using RpcStatus = Google.Rpc.Status;

namespace Boilerplate.Client.Tests;

/// <summary>
/// Failures reach the caller typed: "retry later" told from "never resend this page", with the reason, the delay and
/// the fields at fault; a stream's failed page is a value to inspect, not an exception.
/// </summary>
[Collection(FaultyServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class TypedErrorTests(FaultyService service)
{
    [Theory]
    [InlineData(StatusCode.ResourceExhausted, ErrorReasons.AtCapacity, ErrorDisposition.RetryLater)]
    [InlineData(StatusCode.Unavailable, ErrorReasons.ModelUnavailable, ErrorDisposition.RetryLater)]
    [InlineData(StatusCode.Unavailable, "", ErrorDisposition.RetryLater)]
    [InlineData(StatusCode.ResourceExhausted, ErrorReasons.PageTooLarge, ErrorDisposition.NeverRetry)]
    [InlineData(StatusCode.ResourceExhausted, ErrorReasons.TooManyNodes, ErrorDisposition.NeverRetry)]
    [InlineData(StatusCode.InvalidArgument, ErrorReasons.EmptyPage, ErrorDisposition.NeverRetry)]
    [InlineData(StatusCode.InvalidArgument, ErrorReasons.UnknownLabel, ErrorDisposition.NeverRetry)]
    [InlineData(StatusCode.DeadlineExceeded, ErrorReasons.ParseTimeout, ErrorDisposition.NeverRetry)]
    [InlineData(StatusCode.InvalidArgument, "", ErrorDisposition.NeverRetry)]
    [InlineData(StatusCode.ResourceExhausted, "", ErrorDisposition.Other)]
    [InlineData(StatusCode.Internal, ErrorReasons.Internal, ErrorDisposition.Other)]
    [InlineData(StatusCode.DeadlineExceeded, ErrorReasons.DeadlineExceeded, ErrorDisposition.Other)]
    public void The_disposition_follows_the_reason_then_the_code(StatusCode code, string reason, ErrorDisposition expected)
    {
        var status = new RpcStatus { Code = (int)code, Message = "m" };
        if (reason.Length > 0)
        {
            status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = ErrorReasons.Domain }));
        }

        var error = BoilerplateError.FromStatus(status);

        Assert.Equal(expected, error.Disposition);
        Assert.Equal(reason, error.Reason);
        var typed = BoilerplateException.From(error);
        Assert.IsType(expected switch
        {
            ErrorDisposition.RetryLater => typeof(RetryLaterException),
            ErrorDisposition.NeverRetry => typeof(PageRefusedException),
            _ => typeof(BoilerplateException),
        }, typed);
        Assert.Equal(code, typed.StatusCode);
    }

    [Fact]
    public void Retry_delay_and_field_violations_are_read_from_the_details()
    {
        var status = new RpcStatus { Code = (int)StatusCode.ResourceExhausted, Message = "busy" };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = ErrorReasons.AtCapacity, Domain = ErrorReasons.Domain, Metadata = { ["k"] = "v" } }));
        status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(1500)) }));
        status.Details.Add(Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "options.bias", Description = "out of range" } } }));

        var error = BoilerplateError.FromStatus(status);

        Assert.Equal(TimeSpan.FromMilliseconds(1500), error.RetryAfter);
        Assert.Equal([new FieldViolation("options.bias", "out of range")], error.FieldViolations);
        Assert.Equal("v", error.Metadata["k"]);
        Assert.Equal("busy", error.Message);
    }

    [Fact]
    public void A_garbled_or_contradicting_details_trailer_leaves_the_bare_status()
    {
        var garbled = new RpcException(
            new Grpc.Core.Status(StatusCode.ResourceExhausted, "from a proxy"),
            new Metadata { { "grpc-status-details-bin", new byte[] { 0xFF, 0xFF, 0xFF } } });
        var contradicting = new RpcStatus { Code = (int)StatusCode.InvalidArgument, Message = "other" };
        contradicting.Details.Add(Any.Pack(new ErrorInfo { Reason = ErrorReasons.EmptyPage }));
        var mismatched = new RpcException(
            new Grpc.Core.Status(StatusCode.Unavailable, "gone"),
            new Metadata { { "grpc-status-details-bin", contradicting.ToByteArray() } });

        var fromGarbled = BoilerplateException.From(garbled);
        var fromMismatched = BoilerplateException.From(mismatched);

        Assert.Equal(string.Empty, fromGarbled.Reason);
        Assert.Equal("from a proxy", fromGarbled.Error.Message);
        Assert.Equal(ErrorDisposition.Other, fromGarbled.Error.Disposition);
        Assert.IsType<RetryLaterException>(fromMismatched);
        Assert.Equal(string.Empty, fromMismatched.Reason);
    }

    [Fact]
    public async Task A_streams_failed_pages_are_values_in_their_place_and_the_stream_goes_on()
    {
        var requests = new[]
        {
            new CleanRequest { Id = "good-1", Html = SamplePages.Article(3, seed: 1) },
            new CleanRequest { Id = "empty", Html = string.Empty },
            new CleanRequest { Id = "label", Text = "One paragraph.", Options = new CleanOptions { KeepLabels = { "advert" } } },
            new CleanRequest { Id = "good-2", Html = SamplePages.Article(3, seed: 2) },
        };

        var responses = new List<CleanResponse>();
        await foreach (var response in service.Host.Client.CleanStreamAsync(requests.ToAsyncEnumerable()))
        {
            responses.Add(response);
        }

        Assert.Equal(["good-1", "empty", "label", "good-2"], responses.Select(response => response.Id));
        Assert.False(responses[0].HasError());
        Assert.Null(responses[0].GetError());
        Assert.Same(responses[0], responses[0].EnsureCleaned());
        var empty = responses[1].GetError();
        Assert.NotNull(empty);
        Assert.Equal(ErrorReasons.EmptyPage, empty.Reason);
        Assert.Equal(ErrorDisposition.NeverRetry, empty.Disposition);
        Assert.Equal("html", Assert.Single(empty.FieldViolations).Field);
        var label = Assert.Throws<PageRefusedException>(() => responses[2].EnsureCleaned());
        Assert.Equal(ErrorReasons.UnknownLabel, label.Reason);
        Assert.Equal(StatusCode.InvalidArgument, label.StatusCode);
        Assert.True(responses[2].HasError());
        Assert.NotEmpty(responses[3].EnsureCleaned().Text);
    }

    [Fact]
    public async Task A_stream_that_fails_as_a_whole_throws_typed()
    {
        // Long enough that the first page arrives before it on a loaded machine; silence after it is what ends the stream.
        await using var host = await ServiceHost.StartAsync(options => options.Settings["Limits:StreamIdleTimeout"] = "00:00:02");
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<BoilerplateException>(async () =>
        {
            await foreach (var response in host.Client.CleanStreamAsync(OnePageThenSilenceAsync()))
            {
                received.Add(response.Id);
            }
        });

        Assert.Equal(["first"], received);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(ErrorReasons.StreamIdle, error.Reason);
    }

    private static async IAsyncEnumerable<CleanRequest> OnePageThenSilenceAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return new CleanRequest { Id = "first", Html = SamplePages.Article(3) };
        await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
    }
}
