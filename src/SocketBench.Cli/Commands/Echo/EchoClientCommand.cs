using SocketBench.Core.Errors;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Framing;
using SocketBench.Echo.Tls;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands.Echo;

/// <summary>`socketbench echo client`: connects, sends each message, prints each response, closes.</summary>
public sealed class EchoClientCommand(IAnsiConsole console) : AsyncCommand<EchoClientSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EchoClientSettings settings, CancellationToken cancellationToken)
    {
        var options = new EchoClientOptions(settings.ParsedProtocol)
        {
            Host = settings.Target.Host,
            Port = settings.Target.Port,
            LocalPort = settings.LocalPort,
            SharePort = settings.SharePort,
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            MaxMessageBytes = settings.MaxMessageBytes,
            Tls = ClientTls(settings),
        };

        // Encode first: a message the protocol cannot carry is bad input, found before any connection.
        var requests = (settings.Messages is [] ? ["Hello, World!"] : settings.Messages).Select(text => (Text: text, Bytes: Encode(text, options))).ToList();

        console.Line("client is trying to connect...");
        var client = await EchoBackendChoice.For(settings.ParsedBackend).ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        await using (client.ConfigureAwait(false))
        {
            console.Line($"client connected to {client.RemoteEndPoint}{(options.Tls is null ? "" : " over TLS")}");
            foreach (var (text, bytes) in requests)
            {
                console.Line($"client sent the request: \"{text}\"");
                var response = await client.EchoAsync(bytes, cancellationToken).ConfigureAwait(false);
                console.Line($"client received the response: \"{Decode(response.Span)}\"");
            }
        }

        console.Line("client closed its socket");
        return 0;
    }

    private static byte[] Encode(string text, EchoClientOptions options)
    {
        var bytes = EchoText.Encode(text);
        if (options.Protocol == SocketBench.Echo.EchoProtocol.TcpLine && bytes.Contains((byte)'\n'))
        {
            throw new ArgumentException($"Invalid message '{text.ReplaceLineEndings("\\n")}': tcp-line carries one line per message. Example: \"Hello, World!\".");
        }

        return bytes.Length <= options.MaxMessageBytes
            ? bytes
            : throw new ArgumentException($"Invalid message of {bytes.Length} bytes: over --max-message {options.MaxMessageBytes}. Example: a shorter message, or --max-message {bytes.Length}.");
    }

    private static string Decode(ReadOnlySpan<byte> response)
    {
        try
        {
            return EchoText.Decode(response);
        }
        catch (FramingException e)
        {
            throw new SocketStatusException(SocketStatus.ProtocolViolation, $"the response is not text: {e.Message}");
        }
    }

    private static TlsClientSettings? ClientTls(EchoClientSettings settings) => !settings.Tls ? null : new TlsClientSettings(
        settings.ParsedTlsVersions,
        settings.ClientCertificate is { } path ? CertificateFiles.LoadWithKey(path, settings.ClientKey, settings.CertificatePassword) : null,
        settings.Ca is { } ca ? CertificateFiles.LoadTrusted(ca) : null,
        settings.Insecure);
}
