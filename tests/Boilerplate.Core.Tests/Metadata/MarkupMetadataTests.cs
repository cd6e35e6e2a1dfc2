using Boilerplate.Core.Metadata;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Metadata;

/// <summary>Metadata read from synthetic pages, one source kind at a time, through the segmenter that parses the page.</summary>
public sealed class MarkupMetadataTests
{
    private const string Body = """
        <article><h1>Night trains return to the Alps</h1>
        <p>After a decade without sleeper services, two operators will run night trains between Vienna, Zurich and Milan from December.</p>
        </article>
        """;

    private static PageMetadata Read(string head, string body = Body, string? url = "https://rail.example/travel/night-trains") =>
        new HtmlSegmenter(SegmentationLimits.Default).Segment($"<html><head>{head}</head><body>{body}</body></html>", url, CancellationToken.None).Markup;

    [Theory]
    [InlineData("Written by", "Anna Berger", "Anna Berger")]
    [InlineData("Geschrieben von", "Anna Berger", "Anna Berger")]
    [InlineData("Est. reading time", "4 minutes", null)]
    [InlineData("Written by", "admin", null)]
    public void A_twitter_card_label_names_the_author(string label, string value, string? expected)
    {
        var metadata = Read($"""
            <meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="3 minutes">
            <meta name="twitter:label1" content="{label}"><meta name="twitter:data1" content="{value}">
            """);

        Assert.Equal(expected is null ? [] : [expected], metadata.Authors);
    }

    [Fact]
    public void A_cxense_author_meta_names_the_author()
    {
        var metadata = Read("""<meta property="cXenseParse:author" content="Anna Berger">""");

        Assert.Equal(["Anna Berger"], metadata.Authors);
    }

    [Fact]
    public void A_meta_author_comes_before_the_twitter_card()
    {
        var metadata = Read("""<meta name="author" content="Marco Rossi"><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Anna Berger">""");

        Assert.Equal(["Marco Rossi"], metadata.Authors);
    }

    [Fact]
    public void A_forum_post_names_its_author_in_an_attribute_and_the_first_post_counts()
    {
        var metadata = Read(string.Empty, """
            <shreddit-post author="EuroStepJam" post-title="Enameled cast iron pan"><p>Is this pan still safe to use after the enamel chipped?</p></shreddit-post>
            <div class="comment" data-username="InsaneSnow45"><p>It is fine as long as the chip is small.</p></div>
            """);

        Assert.Equal(["EuroStepJam"], metadata.Authors);
    }

    [Theory]
    [InlineData("forum", "b.scherer")]
    [InlineData("product", null)]
    public void A_user_name_is_the_author_of_a_page_read_as_a_forum_only(string pageType, string? expected)
    {
        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment("""
            <html><body><div class="post"><a href="./memberlist.php?u=1" class="username">b.scherer</a>
            <p>My router drops the connection every evening at nine. Has anyone seen this with the new firmware?</p></div></body></html>
            """, null, CancellationToken.None);
        var result = new Boilerplate.Core.Cleaning.CleanResult(string.Empty, string.Empty, string.Empty, [], [], "test") { PageType = pageType };

        var metadata = MetadataResolver.Resolve(page, result);

        Assert.Equal(expected is null ? [] : [expected], metadata.Authors);
    }

    [Theory]
    [InlineData("Anna Berger and Marco Rossi, Rail Weekly")]
    [InlineData("Anna Berger, Marco Rossi, Rail Weekly")]
    public void The_sites_name_beside_the_authors_is_their_employer_not_an_author(string author)
    {
        var metadata = Read($"""<meta property="og:site_name" content="Rail Weekly"><meta name="author" content="{author}">""");

        Assert.Equal(["Anna Berger", "Marco Rossi"], metadata.Authors);
    }

    [Fact]
    public void The_sites_name_after_an_author_element_s_name_is_dropped()
    {
        var metadata = Read(
            """<meta property="og:site_name" content="Rail Weekly">""",
            """<div class="byline-section"><a class="authors">Anna Berger</a> <span>Rail Weekly</span></div>""" + Body);

        Assert.Equal(["Anna Berger"], metadata.Authors);
    }

