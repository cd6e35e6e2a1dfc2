using Boilerplate.Core.Model;

namespace Boilerplate.Service.Models;

/// <summary>
/// One loaded, warmed model and where it came from. Reference-counted: the host holds one reference while it
/// serves, each call holds one through a <see cref="ModelLease"/>, and the model is disposed only when the last
/// call using it has finished, so a reload never pulls a model from under an in-flight call.
/// </summary>
internal sealed class ModelSnapshot
{
    private int _references = 1;

    public ModelSnapshot(BoilerplateModel model, string source, string contentHash, DateTimeOffset loadedAt)
    {
        Model = model;
        Source = source;
        ContentHash = contentHash;
        LoadedAt = loadedAt;
    }

    public BoilerplateModel Model { get; }

    /// <summary>The file the model was loaded from, or "embedded:default".</summary>
    public string Source { get; }

    /// <summary>SHA-256 of the file's bytes; tells a touched file from a changed one.</summary>
    public string ContentHash { get; }

    public DateTimeOffset LoadedAt { get; }

    public ModelMetadata Metadata => Model.Metadata;

    /// <summary>Takes a reference unless the snapshot has already been released for good.</summary>
    public bool TryAddReference()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Model.Dispose();
        }
    }
}

/// <summary>A call's hold on the model it started with; dispose when the call is done.</summary>
internal readonly struct ModelLease(ModelSnapshot snapshot) : IDisposable
{
    public ModelSnapshot Snapshot { get; } = snapshot;

    public IBlockClassifier Classifier => Snapshot.Model;

    public void Dispose() => Snapshot.Release();
}
