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
}
