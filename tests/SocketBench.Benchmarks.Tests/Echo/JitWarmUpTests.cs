using System.Diagnostics;
using System.Reflection.Emit;
using SocketBench.Benchmarks.Echo;

namespace SocketBench.Benchmarks.Tests.Echo;

// Other tests compiling at the same time only make the warm-up longer, which neither test rules out.
public sealed class JitWarmUpTests
{
    [Fact]
    public async Task The_warm_up_goes_on_until_nothing_has_been_compiled_for_the_quiet_time()
    {
        var compiling = TimeSpan.FromMilliseconds(300);
        var started = Stopwatch.StartNew();
        var outcome = await JitWarmUp.RunAsync(() => Task.FromResult(started.Elapsed < compiling ? CompileAndRunNewMethod() : 0));

        Assert.True(outcome.Elapsed >= compiling + JitWarmUp.QuietFor, $"stopped after {outcome.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_warm_up_that_never_turns_quiet_stops_at_the_limit_and_says_so()
    {
        var outcome = await JitWarmUp.RunAsync(() => Task.FromResult(CompileAndRunNewMethod()));

        Assert.False(outcome.Quiet);
        Assert.InRange(outcome.Elapsed, JitWarmUp.Limit, JitWarmUp.Limit * 2);
    }

    private static int CompileAndRunNewMethod()
    {
        var method = new DynamicMethod("Seven", typeof(int), Type.EmptyTypes);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldc_I4_7);
        il.Emit(OpCodes.Ret);
        return ((Func<int>)method.CreateDelegate(typeof(Func<int>)))();
    }
}
