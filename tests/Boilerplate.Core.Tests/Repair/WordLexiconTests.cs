using Boilerplate.Core.Repair;

namespace Boilerplate.Core.Tests.Repair;

public sealed class WordLexiconTests
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
        var lexicon = WordLexicon.Build(["Calderón visited España; Calderón spoke."], ["España"], CancellationToken.None);

        Assert.Equal(expected, lexicon.Restore(damaged, mark));
    }

    [Fact]
    public void A_shape_two_words_share_evenly_is_left_to_the_character_model()
    {
        // "r__n" fits both words; in the first text neither is seen twice as often as the other.
        var even = WordLexicon.Build(["rán rón rán rón rón"], [], CancellationToken.None);
        var clear = WordLexicon.Build(["rán rón rón rón rón"], [], CancellationToken.None);

        Assert.Null(even.Restore("r__n", '_'));
        Assert.Equal("rón", clear.Restore("r__n", '_'));
    }

    [Fact]
    public void The_lexicon_survives_a_round_trip_and_the_embedded_one_knows_the_seed_name()
    {
        var lexicon = WordLexicon.Build(["Calderón und Größe"], [], CancellationToken.None);
        using var stream = new MemoryStream();
        lexicon.Save(stream);
        stream.Position = 0;

        var loaded = WordLexicon.Load(stream);

        Assert.Equal(lexicon.Count, loaded.Count);
        Assert.Equal("Größe", loaded.Restore("Gr__e", '_'));
        Assert.Equal("Calderón", WordLexicon.Default.Restore("Calder__n", '_'));
    }

    [Fact]
    public void Words_the_character_model_restores_by_itself_are_not_kept()
    {
        var all = WordLexicon.Build(["Calderón"], [], CancellationToken.None);
        var corrections = WordLexicon.Build(["Calderón"], [], CharacterModel.Default, CancellationToken.None);

        Assert.True(all.Count > 0);
        Assert.False(CharacterModel.Default.Restores("calder\u0001\u0001n", '\u0001', "Calderón"));
        Assert.Equal(all.Count, corrections.Count);
        Assert.True(CharacterModel.Default.Restores("mexico\u0001s", '\u0001', "mexico’s"));
    }
}
