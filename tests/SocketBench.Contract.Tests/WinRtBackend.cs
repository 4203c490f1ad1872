using System.Reflection;
using System.Runtime.Loader;
using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Echo.Backends;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Contract.Tests;

/// <summary>
/// The built WinRT assembly, reached by path: loaded and called on Windows, read as metadata on every OS (where
/// only its status table, a pure function of an enum, is called).
/// The paths come from the build (assembly metadata in the project file), so they match the configuration built.
/// </summary>
internal static class WinRtBackend
{
    public const string SessionTypeName = "SocketBench.WinRT.Loopback.WinRtLoopbackSession";

    public const string EchoBackendTypeName = "SocketBench.WinRT.Echo.WinRtEchoBackend";

    private static readonly Lazy<Assembly> WinRtAssembly = new(LoadAssembly);

    private static readonly Lazy<MethodInfo> OpenAsyncMethod = new(FindOpenAsync);

    public static string AssemblyPath => Metadata("WinRtAssembly");

    /// <summary>The Windows bench build: the portable benchmarks and the WinRT ones in one assembly.</summary>
    public static string WindowsBenchPath => Metadata("WindowsBenchAssembly");

    /// <summary>The folder of the Windows SDK projection (Microsoft.Windows.SDK.NET.dll, WinRT.Runtime.dll).</summary>
    public static string ProjectionDirectory => Directory.GetDirectories(Metadata("WindowsSdkProjection")).Single();

    /// <summary>Opens a WinRT session; the assembly shares SocketBench.Core and .Sockets with this process, so its types are ours.</summary>
    public static async Task<ISendSession> OpenAsync(BatchShape shape, SessionOptions options)
    {
        var pending = (Task)OpenAsyncMethod.Value.Invoke(null, [shape, options])!;
        await pending;
        return (ISendSession)pending.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(pending)!;
    }

    /// <summary>The WinRT echo harness; it shares SocketBench.Echo with this process, so it is an <see cref="EchoBackend"/> here.</summary>
    public static EchoBackend CreateEchoBackend() =>
        (EchoBackend)WinRtAssembly.Value.GetType(EchoBackendTypeName, throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!;

    /// <summary>WinRtSocketErrors.ToSocketStatus, the one table from WinRT's SocketErrorStatus to the shared statuses.</summary>
    public static MethodInfo StatusTable() =>
        WinRtAssembly.Value.GetType("SocketBench.WinRT.WinRtSocketErrors", throwOnError: true)!.GetMethod("ToSocketStatus")
            ?? throw new MissingMethodException("SocketBench.WinRT.WinRtSocketErrors", "ToSocketStatus");

    private static Assembly LoadAssembly()
    {
        // The projection is a framework reference of the WinRT project, so it is not beside the built library.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            string candidate = Path.Combine(ProjectionDirectory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };

        return Assembly.LoadFrom(AssemblyPath);
    }

    private static MethodInfo FindOpenAsync()
    {
        var session = WinRtAssembly.Value.GetType(SessionTypeName, throwOnError: true)!;
        return session.GetMethod("OpenAsync", [typeof(BatchShape), typeof(SessionOptions)])
            ?? throw new MissingMethodException(SessionTypeName, "OpenAsync");
    }

    private static string Metadata(string key) =>
        typeof(WinRtBackend).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly was built without the '{key}' path.");
}
