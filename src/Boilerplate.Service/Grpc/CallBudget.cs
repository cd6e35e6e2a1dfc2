using Grpc.Core;

namespace Boilerplate.Service.Grpc;

/// <summary>
/// The cancellation a piece of work runs under: the call's own token (client cancellation and the client's
/// deadline, which gRPC enforces) plus <c>Limits:DefaultDeadline</c> when the client set no deadline.
/// </summary>
internal static class CallBudget
{
    public static CancellationTokenSource Start(ServerCallContext context, TimeSpan defaultDeadline, CancellationToken callToken)
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(callToken);
        if (context.Deadline == DateTime.MaxValue)
        {
            budget.CancelAfter(defaultDeadline);
        }

        return budget;
    }
}