    [Fact]
    public void A_group_or_description_beside_a_person_is_no_co_author()
    {
        var metadata = Read("""
            <script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Night trains return to the Alps",
             "author": [{"@type": "Person", "name": "By Anna Berger"}, {"@type": "Person", "name": "Friends of the Alpine Railways Society on Facebook"}]}
            </script>
            """);

        Assert.Equal(["Anna Berger"], metadata.Authors);
    }

    [Fact]
    public void A_site_name_with_an_ampersand_in_an_author_field_stays_one_name()
    {
        var metadata = Read("""<meta property="og:site_name" content="Rail &amp; Road"><meta name="DC.creator" content="Rail &amp; Road">""");

        Assert.Equal(["Rail & Road"], metadata.Authors);
    }

    [Fact]
    public void A_single_author_named_like_the_site_stays()
    {
        var metadata = Read("""<meta property="og:site_name" content="Rail Weekly"><meta name="author" content="Rail Weekly">""");

        Assert.Equal(["Rail Weekly"], metadata.Authors);
    }

    [Fact]
    public void Json_ld_graph_resolves_author_references_and_takes_the_article_not_the_website()
    {
        var metadata = Read("""
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "@id": "#site", "name": "Rail Weekly", "datePublished": "2001-01-01"},
              {"@type": "Organization", "@id": "#org", "name": "Rail Media Ltd", "logo": {"@type": "ImageObject", "url": "/logo.png"}},
              {"@type": "Person", "@id": "#anna", "name": "Anna Berger"},
              {"@type": ["NewsArticle"], "headline": "Night trains return to the Alps",
               "author": [{"@id": "#anna"}, {"@type": "Person", "name": "Marco Rossi"}, "Li Wei"],
               "publisher": {"@id": "#org"}, "datePublished": "2025-11-02T08:15:00+01:00", "dateModified": "2025-11-03T10:00:00Z",
               "inLanguage": "de_AT", "image": [{"@type": "ImageObject", "url": "/img/a.jpg"}], "keywords": ["rail", "night trains", "rail"],
               "description": "Two operators bring back &amp; expand sleeper services."}]}
            </script>
            """);

        Assert.Equal(["Anna Berger", "Marco Rossi", "Li Wei"], metadata.Authors);
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 8, 15, 0, TimeSpan.FromHours(1)), metadata.PublishedTime);
        Assert.Equal(new DateTimeOffset(2025, 11, 3, 10, 0, 0, TimeSpan.Zero), metadata.ModifiedTime);
        Assert.Equal("de-AT", metadata.Language);
        Assert.Equal("Rail Weekly", metadata.SiteName);
        Assert.Equal("https://rail.example/img/a.jpg", metadata.ImageUrl);
        Assert.Equal(["rail", "night trains"], metadata.Tags);
        Assert.Equal("Two operators bring back & expand sleeper services.", metadata.Description);
        Assert.Equal("Night trains return to the Alps", metadata.Headline);
    }

    [Fact]
    public void Json_ld_in_a_top_level_array_with_a_string_author_and_a_publisher_as_site()
    {
        var metadata = Read("""
            <script type="application/ld+json">[{"@type": "BreadcrumbList", "itemListElement": []},
              {"@type": "BlogPosting", "author": "By Jane Doe", "datePublished": "2024-02-29", "publisher": {"@type": "Organization", "name": "The Blog"}}]</script>
            """);

        Assert.Equal(["Jane Doe"], metadata.Authors);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), metadata.PublishedTime);
        Assert.Equal("The Blog", metadata.SiteName);
    }

    [Fact]
    public void Json_ld_with_raw_line_breaks_inside_a_string_is_still_read()
    {
        // JSON forbids them, CMSs paste them; between tokens they were whitespace all along.
        var metadata = Read("<script type=\"application/ld+json\">{\"@type\": \"DiscussionForumPosting\", \"articleBody\": \"First line.\n\nSecond\tline.\", \"datePublished\": \"2024-02-21 13:00:00\", \"author\": {\"@type\": \"Person\", \"name\": \"Anna Berger\"}}</script>");

        Assert.Equal(["Anna Berger"], metadata.Authors);
        Assert.Equal(new DateTimeOffset(2024, 2, 21, 13, 0, 0, TimeSpan.Zero), metadata.PublishedTime);
    }

    [Fact]
    public void An_organization_as_json_ld_author_gives_way_to_a_person_elsewhere()
    {
        var metadata = Read(
            """<script type="application/ld+json">{"@type": "Article", "author": {"@type": "Organization", "name": "Cleveland Clinic"}}</script>""",
            """<article><h1>Yoga for beginners at home</h1><div class="author-name">Holly Wilgus</div><p>Start with ten minutes a day.</p></article>""");

        Assert.Equal(["Holly Wilgus"], metadata.Authors);
        Assert.Equal(["Cleveland Clinic"], metadata.OrganizationAuthors);
    }

    [Theory]
    // The words after "author" in the class name decide, not the theme's name before it.
    [InlineData("""<div class="wp-block-jobber-post__author">Anna Berger</div>""", "Anna Berger")]
    [InlineData("""<div class="post-author-bio">Anna Berger writes about trains.</div>""", null)]
    [InlineData("""<span class="author-avatar">Anna Berger</span>""", null)]
    // The element may hold the date after the name.
    [InlineData("""<p class="author">Anna Berger<br>4 August 2010</p>""", "Anna Berger")]
    [InlineData("""<div class="resource-author">Anna Berger December 17, 2025</div>""", "Anna Berger")]
    [InlineData("""<div class="author">Anna Berger as told to Tom Berg</div>""", null)]
    public void An_element_classed_as_the_author_names_them(string element, string? expected) =>
        Assert.Equal(expected is null ? [] : [expected], Read("<title>Night trains</title>", $"<article><h1>Night trains return to the Alps</h1>{element}<p>Two operators will run night trains again.</p></article>").Authors);

    [Fact]
    public void OpenGraph_only()
    {
        var metadata = Read("""
            <title>Night trains return to the Alps | Rail Weekly</title>
            <meta property="og:title" content="Night trains return to the Alps">
            <meta property="og:site_name" content="Rail Weekly">
            <meta property="og:locale" content="fr_CA">
            <meta property="og:description" content="Sleeper services are back.">
            <meta property="og:image" content="//cdn.rail.example/a.jpg">
            <meta property="og:url" content="https://rail.example/night-trains">
            <meta property="article:published_time" content="2025-11-02T08:15:00+0100">
            <meta property="article:modified_time" content="2025-11-04">
            <meta property="article:author" content="https://rail.example/authors/anna">
            <meta property="article:author" content="Anna Berger">
            <meta property="article:tag" content="rail">
            <meta property="article:tag" content="travel">
            """);

        Assert.Equal(["Anna Berger"], metadata.Authors);
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 8, 15, 0, TimeSpan.FromHours(1)), metadata.PublishedTime);
        Assert.Equal(new DateTimeOffset(2025, 11, 4, 0, 0, 0, TimeSpan.Zero), metadata.ModifiedTime);
        Assert.Equal("fr-CA", metadata.Language);
        Assert.Equal(("Rail Weekly", "Sleeper services are back."), (metadata.SiteName, metadata.Description));
        Assert.Equal("https://cdn.rail.example/a.jpg", metadata.ImageUrl);
        Assert.Equal("https://rail.example/night-trains", metadata.CanonicalUrl);
        Assert.Equal(["rail", "travel"], metadata.Tags);
        Assert.Equal("Night trains return to the Alps", metadata.Headline);
    }

    [Theory]
    [InlineData("<title>Composition techniques in Landscape | Photo School</title>", "<h1>Composition techniques in landscape photography</h1>", "Composition techniques in landscape photography")]
    [InlineData("<title>Night trains: the Alps again - Rail Weekly</title>", "<h1>Night trains return to the Alps</h1>", "Night trains return to the Alps")]
    [InlineData("<title>Night trains return to the Alps - Rail Weekly</title>", "<h1>Subscribe for our weekly digest</h1>", "Night trains return to the Alps")]
    // A logo in an <h1> agrees with the site's name around every title, never with the story's own words.
    [InlineData("<title>The best new restaurants this month | Harbour City Magazine</title>", "<h1>Harbour City Magazine</h1><h2>The best new restaurants this month</h2>", "The best new restaurants this month")]
    [InlineData("<title>Night trains return to the Alps</title><meta property=\"og:site_name\" content=\"Rail Weekly\">", "<h1>Rail Weekly</h1>", "Night trains return to the Alps")]
    // Quotation marks around the whole headline and soft hyphens inside its words are not part of it.
    [InlineData("<title>\"What is version control?\"</title>", "<p>No heading</p>", "What is version control?")]
    [InlineData("<title>Home Repair Assis&shy;tance Program - City Portal</title>", "<p>No heading</p>", "Home Repair Assistance Program")]
    // Sphinx ends each heading with a permalink mark.
    [InlineData("<title>Advanced usage — Requests 2.32 documentation</title>", "<h1>Advanced usage<a class=\"headerlink\" href=\"#advanced\">¶</a></h1>", "Advanced usage")]
    public void The_first_h1_is_the_headline_when_the_titles_agree_with_most_of_its_words(string head, string body, string expected) =>
        Assert.Equal(expected, Read(head, body).Headline);

    [Theory]
    // A forum's logo heading agrees with the forum's name in every title; the topic is a lesser heading.
    [InlineData("<title>What happened to the ISO in 2024 / Arch Discussion / Arch Linux Forums</title>", "<h1>Arch Linux</h1><h2>#1 2025-11-01</h2><h3>What happened to the ISO in 2024</h3>", "What happened to the ISO in 2024")]
    [InlineData("<title>Tips from a first-time visitor - Japan Forum - Travel Site</title>", "<h1>Tips from a first-time visitor - Japan Forum</h1><h1>Tips from a first-time visitor</h1>", "Tips from a first-time visitor")]
    // The site's name may lead.
    [InlineData("<title>NASA SVS | Impact of Climate Change on Yields</title>", "<h1>NASA SVS</h1><h2>Impact of Climate Change on Yields</h2>", "Impact of Climate Change on Yields")]
    // A heading that repeats a middle part (a section) or a short last part (the site) is not the headline.
    [InlineData("<title>Serverless Functions, FaaS - Lambda Service - Cloud</title>", "<h1>Lambda Service</h1>", "Serverless Functions, FaaS")]
    [InlineData("<title>The best new restaurants this month | Harbour City Magazine</title>", "<h1>Harbour City Magazine</h1>", "The best new restaurants this month")]
    public void A_heading_that_repeats_the_first_or_the_longest_last_part_of_a_title_is_the_headline(string head, string body, string expected) =>
        Assert.Equal(expected, Read(head, body).Headline);

    [Fact]
    public void A_site_prefixed_date_name_counts_but_a_usual_name_wins()
    {
        var prefixed = Read("""<meta name="w-published-date" content="2025-05-27T06:03:43Z"><meta property="shareaholic:article_modified_time" content="2025-06-01">""");
        Assert.Equal(new DateTimeOffset(2025, 5, 27, 6, 3, 43, TimeSpan.Zero), prefixed.PublishedTime);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), prefixed.ModifiedTime);

        // "published-time" here is when the page was rendered; the usual "published-date" after it is the story's.
        var both = Read("""<meta name="published-time" content="2026-03-09T08:45:32Z"><meta name="published-date" content="2021-02-16">""");
        Assert.Equal(new DateTimeOffset(2021, 2, 16, 0, 0, 0, TimeSpan.Zero), both.PublishedTime);

        // However long the prefix, the name's end is what counts.
        var longPrefix = Read("""<meta name="com.example.newsroom.cms.article-metadata.original-published-date" content="2024-02-03">""");
        Assert.Equal(new DateTimeOffset(2024, 2, 3, 0, 0, 0, TimeSpan.Zero), longPrefix.PublishedTime);

        // A bare word after a prefix says nothing about which date it is.
        Assert.Null(Read("""<meta name="event-date" content="2025-07-01"><meta name="x-updated" content="2025-07-02">""").PublishedTime);
    }

    [Fact]
    public void Meta_and_dublin_core_only()
    {
        var metadata = Read("""
            <meta http-equiv="Content-Language" content="nl-nl, en">
            <meta name="author" content="Anna Berger; Marco Rossi">
            <meta name="DC.date.issued" content="2023-06-08">
            <meta name="dcterms.modified" content="Thu, 15 Jun 2023 10:00:00 GMT">
            <meta name="description" content="Sleeper services are back.">
            <meta name="keywords" content="rail, travel,  night trains ">
            <link rel="canonical" href="../night-trains#top">
            """);

        Assert.Equal(["Anna Berger", "Marco Rossi"], metadata.Authors);
        Assert.Equal(new DateTimeOffset(2023, 6, 8, 0, 0, 0, TimeSpan.Zero), metadata.PublishedTime);
        Assert.Equal(new DateTimeOffset(2023, 6, 15, 10, 0, 0, TimeSpan.Zero), metadata.ModifiedTime);
        Assert.Equal("nl-NL", metadata.Language);
        Assert.Equal("Sleeper services are back.", metadata.Description);
        Assert.Equal(["rail", "travel", "night trains"], metadata.Tags);
        Assert.Equal("https://rail.example/night-trains#top", metadata.CanonicalUrl);
    }

    [Fact]
    public void Microdata_time_and_rel_author()
    {
        var metadata = Read("<title>x</title>", """
            <article itemscope itemtype="https://schema.org/Article"><h1>Night trains return to the Alps</h1>
            <span itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/anna"><span itemprop="name">Anna Berger</span></a></span>
            <meta itemprop="datePublished" content="2025-11-02">
            <time datetime="2025-11-05T09:00">5 Nov</time>
            <p>Text of the article that goes on for a while about trains.</p>
            <section class="comments"><a rel="author" href="/bob">Bob Commenter</a></section></article>
            """);

        Assert.Equal(["Anna Berger"], metadata.Authors);
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 0, 0, 0, TimeSpan.Zero), metadata.PublishedTime);
    }

    [Fact]
    public void Html_lang_wins_over_og_locale_and_json_ld_sources_win_over_meta()
    {
        var html = """
            <html lang="PT-br"><head><meta property="og:locale" content="en_US"><meta name="author" content="Meta Author">
            <script type="application/ld+json">{"@type": "Article", "author": {"@type": "Person", "name": "Ld Author"}}</script>
            </head><body><p>Texto.</p></body></html>
            """;
        var metadata = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, CancellationToken.None).Markup;

        Assert.Equal("pt-BR", metadata.Language);
        Assert.Equal(["Ld Author"], metadata.Authors);
    }

    [Fact]
    public void Relative_urls_without_a_request_url_are_dropped_not_guessed()
    {
        var metadata = Read("""<link rel="canonical" href="/a"><meta property="og:image" content="javascript:alert(1)">""", url: null);

        Assert.Equal(string.Empty, metadata.CanonicalUrl);
        Assert.Equal(string.Empty, metadata.ImageUrl);
    }

    [Fact]
    public void Byline_and_dateline_text_when_the_markup_names_nobody()
    {
        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment("""
            <html><body><nav><a href="/">Home</a></nav><article><h1>Night trains return to the Alps</h1>
            <p class="meta">Published August 7, 2023 by Anna Berger and Marco Rossi</p>
            <p>Photo by Someone Else. After a decade without sleeper services, two operators will run night trains again.</p>
            </article></body></html>
            """, null, CancellationToken.None);

        var byline = BylineReader.Read(page.Blocks);

        Assert.Empty(page.Markup.Authors);
        Assert.Equal(["Anna Berger", "Marco Rossi"], byline.Authors);
        Assert.Equal(new DateTimeOffset(2023, 8, 7, 0, 0, 0, TimeSpan.Zero), byline.PublishedTime);
    }

    [Fact]
    public void A_byline_under_a_long_menu_is_read_beside_the_article_start()
    {
        var menu = Enumerable.Range(1, 120).Select(i => new Block($"Category {i}", BlockKind.ListItem));
        var teasers = Enumerable.Range(1, 30).Select(i => new Block($"By Other Writer {i} June {i % 28 + 1}, 2024", BlockKind.Paragraph));
        Block[] article =
        [
            new("Night trains return to the Alps", BlockKind.Heading) { Level = 1 },
            new("By Anna Berger June 13, 2025", BlockKind.Paragraph),
            new("After a decade without sleeper services, two operators will run night trains through the Alps again.", BlockKind.Paragraph),
        ];
        var blocks = menu.Concat(article).Concat(teasers).ToList();

        var fromTop = BylineReader.Read(blocks);
        var nearArticle = BylineReader.Read(blocks, articleStart: 122);

        Assert.Empty(fromTop.Authors);
        Assert.Equal(["Anna Berger"], nearArticle.Authors);
        Assert.Equal(new DateTimeOffset(2025, 6, 13, 0, 0, 0, TimeSpan.Zero), nearArticle.PublishedTime);
    }

    [Theory]
    [InlineData("Anna Berger | Senior Writer | July 2, 2025", "Anna Berger")]
    [InlineData("Dec 26, 2025 • Anna Berger in Rail Travel", "Anna Berger")]
    [InlineData("Dec. 19, 2025 · Anna Berger on behalf of the Rail Desk", "Anna Berger")]
    // Without a separator the capitalised words before a date are a headline's as often as a name.
    [InlineData("Sleeper Services Update 2024-10-04", null)]
    [InlineData("Published March 3, 2025 | 4 min read", null)]
    public void A_name_beside_the_date_in_a_dateline_is_the_author(string dateline, string? expected)
    {
        var byline = BylineReader.Read([new Block("Night trains return to the Alps", BlockKind.Heading) { Level = 1 }, new Block(dateline, BlockKind.Paragraph)]);

        Assert.Equal(expected is null ? [] : [expected], byline.Authors);
    }

    [Fact]
    public void A_byline_signing_off_the_article_is_read_just_after_its_end()
    {
        // A long article: its end lies past the blocks read from the top.
        var paragraphs = Enumerable.Range(1, 100).Select(i => new Block($"Paragraph {i} of the story about night trains in the Alps.", BlockKind.Paragraph));
        var blocks = new[] { new Block("Night trains return to the Alps", BlockKind.Heading) { Level = 1 } }
            .Concat(paragraphs)
            .Append(new Block("Written by Anna Berger", BlockKind.Paragraph))
            .Append(new Block("Comments by Tomas Berg", BlockKind.Paragraph))
            .ToList();

        Assert.Equal(["Anna Berger"], BylineReader.Read(blocks, articleStart: 1, articleEnd: 100).Authors);
        Assert.Empty(BylineReader.Read(blocks, articleStart: 1, articleEnd: 105).Authors);
        Assert.Empty(BylineReader.Read(blocks, articleStart: 1).Authors);
    }

    [Theory]
    [InlineData("This post was written by Anna Berger, Head of Marketing", null, "Anna Berger")]
    [InlineData("Article by", "Anna Berger", "Anna Berger")]
    [InlineData("A review of the line by Tomas Berg", null, null)]
    public void A_byline_signing_off_the_article_may_follow_a_phrase_or_a_label(string first, string? second, string? expected)
    {
        var paragraphs = Enumerable.Range(1, 100).Select(i => new Block($"Paragraph {i} of the story about night trains in the Alps.", BlockKind.Paragraph));
        var ending = second is null ? new[] { new Block(first, BlockKind.Paragraph) } : [new Block(first, BlockKind.Paragraph), new Block(second, BlockKind.Paragraph)];
        var blocks = paragraphs.Concat(ending).ToList();

        Assert.Equal(expected is null ? [] : [expected], BylineReader.Read(blocks, articleStart: 0, articleEnd: 99).Authors);
    }

    [Theory]
    [InlineData("Written by", "Eliz - Product marketer", "Eliz")]
    [InlineData("By", "The Newsroom Team", "The Newsroom Team")]
    [InlineData("By", "CP", null)]
    [InlineData("By", "Subscribe", null)]
    [InlineData("Share", "Eliz", null)]
    public void After_a_byline_label_one_name_or_a_team_is_the_author(string label, string next, string? expected)
    {
        var byline = BylineReader.Read([new Block("Night trains return to the Alps", BlockKind.Heading) { Level = 1 }, new Block(label, BlockKind.Paragraph), new Block(next, BlockKind.Paragraph)]);

        Assert.Equal(expected is null ? [] : [expected], byline.Authors);
    }

    [Theory]
    // Bylines without a "by": each opening word the byline pattern reads must reach it.
    [InlineData("Von Anna Berger")]
    [InlineData("Par Anna Berger")]
    [InlineData("Por Anna Berger")]
    [InlineData("Di Anna Berger")]
    [InlineData("Door Anna Berger")]
    [InlineData("Przez Anna Berger")]
    [InlineData("Av Anna Berger")]
    [InlineData("Af Anna Berger")]
    [InlineData("Autorin: Anna Berger")]
    [InlineData("Authors: Anna Berger")]
    [InlineData("Contributor: Anna Berger")]
    [InlineData("Auteur : Anna Berger")]
    [InlineData("Автор: Anna Berger")]
    public void A_byline_in_another_language_is_read(string text)
    {
        var byline = BylineReader.Read([new Block("Night trains return to the Alps", BlockKind.Heading) { Level = 1 }, new Block(text, BlockKind.Paragraph)]);

        Assert.Equal(["Anna Berger"], byline.Authors);
    }

    [Theory]
    [InlineData("ByAnna Berger", "Anna Berger")]
    [InlineData("By A. J. Berger View In Digital Edition", "A. J. Berger")]
    [InlineData("Bygone Days of Rail", null)]
    public void A_byline_may_run_into_its_name_or_on_past_it(string text, string? expected)
    {
        var byline = BylineReader.Read([new Block("Night trains return to the Alps", BlockKind.Heading) { Level = 1 }, new Block(text, BlockKind.Paragraph)]);

        Assert.Equal(expected is null ? [] : [expected], byline.Authors);
    }

    [Theory]
    [InlineData("17.05.2021", "2021-05-17")]
    [InlineData("2/24/2026", "2026-02-24")]
    [InlineData("Posted on the 15/12/2025 at 19:00", "2025-12-15")]
    [InlineData("04/05/2024", null)]
    [InlineData("Verified client 24.03.2024", null)]
    [InlineData("1/27/2026 - 3/24/2026", null)]
    public void A_date_in_digits_is_a_dateline_alone_or_announced_and_only_when_its_order_is_plain(string text, string? expected)
    {
        var byline = BylineReader.Read([new Block("Night trains return to the Alps", BlockKind.Heading) { Level = 1 }, new Block(text, BlockKind.Paragraph)]);

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), byline.PublishedTime);
    }

    [Theory]
    [InlineData("Joined", "Mar 3, 2017")]
    [InlineData("Joined: Mar 3, 2017", "Messages: 412")]
    [InlineData("Member since", "03.03.2017")]
    public void A_forum_members_join_date_is_no_dateline(string first, string second)
    {
        var byline = BylineReader.Read([new Block("Is the new firmware worth it?", BlockKind.Heading) { Level = 1 }, new Block("kettle_fan", BlockKind.Paragraph), new Block(first, BlockKind.Paragraph), new Block(second, BlockKind.Paragraph), new Block("Dec 18, 2025", BlockKind.Paragraph)]);

        Assert.Equal(new DateTimeOffset(2025, 12, 18, 0, 0, 0, TimeSpan.Zero), byline.PublishedTime);
    }

    [Theory]
    [InlineData("by: Lena Hartmann, Dec 17, 2025", "Lena Hartmann")]
    [InlineData("Written by:Lena Hartmann", "Lena Hartmann")]
    [InlineData("Contributors: Lena Hartmann", "Lena Hartmann")]
    [InlineData("Authors: Lena Hartmann and Tomas Berg", "Lena Hartmann|Tomas Berg")]
    [InlineData("Sort by: Newest Arrivals", "")]
    [InlineData("Shop By Material", "")]
    [InlineData("Filter by Region", "")]
    public void A_byline_may_put_a_colon_after_its_label_and_a_shops_sort_or_filter_is_no_byline(string text, string expected)
    {
        var byline = BylineReader.Read([new Block("Night trains return to the Alps", BlockKind.Heading) { Level = 1 }, new Block(text, BlockKind.Paragraph)]);

        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), byline.Authors);
    }

    [Theory]
    [InlineData("Reviewed by Lena Hartmann, Trial Attorney at Hartmann & Berg, on December 9, 2024.", "Lena Hartmann")]
    [InlineData("By Lena Hartmann, Senior Writer", "Lena Hartmann")]
    [InlineData("By Lena Hartmann, Tomas Berg", "Lena Hartmann|Tomas Berg")]
    public void A_job_title_after_the_name_in_a_byline_is_no_second_author(string text, string expected)
    {
        var byline = BylineReader.Read([new Block("Night trains return to the Alps", BlockKind.Heading) { Level = 1 }, new Block(text, BlockKind.Paragraph)]);

        Assert.Equal(expected.Split('|'), byline.Authors);
    }

    [Theory]
    [InlineData("Lena Hartmann", "Lena Hartmann")]
    [InlineData("Lena's picks", "Lena")]
    public void A_byline_giving_a_first_name_takes_the_full_name_just_above_it(string above, string expected)
    {
        var byline = BylineReader.Read([
            new Block("Night trains return to the Alps", BlockKind.Heading) { Level = 1 },
            new Block(above, BlockKind.Paragraph),
            new Block("Travel Writer", BlockKind.Paragraph),
            new Block("Articles by Lena", BlockKind.Paragraph),
        ]);

        Assert.Equal([expected], byline.Authors);
    }

    [Fact]
    public void A_written_by_label_takes_the_name_from_the_next_block()
    {
        var byline = BylineReader.Read([new Block("Last updated", BlockKind.Paragraph), new Block("Aug 04, 2025", BlockKind.Paragraph), new Block("Written by", BlockKind.Paragraph), new Block("Edzel Tabing", BlockKind.Paragraph)]);

        Assert.Equal(["Edzel Tabing"], byline.Authors);
        Assert.Equal(new DateTimeOffset(2025, 8, 4, 0, 0, 0, TimeSpan.Zero), byline.PublishedTime);
    }

    [Theory]
    [InlineData("By Jane Doe", "Jane Doe")]
    [InlineData("Text by Jane Doe", "Jane Doe")]
    [InlineData("Author: Jane Doe", "Jane Doe")]
    [InlineData("Doe, Jane", "Jane Doe")]
    [InlineData("Jane Doe | More about Jane", "Jane Doe")]
    [InlineData("Jane Doe - Editorial Team", "Jane Doe")]
    [InlineData("https://example.test/authors/jane", "")]
    [InlineData("@janedoe", "")]
    [InlineData("jane@example.test", "")]
    [InlineData("Category", "")]
    [InlineData("Accessory Type", "")]
    [InlineData("Sign In", "")]
    [InlineData("Name *", "")]
    [InlineData("View more posts", "")]
    [InlineData("Brand", "")]
    [InlineData("Russell Brand", "Russell Brand")]
    [InlineData("Jane Doe Senior Autos Reporter", "Jane Doe")]
    [InlineData("Jane Doe Writer", "Jane Doe")]
    [InlineData("Jean Dupont, rédacteur", "Jean Dupont")]
    [InlineData("Community Editor", "Community Editor")]
    [InlineData("Example Staff Writer", "Example Staff Writer")]
    [InlineData("Doe Senior Reporter", "Doe Senior Reporter")]
    [InlineData("page.head.extra.author", "")]
    [InlineData("{{ post.author }}", "")]
    [InlineData("%author%", "")]
    [InlineData("sara.r.peter", "sara.r.peter")]
    [InlineData(", Rail Weekly", "")]
    public void Author_names_are_cleaned_of_what_pages_put_around_them(string value, string expected) =>
        Assert.Equal(expected, MetadataText.Name(value));
}
