using Boilerplate.Core.Repair;
using Boilerplate.Training.Repair;

namespace Boilerplate.Training.Tests.Repair;

/// <summary>Lexicons built from small texts: what they restore, what they leave to the character model, and their file.</summary>
public sealed class WordLexiconBuilderTests
{
    [Theory]
    [InlineData("Calder__n", '_', "Calderón")]
    [InlineData("Calder_n", '_', "Calderón")]
    [InlineData("calder??n", '?', "Calderón")]
    [InlineData("Espa__a", '_', "España")]
    [InlineData("Mexico_s", '_', null)]
    [InlineData("Calderon", '_', null)]
    public void A_damaged_word_is_restored_from_the_word_of_its_shape(string damaged, char mark, string? expected)
    {
        var lexicon = WordLexiconBuilder.Build(["Calderón visited España; Calderón spoke."], ["España"], CancellationToken.None);

        Assert.Equal(expected, lexicon.Restore(damaged, mark));
    }

    [Fact]
    public void A_shape_two_words_share_evenly_is_left_to_the_character_model()
    {
        // "r__n" fits both words; in the first text neither is seen twice as often as the other.
        var even = WordLexiconBuilder.Build(["rán rón rán rón rón"], [], CancellationToken.None);
        var clear = WordLexiconBuilder.Build(["rán rón rón rón rón"], [], CancellationToken.None);

        Assert.Null(even.Restore("r__n", '_'));
        Assert.Equal("rón", clear.Restore("r__n", '_'));
    }

    [Fact]
    public void The_lexicon_survives_a_round_trip_and_the_embedded_one_knows_the_seed_name()
    {
        var lexicon = WordLexiconBuilder.Build(["Calderón und Größe"], [], CancellationToken.None);
        using var stream = new MemoryStream();
        WordLexiconBuilder.Save(lexicon, stream);
        stream.Position = 0;

        var loaded = WordLexicon.Load(stream);

        Assert.Equal(lexicon.Count, loaded.Count);
        Assert.Equal("Größe", loaded.Restore("Gr__e", '_'));
        Assert.Equal("Calderón", WordLexicon.Default.Restore("Calder__n", '_'));
    }

    [Fact]
    public void Words_the_character_model_restores_by_itself_are_not_kept()
    {
        var all = WordLexiconBuilder.Build(["Calderón"], [], CancellationToken.None);
        var corrections = WordLexiconBuilder.Build(["Calderón"], [], CharacterModel.Default, CancellationToken.None);

        Assert.True(all.Count > 0);
        Assert.False(WordLexiconBuilder.Restores(CharacterModel.Default, "calder\u0001\u0001n", '\u0001', "Calderón"));
        Assert.Equal(all.Count, corrections.Count);
        Assert.True(WordLexiconBuilder.Restores(CharacterModel.Default, "mexico\u0001s", '\u0001', "mexico’s"));
    }
}
