namespace SocketBench.Sockets.Outputs;

/// <summary>
/// Counts the TLS records in a byte stream as it is written, from each record's 5-byte header
/// (type, version, 2-byte length). Exact whichever way the writer splits records across writes.
/// </summary>
internal struct TlsRecordCounter
{
    private const int HeaderLength = 5;

    private int _headerSeen;
    private int _lengthHigh;
    private int _bodyLeft;

    /// <summary>Reads the bytes; returns how many records started in them.</summary>
    public int Count(ReadOnlySpan<byte> written)
    {
        int started = 0;
        while (!written.IsEmpty)
        {
            if (_bodyLeft > 0)
            {
                int skipped = Math.Min(_bodyLeft, written.Length);
                _bodyLeft -= skipped;
                written = written[skipped..];
                continue;
            }

            // Header bytes 3 and 4 are the body length, big-endian.
            switch (_headerSeen++)
            {
                case 0:
                    started++;
                    break;
                case 3:
                    _lengthHigh = written[0];
                    break;
                case HeaderLength - 1:
                    _bodyLeft = (_lengthHigh << 8) | written[0];
                    _headerSeen = 0;
                    break;
            }

            written = written[1..];
        }

        return started;
    }
}
