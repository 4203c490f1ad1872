using System.Reflection;
using SocketBench.Core.Sending;
using SocketBench.Echo.Backends;

namespace SocketBench.Cli.Commands.Echo;

/// <summary>
/// `--backend`: the portable harness everywhere, or the WinRT one on Windows (the options refuse it elsewhere). The CLI targets plain net10.0 so it runs
/// on every OS; a Windows build places the Windows-targeted SocketBench.WinRT.dll and its projection beside it (see
/// the project file), and it is loaded from there only when asked for.
/// </summary>
internal static class EchoBackendChoice
{
    private const string WinRtAssemblyFile = "SocketBench.WinRT.dll";
    private const string WinRtBackendType = "SocketBench.WinRT.Echo.WinRtEchoBackend";

    public static bool TryParse(string? text, out Backend backend) =>
        Enum.TryParse(text, ignoreCase: true, out backend) && Enum.IsDefined(backend) && !int.TryParse(text, out _);

    public static EchoBackend For(Backend backend) => backend == Backend.WinRT ? LoadWinRt() : EchoBackend.Portable;

    private static EchoBackend LoadWinRt()
    {
        string path = Path.Combine(AppContext.BaseDirectory, WinRtAssemblyFile);
        return File.Exists(path)
            ? (EchoBackend)Assembly.LoadFrom(path).GetType(WinRtBackendType, throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!
            : throw new ArgumentException($"--backend winrt: {WinRtAssemblyFile} is not beside socketbench; build on Windows (dotnet build src/SocketBench.Cli -c Release) so it is copied there");
    }
}
