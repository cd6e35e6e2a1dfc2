using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Model;
using DomainCleanOptions = Boilerplate.Core.Cleaning.CleanOptions;
using ProtoCleanOptions = Boilerplate.Protos.V1.CleanOptions;

namespace Boilerplate.Tests.Shared;

/// <summary>
/// Options every entry point must refuse alike, each as sent in a request and as given to the library. One table for the
/// flow's tests and the service's (linked into both projects), so a case added for one is checked by both.
/// </summary>
internal static class RefusedOptions
{
    public static readonly IReadOnlyDictionary<string, (ProtoCleanOptions Proto, DomainCleanOptions Domain)> ByName =
        new Dictionary<string, (ProtoCleanOptions, DomainCleanOptions)>
        {
            ["wrong case"] = (new ProtoCleanOptions { KeepLabels = { "Body" } }, new DomainCleanOptions { KeepLabels = ["Body"] }),
            ["too many labels"] = (
                new ProtoCleanOptions { KeepLabels = { Enumerable.Repeat(Labels.Body, CleanOptionsValidator.MaxKeepLabels + 1) } },
                new DomainCleanOptions { KeepLabels = [.. Enumerable.Repeat(Labels.Body, CleanOptionsValidator.MaxKeepLabels + 1)] }),
            ["overlong label"] = (
                new ProtoCleanOptions { KeepLabels = { Labels.Body, new string('b', CleanOptionsValidator.MaxLabelChars + 1) } },
                new DomainCleanOptions { KeepLabels = [Labels.Body, new string('b', CleanOptionsValidator.MaxLabelChars + 1)] }),
            ["bias"] = (new ProtoCleanOptions { Bias = 2f }, new DomainCleanOptions { Bias = 2f }),
            ["threshold"] = (new ProtoCleanOptions { Threshold = -0.1f }, new DomainCleanOptions { Threshold = -0.1f }),
        };

    /// <summary>The cases' names, for a theory.</summary>
    public static TheoryData<string> Names => new(ByName.Keys);
}
