using SocketBench.Cli.Commands.Ab;

namespace SocketBench.Reporting.Tests;

/// <summary>gate --base's options: each mistake is one line that quotes the value and shows an example, before anything is built.</summary>
public sealed class AbGateOptionTests
{
    [Theory]
    [InlineData("--rounds", "0", "Example: --rounds 5")]
    [InlineData("--rounds", "x", "Example: --rounds 5")]
    [InlineData("--rounds", "-2", "Example: --rounds 5")]
    [InlineData("--rounds", "1.5", "Example: --rounds 5")]
    [InlineData("--confirm-rounds", "3", "Example: --confirm-rounds 8")]
    [InlineData("--confirm-rounds", "x", "Example: --confirm-rounds 8")]
    [InlineData("--confirm-rounds", "-1", "Example: --confirm-rounds 8")]
    public void A_bad_round_count_is_one_line_quoting_it(string option, string rounds, string example)
    {
        var run = CliRun.Of("gate", "--base", "HEAD", option, rounds);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{rounds}'", run.Error, StringComparison.Ordinal);
        Assert.Contains(example, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(run.Output);
    }

    [Fact]
    public void No_confirmation_needs_enough_screening_rounds_to_judge_on()
    {
        var run = CliRun.Of("gate", "--base", "HEAD", "--confirm-rounds", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--rounds 3 cannot reach the test's alpha", run.Error, StringComparison.Ordinal);
        Assert.Contains("Example: --rounds 5 --confirm-rounds 0.", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_base_that_is_no_commit_is_one_line_quoting_it_with_examples()
    {
        var run = CliRun.Of("gate", "--base", "no-such-branch~3");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'no-such-branch~3' is not a commit", run.Error, StringComparison.Ordinal);
        Assert.Contains("--base HEAD~1", run.Error, StringComparison.Ordinal);
        Assert.Contains("--base origin/main", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_base_that_looks_like_an_option_never_reaches_git_as_one()
    {
        var run = CliRun.Of("gate", "--base=--output=/tmp/x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'--output=/tmp/x' is not a commit", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Base_cannot_be_combined_with_given_results()
    {
        var run = CliRun.Of("gate", "--base", "HEAD", "--results", TestFiles.Samples);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--results", run.Error, StringComparison.Ordinal);
        Assert.Contains("socketbench gate --base HEAD~1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_base_rounds_and_job_with_their_defaults()
    {
        var run = CliRun.Of("gate", "--help");

        string help = string.Join(' ', run.Output.Split((char[])[' ', '\n', '\r', '│'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--base <REF>", help, StringComparison.Ordinal);
        Assert.Contains("HEAD~1", help, StringComparison.Ordinal);
        Assert.Contains("--rounds <N> 3", help, StringComparison.Ordinal);
        Assert.Contains("--confirm-rounds <N> 8", help, StringComparison.Ordinal);
        Assert.Contains("--job <NAME> gate", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Rounds_alternate_which_side_goes_first()
    {
        var order = Enumerable.Range(1, 4).Select(round => string.Join(",", AbRunner.Order(round, "Base", "New"))).ToList();

        Assert.Equal(["Base,New", "New,Base", "Base,New", "New,Base"], order);
    }
}
