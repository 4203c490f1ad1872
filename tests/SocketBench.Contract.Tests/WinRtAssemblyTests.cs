using System.Reflection;
using System.Runtime.InteropServices;
using SocketBench.Core.Sending;
using SocketBench.Sockets;
using SocketBench.Sockets.Loopback;

namespace SocketBench.Contract.Tests;

/// <summary>
/// On every OS: the WinRT assembly was built, and read as metadata (nothing WinRT runs) it offers what the
/// portable backend offers. The expected sets come from the types themselves, never from a list typed here.
/// </summary>
public sealed class WinRtAssemblyTests
{
    [Fact]
    public void WinRT_assembly_was_built()
    {
        Assert.True(File.Exists(WinRtBackend.AssemblyPath), $"Not built: {WinRtBackend.AssemblyPath}");
    }

    [Fact]
    public void WinRT_output_writes_IBuffers_through_the_shared_contract()
    {
        using var context = OpenMetadata();
        var outputs = ExportedTypes(context)
            .Where(type => !type.IsAbstract)
            .SelectMany(type => type.GetInterfaces())
            .Where(contract => contract.IsGenericType && contract.GetGenericTypeDefinition().FullName == typeof(ISendOutput<>).FullName)
            .Select(contract => contract.GetGenericArguments()[0].FullName);

        Assert.Equal(["Windows.Storage.Streams.IBuffer"], outputs);
    }

    [Fact]
    public void WinRT_has_a_session_for_every_transport_the_portable_backend_has()
    {
        using var context = OpenMetadata();
        var winRtSessions = ExportedTypes(context).Where(type => !type.IsAbstract && Implements(type, typeof(ISendSession))).ToList();
        var portableSessions = typeof(LoopbackSession).Assembly.GetExportedTypes().Where(type => !type.IsAbstract && typeof(ISendSession).IsAssignableFrom(type)).ToList();

        Assert.Equal(portableSessions.Count, winRtSessions.Count);
        Assert.Equal(Enum.GetValues<SocketBench.Core.Batches.Transport>().Length, winRtSessions.Count);
    }

    [Fact]
    public void WinRT_sessions_take_the_same_strategy_set_as_the_portable_backend()
    {
        using var context = OpenMetadata();
        var sendBatch = ExportedTypes(context)
            .Single(type => type.FullName == WinRtBackend.SessionTypeName)
            .GetMethod(nameof(ISendSession.SendBatchAsync))!;

        // The strategy enum as the WinRT assembly was compiled against it (its own copy of Core, beside it).
        var winRtStrategies = sendBatch.GetParameters().Single().ParameterType.GetEnumNames();
        var sharedStrategies = Enum.GetNames<SendStrategy>();
        var strategyMethods = typeof(SendStrategies).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(method => method.IsGenericMethodDefinition && method.Name != nameof(SendStrategies.Send))
            .Select(method => method.Name);
        var portableMethods = Enum.GetNames<SendMethod>();

        Assert.Equal(sharedStrategies, winRtStrategies);
        Assert.Equal(sharedStrategies.Order(), strategyMethods.Order());
        Assert.All(sharedStrategies, strategy => Assert.Contains(strategy, portableMethods));
    }

    private static bool Implements(Type type, Type contract) =>
        type.GetInterfaces().Any(candidate => candidate.FullName == contract.FullName);

    private static Type[] ExportedTypes(MetadataLoadContext context) =>
        context.LoadFromAssemblyPath(WinRtBackend.AssemblyPath).GetExportedTypes();

    private static MetadataLoadContext OpenMetadata()
    {
        Assert.True(File.Exists(WinRtBackend.AssemblyPath), $"Not built: {WinRtBackend.AssemblyPath}");
        var files = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(Path.GetDirectoryName(WinRtBackend.AssemblyPath)!, "*.dll"))
            .Concat(Directory.GetFiles(WinRtBackend.ProjectionDirectory, "*.dll"));
        return new MetadataLoadContext(new PathAssemblyResolver(files));
    }
}
