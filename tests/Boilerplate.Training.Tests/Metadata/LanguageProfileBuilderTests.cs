using Boilerplate.Core.Metadata;
using Boilerplate.Training.Metadata;

namespace Boilerplate.Training.Tests.Metadata;

/// <summary>Profiles built from small texts: a detector over them tells their languages apart, and they survive their file.</summary>
public sealed class LanguageProfileBuilderTests
{
    [Fact]
    public void Profiles_built_from_text_tell_those_languages_apart()
    {
        var profiles = LanguageProfileBuilder.Build([("aa", "the cat and the dog and the bird"), ("bb", "der hund und die katze und der vogel")]);
        var detector = new LanguageDetector(profiles);

        Assert.Equal("aa", detector.Detect("the bird and the cat sat on the mat and the dog"));
        Assert.Equal("bb", detector.Detect("die katze und der hund und die vogel im garten"));
    }

    [Fact]
    public void Profiles_survive_a_write_and_read()
    {
        var profiles = LanguageProfileBuilder.Build([("aa", "the cat and the dog")]);
        using var writer = new StringWriter();
        LanguageProfileBuilder.Write(writer, profiles, keep: 1000);

        var read = NGramProfile.Read(new StringReader(writer.ToString()));

        Assert.Equal(profiles["aa"].Total, read["aa"].Total);
        Assert.Equal(profiles["aa"].Counts[" th"], read["aa"].Counts[" th"]);
    }
}
