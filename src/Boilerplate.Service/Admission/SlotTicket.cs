using Boilerplate.Service.Errors;

namespace Boilerplate.Service.Admission;

/// <summary>
/// A unary call's claim on a cleaning slot, made by admission before the body is read: refused at once when the
/// queue (or the caller's share) is full, else granted now or when the queue moves. <see cref="SlotInterceptor"/>
/// waits for it once the request is read; disposing releases the slot, or withdraws the claim if still queued.
/// </summary>
internal sealed class SlotTicket : IDisposable
{
    private readonly CancellationTokenSource _withdraw;
    private readonly Task<IDisposable> _slot;

    public SlotTicket(RequestLimiter limiter, Caller caller, CancellationToken callAborted)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        _withdraw = CancellationTokenSource.CreateLinkedTokenSource(callAborted);
        _slot = limiter.AdmitAsync(caller, _withdraw.Token).AsTask();
        // The limiter answers a full queue synchronously, so the refusal is known before the body is read.
        if (_slot.IsFaulted && _slot.Exception?.InnerException is ServiceAtCapacityException busy)
        {
            Refusal = busy;
        }
    }

    /// <summary>Why the call was refused at once; null when it holds a slot or a queue place.</summary>
    public ServiceAtCapacityException? Refusal { get; }

    /// <summary>Waits until the slot is granted (or the call ends).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _slot.WaitAsync(cancellationToken);

    public void Dispose()
    {
        _withdraw.Cancel();
        // A slot granted is released; a claim still queued is withdrawn by the cancellation above.
        _slot.ContinueWith(
            static granted =>
            {
                if (granted.IsCompletedSuccessfully)
                {
                    granted.Result.Dispose();
                }
                else
                {
                    _ = granted.Exception;
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        _withdraw.Dispose();
    }
}
