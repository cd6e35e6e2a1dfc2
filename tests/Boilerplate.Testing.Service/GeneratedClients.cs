using Grpc.Core;

namespace Boilerplate.Testing.Service;

/// <summary>
/// The client library's generated stubs on a channel of the test's choosing. The service's own stubs are visible to
/// the tests too, so the type cannot be named without ambiguity; it is taken from a client that already has one.
/// </summary>
public static class GeneratedClients
{
    /// <summary>A stub of the same type as <paramref name="client"/>, calling over <paramref name="channel"/>.</summary>
    public static T OnChannel<T>(this T client, ChannelBase channel)
        where T : ClientBase<T>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(channel);
        return (T)Activator.CreateInstance(typeof(T), channel)!;
    }
}
