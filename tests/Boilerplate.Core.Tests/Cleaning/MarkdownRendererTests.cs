using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Cleaning;

public class MarkdownRendererTests
{
    [Fact]
    public void Each_kind_renders_as_commonmark()
    {
        Block[] blocks =
        [
            new("Title", BlockKind.Heading) { Level = 1 },
            new("Intro text.", BlockKind.Paragraph),
            new("apple", BlockKind.ListItem) { Level = 1 },
            new("green", BlockKind.ListItem) { Level = 2, Ordered = true },
            new("pear", BlockKind.ListItem) { Level = 1 },
            new("Wise words.", BlockKind.Quote),
            new("More wisdom.", BlockKind.Quote),
            new("Name | Age", BlockKind.TableRow) { Cells = ["Name", "Age"], HeaderRow = true },
            new("Ann | 41", BlockKind.TableRow) { Cells = ["Ann", "41"] },
            new("var x = `a`;\nvar y = 2;", BlockKind.Code) { CodeLanguage = "csharp" },
            new("Sub", BlockKind.Heading) { Level = 3 },
        ];

        Assert.Equal(
            """
            # Title

            Intro text.

            - apple
              1. green
            - pear

            > Wise words.
            >
            > More wisdom.

            | Name | Age |
            | --- | --- |
            | Ann | 41 |

            ```csharp
            var x = `a`;
            var y = 2;
            ```

            ### Sub
            """.ReplaceLineEndings("\n"),
            MarkdownRenderer.Render(blocks));
    }

    [Fact]
    public void Table_without_header_gets_the_separator_after_its_first_row_and_pads_short_rows()
    {
        Block[] blocks = [new("a | b | c", BlockKind.TableRow) { Cells = ["a", "b", "c"] }, new("x|y", BlockKind.TableRow) { Cells = ["x|y"] }];
        Assert.Equal("| a | b | c |\n| --- | --- | --- |\n| x\\|y |  |  |", MarkdownRenderer.Render(blocks));
    }

    [Fact]
    public void Code_containing_a_fence_gets_a_longer_fence()
    {
        Block[] blocks = [new("```\ninner\n```", BlockKind.Code)];
        Assert.Equal("````\n```\ninner\n```\n````", MarkdownRenderer.Render(blocks));
    }

    [Theory]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("1. not a list", "1\\. not a list")]
    [InlineData("- not a bullet", "\\- not a bullet")]
    [InlineData("> not a quote", "\\> not a quote")]
    [InlineData("a *star* and [link] and <b>tag</b>", "a \\*star\\* and \\[link\\] and \\<b>tag\\</b>")]
    [InlineData("snake_case stays, _emphasis_ does not", "snake_case stays, \\_emphasis\\_ does not")]
    [InlineData("2024 was a year - and 3 < 4", "2024 was a year - and 3 < 4")]
    public void Text_is_escaped_minimally(string text, string expected) => Assert.Equal(expected, MarkdownRenderer.Escape(text));

    [Theory]
    [InlineData(5_000)]
    [InlineData(20_000)]
    public void A_long_table_is_rendered_in_a_bounded_number_of_reads_per_row(int rows)
    {
        // Reading every row once per row made a 20,000-row table take seconds; linear rendering reads each a few times.
        var blocks = new CountingBlocks(CountingBlocks.Table(rows));

        var markdown = MarkdownRenderer.Render(blocks);

        var readsPerRow = (double)blocks.Reads / blocks.Count;
        Assert.True(readsPerRow <= 8, $"{blocks.Reads:N0} reads for {blocks.Count:N0} rows ({readsPerRow:0.#} a row).");
        var lines = markdown.Split('\n');
        Assert.Equal(rows + 2, lines.Length);
        Assert.Equal("| Station | Value | Note |", lines[0]);
        Assert.Equal("| --- | --- | --- |", lines[1]);
        Assert.Equal($"| Station {rows - 1} | {(rows - 1) * 7 % 1000} | morning |", lines[^1]);
    }

    [Fact]
    public void Each_table_is_padded_to_its_own_widest_row()
    {
        Block[] blocks =
        [
            new("a | b | c", BlockKind.TableRow) { Cells = ["a", "b", "c"] },
            new("x", BlockKind.TableRow) { Cells = ["x"] },
            new("Between the tables.", BlockKind.Paragraph),
            new("p", BlockKind.TableRow) { Cells = ["p"] },
            new("q | r", BlockKind.TableRow) { Cells = ["q", "r"] },
        ];

        Assert.Equal(
            "| a | b | c |\n| --- | --- | --- |\n| x |  |  |\n\nBetween the tables.\n\n| p |  |\n| --- | --- |\n| q | r |",
            MarkdownRenderer.Render(blocks));
    }

    [Fact]
    public void Rendering_stops_within_a_few_hundred_blocks_of_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        // Read 60,000 falls in the row loop, after the one pass (two reads a row) that finds the table's column count.
        var blocks = new CountingBlocks(CountingBlocks.Table(20_000), cancel, cancelAtRead: 60_000);

        Assert.Throws<OperationCanceledException>(() => MarkdownRenderer.Render(blocks, cancel.Token));

        Assert.True(
            blocks.ReadsAfterCancel <= 4 * MarkdownRenderer.CancellationCheckInterval,
            $"{blocks.ReadsAfterCancel:N0} reads after cancellation.");
    }
}
