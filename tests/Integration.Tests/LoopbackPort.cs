using System.Net;
using System.Net.Sockets;

namespace VibeCheck.Integration.Tests;

/// <summary>Free TCP ports on the loopback interface, for the servers and processes the tests start.</summary>
public static class LoopbackPort
{
    /// <summary>A port free now (the OS picks it); a process started right after can listen on it.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
