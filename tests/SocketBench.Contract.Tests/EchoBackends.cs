using SocketBench.Core.Sending;
using SocketBench.Echo;
using SocketBench.Echo.Backends;

namespace SocketBench.Contract.Tests;

/// <summary>The echo harness on every backend, and the rows of an echo contract theory.</summary>
internal static class EchoBackends
{
    /// <summary>The backend's echo harness; reports the running test as skipped when this OS does not offer it.</summary>
    public static EchoBackend For(Backend backend)
    {
        Backends.SkipUnlessOffered(backend);
        return backend switch
        {
            Backend.Sockets => EchoBackend.Portable,
            Backend.WinRT => WinRtBackend.CreateEchoBackend(),
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "Unknown backend."),
        };
    }

    /// <summary>Every backend with every protocol that passes <paramref name="include"/>.</summary>
    public static TheoryData<Backend, EchoProtocol> Cases(Func<EchoProtocol, bool> include)
    {
        var data = new TheoryData<Backend, EchoProtocol>();
        foreach (var backend in Enum.GetValues<Backend>())
        {
            foreach (var protocol in Enum.GetValues<EchoProtocol>().Where(include))
            {
                data.Add(backend, protocol);
            }
        }

        return data;
    }
}
