using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Boilerplate.Client;
using Grpc.Net.Client;

namespace Boilerplate.Testing.Service;

/// <summary>
/// The built service run as a child process (<c>dotnet Boilerplate.Service.dll --urls ...</c>), for what an
/// in-process host cannot show: being killed, restarted on the same port, or stopped with SIGTERM.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The address the process listens on.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>The loopback port, reusable to restart on the same address.</summary>
    public int Port => new Uri(Address).Port;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The process's exit code once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Lines the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>
    /// Starts the service on <paramref name="port"/> (0: any free port) with configuration from environment
    /// variables (<c>Section__Key</c>), and waits until it reports SERVING.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        int port = 0,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Boilerplate.Service.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Console logging without colours or scopes, so the listening line can be read.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";
        // These processes test restarts and balancing, not speed: the JIT warm-up would only slow the suite down.
        start.Environment["Model__Warmup"] = "00:00:00";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => service.OnLine(e.Data);
        process.Exited += (_, _) => service._listening.TrySetException(
            new InvalidOperationException("The service process exited during start-up:\n" + string.Join('\n', service.Output)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            service.Address = await service._listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
            using var channel = GrpcChannel.ForAddress(service.Address);
            await HealthProbe.WaitUntilServingAsync(channel, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return service;
    }

    /// <summary>A client for this process; the caller disposes it.</summary>
    public BoilerplateClient CreateClient(Action<BoilerplateClientOptions>? configure = null)
    {
        // A test process listens on loopback only, so a key over its plaintext address stays on this machine.
        var options = new BoilerplateClientOptions { Address = Address, AllowInsecureCredentials = true };
        configure?.Invoke(options);
        return new BoilerplateClient(options);
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or an OOM kill would.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Asks the process to stop (SIGTERM), as an orchestrator does.</summary>
    public void Terminate()
    {
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Waits for the process to exit.</summary>
    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    /// <summary>Kills the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    // Stops at a quote too: in a JSON log line the address is followed by `",`.
    [GeneratedRegex(@"Now listening on: (http[^\s""]+)")]
    private static partial Regex ListeningLine();

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult(match.Groups[1].Value);
        }
    }
}
