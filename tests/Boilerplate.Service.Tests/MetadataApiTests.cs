using Boilerplate.Protos.V1;
using Boilerplate.Testing.Service;

namespace Boilerplate.Service.Tests;

/// <summary>CleanResponse.metadata through a real client against the real service and default model.</summary>
[Collection(DefaultServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class MetadataApiTests(DefaultServiceFixture fixture)
{
    private const string ArticleHtml = """
        <html lang="en-GB"><head><title>Night trains return to the Alps | Rail Weekly</title>
        <link rel="canonical" href="/travel/night-trains">
        <meta property="og:site_name" content="Rail Weekly">
        <meta property="og:image" content="/img/train.jpg">
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "@id": "https://rail.example/#site", "name": "Rail Weekly"},
          {"@type": "Person", "@id": "https://rail.example/#anna", "name": "Anna Berger"},
          {"@type": "NewsArticle", "headline": "Night trains return to the Alps", "author": {"@id": "https://rail.example/#anna"},
           "datePublished": "2025-11-02T08:15:00+01:00", "dateModified": "2025-11-03", "keywords": "rail, travel"}]}
        </script></head><body>
        <article><h1>Night trains return to the Alps</h1>
        <p>After a decade without sleeper services, two operators will run night trains between Vienna, Zurich and Milan from December, with couchettes and private compartments on every departure.</p>
        <p>Fares start below the price of a budget flight once luggage is added, and the operators expect most travellers to book compartments for families or small groups of friends.</p>
        </article></body></html>
        """;

    private readonly ServiceHost _host = fixture.Host;

    [Fact]
    public async Task Html_metadata_comes_back_from_json_ld_opengraph_and_markup()
    {
        var response = await _host.Client.CleanHtmlAsync(ArticleHtml, "https://rail.example/travel/night-trains?ref=home");
        var metadata = response.Metadata;

        Assert.Equal(["Anna Berger"], metadata.Authors);
        Assert.Equal(new DateTime(2025, 11, 2, 7, 15, 0, DateTimeKind.Utc), metadata.PublishedTime.ToDateTime());
        Assert.Equal(new DateTime(2025, 11, 3, 0, 0, 0, DateTimeKind.Utc), metadata.ModifiedTime.ToDateTime());
        Assert.Equal(("en-GB", false), (metadata.Language, metadata.LanguageDetected));
        Assert.Equal("Rail Weekly", metadata.SiteName);
        Assert.Equal("https://rail.example/travel/night-trains", metadata.CanonicalUrl);
        Assert.Equal("https://rail.example/img/train.jpg", metadata.ImageUrl);
        Assert.Equal(["rail", "travel"], metadata.Tags);
        Assert.Equal("Night trains return to the Alps", metadata.Headline);
    }

    [Fact]
    public async Task Text_input_gets_its_language_detected_and_its_byline_read()
    {
        var request = new CleanRequest
        {
            Id = "de",
            Text = """
                Nachtzüge kehren in die Alpen zurück

                Von Anna Berger

                Nach einem Jahrzehnt ohne Schlafwagen fahren ab Dezember wieder zwei Betreiber Nachtzüge zwischen Wien, Zürich und Mailand, mit Liegewagen und privaten Abteilen bei jeder Abfahrt.

                Die Preise liegen unter denen eines Billigflugs, sobald Gepäck hinzukommt, und die Betreiber erwarten, dass die meisten Reisenden Abteile für Familien oder kleine Gruppen von Freunden buchen.
                """,
        };

        var metadata = (await _host.Client.CleanAsync(request)).Metadata;

        Assert.Equal(("de", true), (metadata.Language, metadata.LanguageDetected));
        Assert.Equal(["Anna Berger"], metadata.Authors);
        Assert.Equal("Nachtzüge kehren in die Alpen zurück", metadata.Headline);
    }
}
