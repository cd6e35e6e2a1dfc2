using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Testing.Service;

/// <summary>
/// Test-only faults for the in-process service: the next N clean calls fail with a chosen status, optionally after
/// a delay. Lives in test support so production code has no fault hooks.
/// </summary>
public sealed class FaultPlan
{
    private int _remaining;

    /// <summary>Status the affected calls fail with; null: they only wait <see cref="Delay"/>, then run normally.</summary>
    public StatusCode? Status { get; private set; } = StatusCode.Unavailable;

    /// <summary>How long a failing call waits before failing.</summary>
    public TimeSpan Delay { get; private set; }

    /// <summary>Calls that reached the service, failed or not.</summary>
    public int Calls => Volatile.Read(ref _calls);

    private int _calls;

    /// <summary>Makes the next <paramref name="count"/> calls fail (int.MaxValue: all of them).</summary>
    public void FailNext(int count, StatusCode status = StatusCode.Unavailable, TimeSpan delay = default)
    {
        Status = status;
        Delay = delay;
        Volatile.Write(ref _remaining, count);
    }

    /// <summary>Makes the next <paramref name="count"/> calls wait <paramref name="delay"/> before they run, holding their slot.</summary>
    public void SlowNext(int count, TimeSpan delay)
    {
        Status = null;
        Delay = delay;
        Volatile.Write(ref _remaining, count);
    }

    /// <summary>Stops failing calls.</summary>
    public void Heal() => Volatile.Write(ref _remaining, 0);

    internal bool ShouldFail()
    {
        Interlocked.Increment(ref _calls);
        while (true)
        {
            var remaining = Volatile.Read(ref _remaining);
            if (remaining <= 0)
            {
                return false;
            }

            if (remaining == int.MaxValue || Interlocked.CompareExchange(ref _remaining, remaining - 1, remaining) == remaining)
            {
                return true;
            }
        }
    }
}

/// <summary>Registers a <see cref="FaultPlan"/> as the innermost interceptor of the hosted service.</summary>
public static class FaultInjection
{
    /// <summary>Adds <paramref name="plan"/> to the service being configured.</summary>
    public static void InjectFaults(this ServiceHostOptions options, FaultPlan plan)
    {
        ArgumentNullException.ThrowIfNull(options);
        var previous = options.ConfigureServices;
        options.ConfigureServices = services =>
        {
            previous?.Invoke(services);
            services.AddSingleton(plan);
            services.AddSingleton<FaultInterceptor>();
            services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<FaultInterceptor>());
        };
    }

    private sealed class FaultInterceptor(FaultPlan plan) : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request,
            ServerCallContext context,
            UnaryServerMethod<TRequest, TResponse> continuation)
        {
            if (context.Method.StartsWith("/boilerplate.v1.BoilerplateService/", StringComparison.Ordinal) && plan.ShouldFail())
            {
                if (plan.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(plan.Delay, context.CancellationToken).ConfigureAwait(false);
                }

                if (plan.Status is not { } status)
                {
                    return await continuation(request, context).ConfigureAwait(false);
                }

                if (status == StatusCode.Internal)
                {
                    // An unexpected exception, as a bug would throw: the service must hide it behind INTERNAL.
                    throw new InvalidOperationException("Injected failure with secret detail at FaultInterceptor.UnaryServerHandler");
                }

                throw new RpcException(new Status(status, "Injected fault."));
            }

            return await continuation(request, context).ConfigureAwait(false);
        }
    }
}
