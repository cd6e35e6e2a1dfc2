using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Boilerplate.Core.Model;
using Boilerplate.Service.Telemetry;

namespace Boilerplate.Service.Models;

/// <summary>
/// Holds the serving model. Calls take it with <see cref="Acquire"/> and keep that instance to the end; a
/// refresh loads, validates and warms a new model off the request path, then swaps one volatile reference, so
/// calls never wait for a reload and never see a half-loaded model. A model file that fails to load or to
/// clean the warm-up pages is refused and the previous model keeps serving.
/// </summary>
internal sealed class ModelHost : IDisposable
{
    /// <summary><see cref="ModelSnapshot.Source"/> of the default model compiled into the service.</summary>
    public const string EmbeddedSource = "embedded:default";

    private readonly ModelLocator _locator;
    private readonly ModelWarmer _warmer;
    private readonly ServiceMetrics _metrics;
    private readonly ILogger<ModelHost> _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);

    // What each file looked like when last examined, so a poll re-hashes only files whose stamp moved and a
    // refused file is warned about once, not on every poll.
    private readonly Dictionary<string, ExaminedFile> _examined = new(StringComparer.Ordinal);
    private volatile ModelSnapshot? _current;

    public ModelHost(ModelLocator locator, ModelWarmer warmer, ServiceMetrics metrics, ILogger<ModelHost> logger)
    {
        _locator = locator;
        _warmer = warmer;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>The serving model, or null before the first one is loaded.</summary>
    public ModelSnapshot? Current => _current;

    /// <summary>Whether a loaded and warmed model is serving.</summary>
    public bool IsReady => _current is not null;

    /// <summary>Takes the serving model for one call. Throws <see cref="ModelUnavailableException"/> before the first load.</summary>
    public ModelLease Acquire()
    {
        while (true)
        {
            var snapshot = _current ?? throw new ModelUnavailableException();
            if (snapshot.TryAddReference())
            {
                return new ModelLease(snapshot);
            }
        }
    }

    /// <summary>
    /// Looks at the configured path and swaps in the newest valid model if it differs from the serving one.
    /// <paramref name="force"/> re-reads files even when their size and modification time are unchanged, and
    /// retries files refused before.
    /// </summary>
    public async Task<RefreshOutcome> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(
                () => _locator.ConfiguredPath is null ? LoadEmbedded(cancellationToken) : RefreshFromPath(force, cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public void Dispose()
    {
        _current?.Release();
        _refreshGate.Dispose();
    }

    private RefreshOutcome LoadEmbedded(CancellationToken cancellationToken)
    {
        if (_current is not null)
        {
            return new RefreshOutcome(_current, Changed: false, Refusal: null);
        }

        var started = Stopwatch.GetTimestamp();
        var model = BoilerplateModel.LoadDefault();
        Swap(Prepare(model, EmbeddedSource, "embedded:" + model.Version, cancellationToken), started);
        return new RefreshOutcome(_current, Changed: true, Refusal: null);
    }

    private RefreshOutcome RefreshFromPath(bool force, CancellationToken cancellationToken)
    {
        var candidates = _locator.Candidates();
        if (candidates.Count == 0)
        {
            var reason = $"No model file found at {_locator.ConfiguredPath}.";
            _logger.LogWarning("No model file found at {ModelPath}; the serving model stays", _locator.ConfiguredPath);
            return FallBackToEmbedded(new RefreshOutcome(_current, Changed: false, reason), cancellationToken);
        }

        string? newestRefusal = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var (verdict, refusal) = Examine(candidates[i], force, cancellationToken);
            if (i == 0)
            {
                newestRefusal = refusal;
            }

            if (verdict != Verdict.Refused)
            {
                return new RefreshOutcome(_current, verdict == Verdict.Swapped, newestRefusal);
            }
        }

        return FallBackToEmbedded(new RefreshOutcome(_current, Changed: false, newestRefusal), cancellationToken);
    }

    /// <summary>
    /// With nothing serving yet (a fresh, empty models volume; only refused files), the embedded default model serves
    /// until a valid file appears, so a new replica becomes ready instead of waiting for a training job.
    /// </summary>
    private RefreshOutcome FallBackToEmbedded(RefreshOutcome outcome, CancellationToken cancellationToken)
    {
        if (_current is not null)
        {
            return outcome;
        }

        _logger.LogWarning(
            "No valid model file at {ModelPath}; the embedded default model serves until one appears there",
            _locator.ConfiguredPath);
        return LoadEmbedded(cancellationToken) with { Refusal = outcome.Refusal };
    }

    private (Verdict Verdict, string? Refusal) Examine(string path, bool force, CancellationToken cancellationToken)
    {
        var stamp = ModelFileStamp.Read(path);
        if (stamp is null)
        {
            return (Verdict.Refused, $"The model file {path} disappeared while being read.");
        }

        _examined.TryGetValue(path, out var before);
        byte[]? bytes = null;
        string hash;
        if (!force && before is not null && before.Stamp == stamp)
        {
            hash = before.Hash;
        }
        else if (!TryRead(path, out bytes, out hash, out var unreadable))
        {
            return (Verdict.Refused, unreadable);
        }

        if (hash == _current?.ContentHash)
        {
            _examined[path] = new ExaminedFile(stamp, hash, Refusal: null);
            return (Verdict.AlreadyServing, null);
        }

        if (!force && before is not null && before.Hash == hash && before.Refusal is not null)
        {
            _examined[path] = before with { Stamp = stamp };
            return (Verdict.Refused, before.Refusal);
        }

        if (bytes is null && !TryRead(path, out bytes, out hash, out var unreadableNow))
        {
            return (Verdict.Refused, unreadableNow);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var snapshot = Prepare(BoilerplateModel.Load(new MemoryStream(bytes, writable: false)), path, hash, cancellationToken);
            _examined[path] = new ExaminedFile(stamp, hash, Refusal: null);
            Swap(snapshot, started);
            return (Verdict.Swapped, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = $"The model file {path} was refused: {e.Message}";
            _examined[path] = new ExaminedFile(stamp, hash, reason);
            _metrics.ModelRefreshed("refused");
            _logger.LogWarning(
                "Refused model file {ModelPath} ({Reason}); model {ServingVersion} keeps serving",
                path,
                e.Message,
                _current?.Metadata.Version ?? "(none)");
            return (Verdict.Refused, reason);
        }
    }

    private bool TryRead(string path, [NotNullWhen(true)] out byte[]? bytes, out string hash, [NotNullWhen(false)] out string? error)
    {
        try
        {
            bytes = File.ReadAllBytes(path);
            hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            error = null;
            return true;
        }
        catch (IOException e)
        {
            // Usually a file still being copied or replaced; the next event or poll retries it.
            _logger.LogWarning("Cannot read model file {ModelPath} yet: {Reason}", path, e.Message);
            bytes = null;
            hash = string.Empty;
            error = $"The model file {path} cannot be read: {e.Message}";
            return false;
        }
    }

    /// <summary>Validates and warms a freshly loaded model; disposes it if it is refused.</summary>
    private ModelSnapshot Prepare(BoilerplateModel model, string source, string hash, CancellationToken cancellationToken)
    {
        try
        {
            if (!model.Labels.Contains(Labels.Body, StringComparer.Ordinal))
            {
                throw new ModelLoadException(
                    $"The model's labels ({string.Join(", ", model.Labels)}) lack \"{Labels.Body}\", which requests keep by default.");
            }

            _warmer.Warm(model, cancellationToken);
            return new ModelSnapshot(model, source, hash, DateTimeOffset.UtcNow);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private void Swap(ModelSnapshot next, long started)
    {
        var previous = _current;
        _current = next;
        previous?.Release();
        _metrics.ModelRefreshed("swapped");
        // An operator tailing the log of a fresh pod looks for the moment it can take traffic.
        _logger.LogInformation(
            previous is null
                ? "SERVING: model {OldVersion} -> {NewVersion} from {ModelSource} (labels {Labels}) loaded and warmed in {ElapsedMs:F0} ms; health reports SERVING"
                : "Model {OldVersion} -> {NewVersion} from {ModelSource} (labels {Labels}) loaded and warmed in {ElapsedMs:F0} ms",
            previous?.Metadata.Version ?? "(none)",
            next.Metadata.Version,
            next.Source,
            string.Join(",", next.Metadata.Labels),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private enum Verdict
    {
        AlreadyServing,
        Swapped,
        Refused,
    }

    private sealed record ExaminedFile(ModelFileStamp Stamp, string Hash, string? Refusal);
}
