namespace SocketBench.Sockets;

/// <summary>
/// A stream over one connection, read and written in order: it cannot seek and has no length or position. What a
/// stream that forwards to a socket's own streams leaves out, written once.
/// </summary>
public abstract class DuplexStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
