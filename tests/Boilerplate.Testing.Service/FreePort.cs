using System.Net;
using System.Net.Sockets;

namespace Boilerplate.Testing.Service;

/// <summary>A loopback port nobody listens on right now, for listeners that cannot bind port 0 themselves.</summary>
public static class FreePort
{
    /// <summary>Asks the OS for a free loopback port.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
