namespace Boilerplate.Training;

/// <summary>Where training is: a stage name and how far along it is.</summary>
/// <param name="Stage">What is being done ("segmenting pages", "text model fold 2/4"...).</param>
/// <param name="Done">Units done in this stage.</param>
/// <param name="Total">Units in this stage.</param>
public sealed record TrainingProgress(string Stage, int Done, int Total);
