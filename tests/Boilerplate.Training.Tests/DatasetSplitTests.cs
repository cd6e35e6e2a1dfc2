using Boilerplate.Testing;
using Boilerplate.Training;

namespace Boilerplate.Training.Tests;

[Trait("Category", "Quality")]
public sealed class DatasetSplitTests
{
    [Fact]
    public void Split_is_a_fixed_function_of_the_id()
    {
        var ids = Enumerable.Range(0, 200).Select(i => i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Select(DatasetSplit.IsDev), ids.Select(DatasetSplit.IsDev));
        // Not a prefix or modulo rule: consecutive ids land on both sides.
        Assert.Contains(ids, DatasetSplit.IsDev);
        Assert.Contains(ids, id => !DatasetSplit.IsDev(id));
    }

    [Theory]
    [InlineData("wcxb-dev")]
    [InlineData("readability-pages")]
    public void About_a_fifth_of_each_corpus_is_dev(string corpus)
    {
        var dataset = LabelledDataset.Load(SharedData.PathOf("datasets", corpus));
        var share = (double)dataset.Dev.Count() / dataset.Pages.Count;
        Assert.InRange(share, 0.13, 0.27);
        Assert.Empty(dataset.Dev.Intersect(dataset.Train));
    }
}
