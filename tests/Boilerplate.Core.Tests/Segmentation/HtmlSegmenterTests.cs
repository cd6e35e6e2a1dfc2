using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Segmentation;

public class HtmlSegmenterTests
{
    private static SegmentedPage Segment(string html) =>
        new HtmlSegmenter(SegmentationLimits.Default).Segment(html, "https://example.com/a", CancellationToken.None);

    private static Block Single(SegmentedPage page, string text) => Assert.Single(page.Blocks, b => b.Text == text);

    [Fact]
    public void Block_elements_become_blocks_of_their_kind()
    {
        var page = Segment("""
            <html><body>
              <h2>Section   title</h2>
              <p>First <b>bold</b> paragraph.</p>
              <ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>
              <blockquote><p>Quoted words.</p></blockquote>
              <pre class="language-csharp">var x = 1;
            var y = 2;</pre>
              <dl><dt>Term</dt><dd>Definition</dd></dl>
              <figure><img src="a.png"><figcaption>A caption</figcaption></figure>
            </body></html>
            """);

        Assert.Equal(["Section title", "First bold paragraph.", "one", "two", "nested", "Quoted words.", "var x = 1;\nvar y = 2;", "Term", "Definition", "A caption"],
            page.Blocks.Select(b => b.Text));
        Assert.Equal(new Block("Section title", BlockKind.Heading) { Level = 2 }, Single(page, "Section title") with { Dom = null });
        Assert.Equal(BlockKind.Paragraph, Single(page, "First bold paragraph.").Kind);
        var nested = Single(page, "nested");
        Assert.Equal((BlockKind.ListItem, 2, true), (nested.Kind, nested.Level, nested.Ordered));
        var one = Single(page, "one");
        Assert.Equal((BlockKind.ListItem, 1, false), (one.Kind, one.Level, one.Ordered));
        Assert.Equal(BlockKind.Quote, Single(page, "Quoted words.").Kind);
        var code = page.Blocks.Single(b => b.Kind == BlockKind.Code);
        Assert.Equal("csharp", code.CodeLanguage);
        Assert.Equal(BlockKind.Other, Single(page, "A caption").Kind);
    }

    [Fact]
    public void Data_table_rows_carry_cells_and_header_flag()
    {
        var page = Segment("<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td><a href='/ann'>41</a></td></tr></table>");

        Assert.Equal(2, page.Blocks.Count);
        var header = page.Blocks[0];
        Assert.True(header.HeaderRow);
        Assert.Equal(["Name", "Age"], header.Cells!);
        var row = page.Blocks[1];
        Assert.Equal(BlockKind.TableRow, row.Kind);
        Assert.False(row.HeaderRow);
        Assert.Equal("Ann | 41", row.Text);
        Assert.Equal(1, row.Dom!.LinkCount);
    }

    [Fact]
    public void Layout_table_cells_are_segmented_like_containers()
    {
        var page = Segment("<table><tr><td><p>Story one.</p><p>Story two.</p></td><td>Side text</td></tr></table>");
        Assert.Equal(["Story one.", "Story two.", "Side text"], page.Blocks.Select(b => b.Text));
        Assert.DoesNotContain(page.Blocks, b => b.Kind == BlockKind.TableRow);
    }

    [Fact]
    public void Loose_container_text_is_split_around_nested_blocks_and_double_breaks()
    {
        var page = Segment("<div>Intro text<p>Inner paragraph</p>Tail text<br>same run<br><br>next run</div>");
        Assert.Equal(["Intro text", "Inner paragraph", "Tail text same run", "next run"], page.Blocks.Select(b => b.Text));
        Assert.Equal("div", page.Blocks[0].Dom!.Tag);
        Assert.Equal("p", page.Blocks[1].Dom!.Tag);
    }

