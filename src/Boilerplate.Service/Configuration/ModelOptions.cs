using System.ComponentModel.DataAnnotations;

namespace Boilerplate.Service.Configuration;

/// <summary>Where the served model comes from and how changes to it are noticed (section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Model";

    /// <summary>
    /// A model file, or a directory of model files (the newest valid one serves). Empty: the default model
    /// embedded in the service, which also serves while the path holds no valid model yet.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// How often the model path is re-checked (size, modification time, then content hash) in case the file
    /// watcher missed an event, as it can on network and container-mounted volumes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Quiet time after the last file event before a reload: copying a file fires several events and a
    /// half-written file must not be loaded.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a new model cleans the built-in warm-up pages before it serves (always at least a few rounds). .NET's
    /// tiered JIT compiles hot loops optimised only after seconds of traffic: without this the first seconds of
    /// requests after start-up run markedly slower. A reload warms the same way while the old model keeps serving.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Warmup { get; set; } = TimeSpan.FromSeconds(5);
}
