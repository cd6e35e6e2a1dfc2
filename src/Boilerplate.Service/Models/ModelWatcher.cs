using System.Threading.Channels;
using Boilerplate.Service.Configuration;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Models;

/// <summary>
/// Loads the first model at start-up, then reloads when the model path changes: a file-system watcher on the
/// model's directory (Changed, Created, Renamed, Deleted), debounced because a copy fires several events, plus a
/// periodic poll for the volumes where watchers miss events. All loading happens here, off the request path.
/// </summary>
internal sealed class ModelWatcher(
    ModelHost host,
    ModelLocator locator,
    IOptions<ModelOptions> options,
    ILogger<ModelWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = await RefreshAsync(force: true, stoppingToken).ConfigureAwait(false);
        if (first?.Serving is null)
        {
            logger.LogError(
                "No model could be loaded from {ModelPath}: {Reason}. The service reports NOT_SERVING until a valid model appears",
                locator.ConfiguredPath,
                first?.Refusal);
        }

        if (locator.WatchedDirectory is not { } directory)
        {
            return;
        }

        var signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = Watch(directory, signals.Writer);
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await WaitForSignalAsync(signals.Reader, settings.PollInterval, stoppingToken).ConfigureAwait(false))
            {
                // Wait for quiet: reload only once the burst of events from a copy or rename has ended.
                do
                {
                    await Task.Delay(settings.Debounce, stoppingToken).ConfigureAwait(false);
                }
                while (signals.Reader.TryRead(out _));
            }

            await RefreshAsync(force: false, stoppingToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> WaitForSignalAsync(ChannelReader<bool> signals, TimeSpan poll, CancellationToken stoppingToken)
    {
        using var pollDue = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        pollDue.CancelAfter(poll);
        try
        {
            await signals.WaitToReadAsync(pollDue.Token).ConfigureAwait(false);
            signals.TryRead(out _);
            return true;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private FileSystemWatcher Watch(string directory, ChannelWriter<bool> signals)
    {
        var watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler onChange = (_, e) =>
        {
            if (locator.IsRelevant(e.FullPath) || (e is RenamedEventArgs renamed && locator.IsRelevant(renamed.OldFullPath)))
            {
                signals.TryWrite(true);
            }
        };
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (sender, e) => onChange(sender, e);
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "Model file watcher failed on {Directory}; the poll keeps checking", directory);
            signals.TryWrite(true);
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private async Task<RefreshOutcome?> RefreshAsync(bool force, CancellationToken stoppingToken)
    {
        try
        {
            return await host.RefreshAsync(force, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Checking the model path {ModelPath} failed; the serving model stays", locator.ConfiguredPath);
            return null;
        }
    }
}
