using System.Reflection;
using System.Runtime.InteropServices;
using SocketBench.Core.Errors;
using SocketBench.Core.Sending;
using SocketBench.Echo;
using SocketBench.Echo.Backends;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Servers;
using SocketBench.Sockets;
using SocketBench.Sockets.Sessions;

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
        var portableSessions = typeof(SocketSession).Assembly.GetExportedTypes().Where(type => !type.IsAbstract && typeof(ISendSession).IsAssignableFrom(type)).ToList();

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

    [Fact]
    public void WinRT_has_an_echo_server_and_client_for_every_protocol_the_portable_harness_has()
    {
        using var context = OpenMetadata();
        var winRtTypes = ExportedTypes(context);
        var portableTypes = typeof(EchoBackend).Assembly.GetExportedTypes();
        var protocols = Enum.GetNames<EchoProtocol>().Order().ToList();

        foreach (var role in new[] { typeof(EchoServer), typeof(EchoClient) })
        {
            // Each protocol exactly once per role: a duplicate or a gap changes the sorted list.
            Assert.Equal(protocols, Spoken(portableTypes, role).Order());
            Assert.Equal(protocols, Spoken(winRtTypes, role).Order());
        }

        // The backend the CLI loads by name: a static Instance holding the portable harness's EchoBackend record.
        var backend = Assert.Single(winRtTypes, type => type.FullName == WinRtBackend.EchoBackendTypeName);
        Assert.Equal(typeof(EchoBackend).FullName, backend.GetProperty("Instance")?.PropertyType.FullName);
    }

    [Fact]
    public void WinRT_status_table_gives_every_shared_name_its_twin()
    {
        // A pure switch over an enum: it runs on every OS, though nothing else in the assembly does.
        var table = WinRtBackend.StatusTable();
        var winRtStatuses = table.GetParameters().Single().ParameterType;
        var shared = Enum.GetNames(winRtStatuses).Intersect(Enum.GetNames<SocketStatus>()).ToList();

        Assert.Contains(nameof(SocketStatus.ConnectionRefused), shared);
        Assert.All(shared, name => Assert.Equal(Enum.Parse<SocketStatus>(name), table.Invoke(null, [Enum.Parse(winRtStatuses, name)])));
    }

    [Fact]
    public void Windows_bench_measures_the_same_strategies_on_both_backends_for_each_transport()
    {
        using var context = OpenMetadata(WinRtBackend.WindowsBenchPath);
        var benchmarks = context.LoadFromAssemblyPath(WinRtBackend.WindowsBenchPath).GetTypes()
            .Where(type => !type.IsAbstract && type.GetMethods().Any(method => HasAttribute(method, "BenchmarkAttribute")))
            .ToList();
        string[] backends = Enum.GetNames<Backend>();
        string[] transports = Enum.GetNames<SocketBench.Core.Batches.Transport>();

        foreach (string transport in transports)
        {
            foreach (string backend in backends)
            {
                var strategyRows = benchmarks
                    .Where(type => ClassCategories(type).Contains(transport) && ClassCategories(type).Contains(backend))
                    .SelectMany(type => type.GetMethods().Where(method => MethodCategories(method).Contains("Strategy")))
                    .Select(method => method.Name);

                Assert.Equal(Enum.GetNames<SendStrategy>().Order(), strategyRows.Order());
            }
        }
    }

    // The protocols named by [Speaks] on the concrete classes that play a role; read as attribute data, so it works
    // alike on loaded types and on metadata-only ones (where an enum argument is its underlying integer).
    private static IEnumerable<string> Spoken(IEnumerable<Type> types, Type role) => types
        .Where(type => !type.IsAbstract && Implements(type, role))
        .SelectMany(type => type.GetCustomAttributesData())
        .Where(attribute => attribute.AttributeType.FullName == typeof(SpeaksAttribute).FullName)
        .SelectMany(attribute => (IEnumerable<CustomAttributeTypedArgument>)attribute.ConstructorArguments[0].Value!)
        .Select(argument => Enum.GetName(typeof(EchoProtocol), Convert.ToInt32(argument.Value, System.Globalization.CultureInfo.InvariantCulture))!);

    private static bool HasAttribute(MemberInfo member, string name) =>
        member.GetCustomAttributesData().Any(attribute => attribute.AttributeType.Name == name);

    private static IEnumerable<string> Categories(IEnumerable<CustomAttributeData> attributes) => attributes
        .Where(attribute => attribute.AttributeType.Name == "BenchmarkCategoryAttribute")
        .SelectMany(attribute => (IEnumerable<CustomAttributeTypedArgument>)attribute.ConstructorArguments[0].Value!)
        .Select(argument => (string)argument.Value!);

    private static HashSet<string> MethodCategories(MethodInfo method) => [.. Categories(method.GetCustomAttributesData())];

    // Category attributes on a benchmark class and on every base class it inherits benchmarks from.
    private static HashSet<string> ClassCategories(Type type)
    {
        var categories = new HashSet<string>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            categories.UnionWith(Categories(current.GetCustomAttributesData()));
        }

        return categories;
    }

    private static bool Implements(Type type, Type contract) =>
        type.GetInterfaces().Append(type.BaseType).Any(candidate => candidate?.FullName == contract.FullName);

    private static Type[] ExportedTypes(MetadataLoadContext context) =>
        context.LoadFromAssemblyPath(WinRtBackend.AssemblyPath).GetExportedTypes();

    private static MetadataLoadContext OpenMetadata() => OpenMetadata(WinRtBackend.AssemblyPath);

    private static MetadataLoadContext OpenMetadata(string assemblyPath)
    {
        Assert.True(File.Exists(assemblyPath), $"Not built: {assemblyPath}");
        var files = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(Path.GetDirectoryName(assemblyPath)!, "*.dll"))
            .Concat(Directory.GetFiles(WinRtBackend.ProjectionDirectory, "*.dll"));
        return new MetadataLoadContext(new PathAssemblyResolver(files));
    }
}
