using Boilerplate.Core.Repair;
using Boilerplate.Training.Repair;

namespace Boilerplate.Training.Tests.Repair;

/// <summary>Character models built from small texts: what they guess, and that their file reads back to the same model.</summary>
public sealed class CharacterModelBuilderTests
{
    private static readonly string[] Paragraphs = ["Mexico’s war and Calderón’s plan.", "It wasn’t “fusion”, said Calderón.", "Line\u2028break ’"];

    [Fact]
    public void A_built_model_fills_a_run_from_its_context()
    {
        var model = CharacterModelBuilder.Build(Paragraphs, CancellationToken.None);

        Assert.True(model.Contexts > 0);
        Assert.Equal("’", model.Guess("ico", "s w", 3));
        Assert.Equal("ó", model.Guess("der", "n’s", 2));
    }

    [Fact]
    public void A_saved_model_loads_to_the_same_model_and_saves_to_the_same_bytes()
    {
        var model = CharacterModelBuilder.Build(Paragraphs, CancellationToken.None);
        using var saved = new MemoryStream();
        CharacterModelBuilder.Save(model, saved);
        saved.Position = 0;

        var loaded = CharacterModel.Load(saved);
        using var again = new MemoryStream();
        CharacterModelBuilder.Save(loaded, again);

        Assert.Equal(model.Contexts, loaded.Contexts);
        Assert.Equal(model.Guess("ico", "s w", 3), loaded.Guess("ico", "s w", 3));
        Assert.Equal(saved.ToArray(), again.ToArray());
    }
}
