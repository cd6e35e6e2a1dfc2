using Boilerplate.Bench;

namespace Boilerplate.Benchmarks;

/// <summary>
/// The pages every stage benchmark runs on: real dataset pages at the 10th, 50th and 90th percentile of size, so a
/// stage's cost can be read against page size.
/// </summary>
internal static class BenchmarkPages
{
    private static readonly Lazy<IReadOnlyList<DatasetPage>> All = new(() => DatasetPages.Load(DatasetPages.Resolve(null)));

    /// <summary>The size classes benchmarks are parameterised by.</summary>
    public static IEnumerable<string> Sizes => ["p10", "p50", "p90"];

    /// <summary>The page of size class <paramref name="size"/>.</summary>
    public static DatasetPage Get(string size) => DatasetPages.AtSizeQuantile(All.Value, size switch
    {
        "p10" => 0.10,
        "p50" => 0.50,
        "p90" => 0.90,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Expected p10, p50 or p90."),
    });
}
