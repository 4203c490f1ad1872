using SocketBench.Cli.Commands.Echo;
using Spectre.Console.Testing;

namespace SocketBench.Reporting.Tests.Peers;

/// <summary>serve prints its port map while the sink and echo servers already log from other threads.</summary>
public sealed class ConsoleLineTests
{
    [Fact]
    public async Task Command_lines_and_server_log_lines_written_at_once_all_arrive_whole()
    {
        const int LinesPerWriter = 200_000;
        var console = new TestConsole();
        var log = console.EchoLog();
        using var start = new Barrier(2);

        var server = Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (int i = 0; i < LinesPerWriter; i++)
                {
                    log.Info("server line");
                }
            },
            TaskCreationOptions.LongRunning);
        start.SignalAndWait();
        for (int i = 0; i < LinesPerWriter; i++)
        {
            console.Line("command line");
        }

        await server;
        string[] lines = console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(LinesPerWriter, lines.Count(line => line == "command line"));
        Assert.Equal(LinesPerWriter, lines.Count(line => line == "server line"));
        Assert.Equal(2 * LinesPerWriter, lines.Length);
    }
}
