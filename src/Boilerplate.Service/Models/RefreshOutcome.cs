namespace Boilerplate.Service.Models;

/// <summary>What a look at the model path did.</summary>
/// <param name="Serving">The model serving afterwards (null only if none could ever be loaded).</param>
/// <param name="Changed">Whether a new model was swapped in.</param>
/// <param name="Refusal">Why the newest model file was refused, or null when it was accepted or already serving.</param>
internal sealed record RefreshOutcome(ModelSnapshot? Serving, bool Changed, string? Refusal);
