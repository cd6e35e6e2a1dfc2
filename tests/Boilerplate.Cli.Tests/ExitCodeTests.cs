using Boilerplate.Cli.Tests.Clean;

namespace Boilerplate.Cli.Tests;

/// <summary>The exit codes every command shares (README.md, "The CLI").</summary>
public class ExitCodeTests
{
    [Theory]
    [InlineData("clean")]
    [InlineData("model-info", "--server", "http://127.0.0.1:1", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("model-info")]
    [InlineData("model-info", "--server", "not a url")]
    [InlineData("reload", "--server", "http://127.0.0.1:1", "--timeout", "-00:00:01")]
    public async Task A_parse_or_validation_error_exits_2_not_System_CommandLine_s_1(params string[] args)
    {
        var (code, _, error) = await CliRun.CaptureAsync(null, args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("clean", "--help")]
    [InlineData("model-info", "--help")]
    public async Task Help_lists_the_exit_codes(params string[] args)
    {
        var (code, output, _) = await CliRun.CaptureAsync(null, args);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Exit codes: 0 done; 1 some pages failed", output, StringComparison.Ordinal);
        Assert.Contains("2 usage error", output, StringComparison.Ordinal);
        Assert.Contains("3 every page failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_promotion_gate_keeps_its_code_among_them()
    {
        Assert.Equal(ExitCodes.Partial, Commands.EvaluateCommand.GateFailed);
        Assert.Equal(ExitCodes.Usage, Commands.EvaluateCommand.UsageError);
    }
}
