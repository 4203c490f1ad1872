namespace SocketBench.Echo;

/// <summary>
/// Names the protocols an echo server or client class implements, on every backend, so a test can check
/// (by reflection, even over an assembly it cannot run) that each backend covers every <see cref="EchoProtocol"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SpeaksAttribute(params EchoProtocol[] protocols) : Attribute
{
    public IReadOnlyList<EchoProtocol> Protocols { get; } = protocols;
}
