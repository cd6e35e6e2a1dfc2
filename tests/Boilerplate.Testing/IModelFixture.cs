using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Testing;

/// <summary>A model and pages it never saw, for tests that hold its scoring to account whatever model they get.</summary>
public interface IModelFixture
{
    /// <summary>The model under test.</summary>
    BoilerplateModel Model { get; }

    /// <summary>Segmented dev pages (never trained on) to score.</summary>
    IReadOnlyList<SegmentedPage> DevPages { get; }
}