    [Fact]
    public void Scripts_styles_controls_comments_and_hidden_elements_are_dropped()
    {
        var page = Segment("""
            <body>
            <script>var secret = 1;</script><style>p{}</style>
            <!-- a comment -->
            <p>Visible</p>
            <p hidden>hidden attr</p>
            <p aria-hidden="true">aria hidden</p>
            <div style="display: none">display none</div>
            <div style="VISIBILITY:hidden">visibility hidden</div>
            <form><input type="hidden" value="token"><button>Send</button><select><option>Opt</option></select></form>
            <template><p>template</p></template>
            <svg><text>svg text</text></svg>
            </body>
            """);
        Assert.Equal(["Visible"], page.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Collapsed_panels_are_read_and_hidden_menus_are_not()
    {
        var page = Segment("""
            <body>
            <div class="faq"><h3>How long does delivery take?</h3>
              <div class="faq__answer" style="display: none"><p>Two to three working days.</p></div></div>
            <div class="tabs"><section role="tabpanel" id="specs" hidden><p>Weight: 1.2 kg</p></section></div>
            <dd class="cmp-accordion__panel" hidden><p>Our team builds the data platform.</p></dd>
            <div class="accordion-content" aria-hidden="true"><p>Returns are free within 30 days.</p></div>
            <div id="undefined_0_content" role="region" style="display:none"><p>Solar panels can offset the bill.</p></div>
            <div hidden="until-found"><p>Installers visit within a week.</p></div>
            <ul class="submenu" style="display:none"><li><a href="/a">Menu entry</a></li></ul>
            <div class="search-overlay" hidden><p>Search the site</p></div>
            </body>
            """);
        Assert.Equal(["How long does delivery take?", "Two to three working days.", "Weight: 1.2 kg", "Our team builds the data platform.", "Returns are free within 30 days.", "Solar panels can offset the bill.", "Installers visit within a week."],
            page.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Panels_a_headings_toggle_controls_are_read_and_a_menu_buttons_are_not()
    {
        var page = Segment("""
            <body>
            <button aria-controls="site-menu" aria-expanded="false">Menu</button>
            <ul id="site-menu" hidden><li><a href="/plans">Plans</a></li></ul>
            <h3><a class="acd-a-head" aria-controls="content-1 content-x" aria-expanded="false">How long will my money last?</a></h3>
            <div class="acd-a-content" aria-hidden="true" id="content-1"><p>That depends on what you spend each year.</p></div>
            <h3><button aria-controls="content-4" aria-expanded="false">When can I retire?</button></h3>
            <section id="content-4" hidden><p>At 67 with a full state pension.</p></section>
            <h3 aria-controls="content-2">What is a good income?</h3>
            <div class="acd-a-content" style="display:none" id="content-2"><p>Most plan for 80 percent of their pay.</p></div>
            </body>
            """);
        Assert.Equal(["How long will my money last?", "That depends on what you spend each year.", "At 67 with a full state pension.", "What is a good income?", "Most plan for 80 percent of their pay."],
            page.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void A_link_hidden_only_from_screen_readers_and_the_tab_order_is_read()
    {
        var page = Segment("""
            <body>
            <article><h2><a href="/a">Beats gain new colours</a></h2>
            <p class="river-desc"><a href="/a" aria-hidden="true" tabindex="-1">Walmart now has the Solo 4 in three new colours.</a></p></article>
            <div class="slide slick-cloned" aria-hidden="true" tabindex="-1"><p>A cloned slide.</p></div>
            <a href="/b" aria-hidden="true"><span>An icon link's label</span></a>
            </body>
            """);
        Assert.Equal(["Beats gain new colours", "Walmart now has the Solo 4 in three new colours."], page.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Modal_dialogs_are_closed_until_a_script_opens_them()
    {
        var policy = string.Join("", Enumerable.Range(1, 3).Select(i => $"<p>Section {i} of the privacy policy, which we may update at any time.</p>"));
        var page = Segment($"""
            <body>
            <main><h1>Wool Runner</h1><p>A soft merino shoe for every day.</p></main>
            <footer><div id="modal-privacy-policy" aria-modal="true" class="modal">{policy}</div>
            <dialog><p>Sign up for our newsletter.</p></dialog>
            <div role="dialog" aria-modal="false"><p>Shipping is free over 75 dollars.</p></div></footer>
            </body>
            """);
        Assert.Equal(["Wool Runner", "A soft merino shoe for every day.", "Shipping is free over 75 dollars."], page.Blocks.Select(b => b.Text));

        // A modal that holds most of the page is the page waiting for a script, as any hidden wrapper is.
        var article = string.Join("", Enumerable.Range(1, 4).Select(i => $"<p>Paragraph {i} of the article, long enough to be most of the page.</p>"));
        Assert.Equal(4, Segment($"<body><div aria-modal=\"true\">{article}</div><p>Contact</p></body>").Blocks.Count(b => b.Text.StartsWith("Paragraph", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_wrapper_that_hides_most_of_the_page_until_a_script_runs_is_read()
    {
        var article = string.Join("", Enumerable.Range(1, 4).Select(i => $"<p>Paragraph {i} of the article, long enough to be most of the page.</p>"));
        var page = Segment($"<body><div style=\"visibility:hidden;min-height:100vh\"><h1>Title</h1>{article}</div><footer><p>Contact</p></footer></body>");
        Assert.Equal(6, page.Blocks.Count);

        // Half the page hidden is a page choosing not to show it.
        var half = Segment($"<body><div style=\"visibility:hidden\">{article}</div><div>{article}</div></body>");
        Assert.Equal(4, half.Blocks.Count);
    }

    [Fact]
    public void A_page_hidden_across_many_elements_until_a_script_runs_is_read_but_its_forms_and_dialogs_are_not()
    {
        var parts = Enumerable.Range(1, 16).Select(i => $"Part {i} of the description: baked in small batches from almonds and flour.").ToList();
        var description = string.Concat(parts.Select(part => $"<p>{part}</p>"));
        var form = string.Join("", Enumerable.Range(1, 40).Select(i => $"<label>Field {i} of the booking form*</label><input name=\"f{i}\">"));
        var page = Segment($"""
            <body><ul><li><a href="/">Home</a></li><li><a href="/shop">Shop</a></li></ul>
            <div class="product-wrapper defer-block" style="display: none"><h1>Almond thins</h1>{description}</div>
            <div style="display:none"><p>Nutrition facts: 120 calories a serving, 3 g of protein.</p></div>
            <div class="gform_wrapper" style="display:none"><form>{form}</form></div>
            <dialog><p>Sign up for our newsletter and save on your first order.</p></dialog>
            </body>
            """);
        Assert.Equal(["Home", "Shop", "Almond thins", .. parts, "Nutrition facts: 120 calories a serving, 3 g of protein."], page.Blocks.Select(b => b.Text));

        // With a third of the page shown, what is hidden stays hidden.
        var shown = string.Concat(parts.Take(6).Select(part => $"<p>Shown: {part}</p>"));
        Assert.Equal(6, Segment($"<body><main>{shown}</main><div style=\"display:none\">{description}</div></body>").Blocks.Count);

        // A hidden menu drawer is no content, however much larger than the story beside it.
        var drawer = string.Concat(Enumerable.Range(1, 120).Select(i => $"<li><a href=\"/section/{i}\">Section number {i} of the site</a></li>"));
        var story = Segment($"<body><div style=\"display:none\"><ul>{drawer}</ul></div><article><h1>Title</h1><p>{parts[0]}</p></article></body>");
        Assert.Equal(["Title", parts[0]], story.Blocks.Select(b => b.Text));

        // A reading past the page's limits keeps what shows.
        var limited = new HtmlSegmenter(SegmentationLimits.Default with { MaxBlocks = 10 })
            .Segment($"<body><h1>Title</h1><div style=\"display:none\">{description}</div><div hidden>{description}</div></body>", null, CancellationToken.None);
        Assert.Equal(["Title"], limited.Blocks.Select(b => b.Text));

        // A short page's hidden message is not its content.
        var message = string.Concat(parts.Take(2).Select(part => $"<p>{part}</p>"));
        Assert.Equal(["Title"], Segment($"<body><h1>Title</h1><div hidden>{message}</div><div hidden>{message}</div></body>").Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Noscript_content_is_read_as_a_scraper_without_scripts_sees_it()
    {
        var page = Segment("""
            <body>
            <noscript><div class="post"><p>The whole thread, as the server rendered it.</p><img src="pixel.gif"></div></noscript>
            <p>Visible</p>
            </body>
            """);
        Assert.Equal(["The whole thread, as the server rendered it.", "Visible"], page.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Noscript_holding_escaped_markup_is_not_text()
    {
        // As a scripting DOM serialises it: the markup is the noscript's text, and nobody reads it as prose.
        var page = Segment("""
            <body>
            <p>Before</p>
            <noscript>&lt;div style="position:absolute;"&gt;&lt;img width=1 height=1 src="https://example.com/b?P=x"&gt;&lt;/div&gt;</noscript>
            <noscript>  &lt;!-- pixel --&gt;</noscript>
            <noscript>Please enable JavaScript &lt;b&gt;now&lt;/b&gt;.</noscript>
            <p>After</p>
            </body>
            """);
        Assert.Equal(["Before", "Please enable JavaScript <b>now</b>.", "After"], page.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void MathML_flows_inside_its_sentence_one_word_per_token_without_its_annotations()
    {
        var page = Segment("""
            <body>
            <p>A circle of radius <math><semantics><mrow><mi>r</mi></mrow><annotation encoding="application/x-tex">r</annotation></semantics></math> has area <math display="block"><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup><annotation-xml encoding="MathML-Content"><ci>hidden</ci></annotation-xml></math>.</p>
            <p>Wikipedia hides its MathML <span style="display: none"><math><mi>x</mi></math></span>behind an image.</p>
            </body>
            """);

        Assert.Equal(["A circle of radius r has area π r 2 .", "Wikipedia hides its MathML behind an image."], page.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Dom_context_describes_the_block_and_its_ancestors()
    {
        var page = Segment("""
            <body><nav id="main-menu" class="site-Nav"><ul><li><a href="/">Home</a></li></ul></nav>
            <article class="post"><p class="lead">Some <a href="/x">linked</a> words</p></article></body>
            """);
        var home = Single(page, "Home");
        Assert.Equal("li", home.Dom!.Tag);
        Assert.Equal("html body nav ul", home.Dom.AncestorTags);
        Assert.Equal("site nav main menu", home.Dom.AttributeTokens);
        Assert.Equal(1f, home.Dom.LinkTextShare);
        Assert.Equal(1, home.Dom.LinkCount);
        Assert.Equal(4, home.Dom.Depth);

        var lead = Single(page, "Some linked words");
        Assert.Equal("lead post", lead.Dom!.AttributeTokens);
        Assert.Equal(6f / 15f, lead.Dom.LinkTextShare, 3);
        Assert.NotEqual(home.Dom.ContainerId, lead.Dom.ContainerId);
    }

    [Fact]
    public void Blocks_in_one_container_share_a_container_id()
    {
        var page = Segment("<article><p>a</p><p>b</p></article><section><p>c</p></section>");
        Assert.Equal(page.Blocks[0].Dom!.ContainerId, page.Blocks[1].Dom!.ContainerId);
        Assert.NotEqual(page.Blocks[1].Dom!.ContainerId, page.Blocks[2].Dom!.ContainerId);
    }

    [Fact]
    public void Text_written_straight_into_sibling_divs_shares_the_divs_container()
    {
        var page = Segment("<div class=chapter><div>First line.</div><div>Second line.</div></div><div>Elsewhere.</div>");
        Assert.Equal(["First line.", "Second line.", "Elsewhere."], page.Blocks.Select(b => b.Text));
        Assert.Equal(page.Blocks[0].Dom!.ContainerId, page.Blocks[1].Dom!.ContainerId);
        Assert.NotEqual(page.Blocks[1].Dom!.ContainerId, page.Blocks[2].Dom!.ContainerId);
    }

    [Theory]
    [InlineData("<head><title> Page  title </title></head><body><h1>Heading</h1></body>", "Page title")]
    [InlineData("<head><title>Page title | Site</title><meta property=\"og:title\" content=\"Clean title\"></head><body></body>", "Clean title")]
    [InlineData("<body><h2>Not this</h2><h1>First <i>h1</i></h1><h1>second</h1></body>", "First h1")]
    [InlineData("<head><title>The Headline | Site</title></head><body><h1>The  headline</h1></body>", "The headline")]
    [InlineData("<body><p>nothing</p></body>", "")]
    public void Title_is_the_h1_inside_the_head_title_else_og_title_else_title_else_h1(string html, string expected) =>
        Assert.Equal(expected, Segment(html).Title);

    [Fact]
    public void Whitespace_is_collapsed_and_empty_blocks_skipped()
    {
        var page = Segment("<p>  a \n\t b&nbsp;&nbsp;c  </p><p>   </p><div>\n</div>");
        Assert.Equal(["a b c"], page.Blocks.Select(b => b.Text));
    }
}
