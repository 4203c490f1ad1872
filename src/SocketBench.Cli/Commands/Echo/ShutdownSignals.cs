using System.Runtime.InteropServices;

namespace SocketBench.Cli.Commands.Echo;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM cancel a token instead of killing the process, so a server closes its
/// listener and connections and exits 0.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignals(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop)];
    }

    public CancellationToken Token => _source.Token;

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        Array.ForEach(_registrations, registration => registration.Dispose());
        _source.Dispose();
    }
}
