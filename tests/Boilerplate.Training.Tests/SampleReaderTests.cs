using Boilerplate.Training;

namespace Boilerplate.Training.Tests;

public sealed class SampleReaderTests
{
    [Fact]
    public void Reads_paragraph_and_page_samples_from_json_lines()
    {
        var samples = Read("s.jsonl", """
            {"text": "Accept all cookies", "label": "legal"}

            {"text": "Home", "label": "navigation", "page": "p1", "position": 0, "html": "<li>Home</li>"}
            {"html": "<p>Body text here.</p>", "articleBody": "Body text here."}
            """);

        Assert.Equal(3, samples.Count);
        var first = Assert.IsType<TrainingSample.Paragraph>(samples[0]);
        Assert.Equal(("Accept all cookies", "legal", "s.jsonl:1"), (first.Text, first.Label, first.Source));
        var second = Assert.IsType<TrainingSample.Paragraph>(samples[1]);
        Assert.Equal(("p1", 0, "<li>Home</li>"), (second.PageId, second.Position, second.Html));
        Assert.IsType<TrainingSample.Page>(samples[2]);
    }

    [Fact]
    public void Reads_csv_with_header_and_quoted_fields()
    {
        var samples = Read("s.csv", "text,label\n\"Cookies, consent and you\",legal\n\"Line one\nline two\",body\nMenu,navigation\n");

        Assert.Equal(["legal", "body", "navigation"], samples.Cast<TrainingSample.Paragraph>().Select(s => s.Label));
        Assert.Equal("Cookies, consent and you", ((TrainingSample.Paragraph)samples[0]).Text);
        Assert.Equal("Line one\nline two", ((TrainingSample.Paragraph)samples[1]).Text);
        Assert.Equal("s.csv:5", samples[2].Source);
    }

    [Theory]
    [InlineData("s.jsonl", "{\"text\": \"ok\", \"label\": \"body\"}\n{\"text\": \"x\"", 2, "not valid JSON")]
    [InlineData("s.jsonl", "{\"text\": \"\", \"label\": \"body\"}", 1, "non-empty \"text\"")]
    [InlineData("s.jsonl", "{\"text\": \"a\", \"label\": \"bo dy\"}", 1, "may hold only")]
    [InlineData("s.jsonl", "{\"text\": \"a\", \"label\": \"body\", \"position\": 2}", 1, "needs \"page\"")]
    [InlineData("s.jsonl", "{\"articleBody\": \"a\"}", 1, "exactly one of")]
    [InlineData("s.jsonl", "[1, 2]", 1, "expected a JSON object")]
    [InlineData("s.csv", "text,label\na,b,c\n", 2, "expected 2 columns")]
    [InlineData("s.csv", "\"never closed,body\n", 1, "not closed")]
    [InlineData("s.txt", "a", 0, "unknown sample format")]
    public void Refuses_a_bad_line_with_file_line_and_reason(string name, string content, int line, string reason)
    {
        var error = Assert.Throws<SampleFormatException>(() => Read(name, content));
        Assert.Equal(name, error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{name}:{line}: ", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<TrainingSample> Read(string name, string content) =>
        SampleReader.Read(new StringReader(content), name, Path.GetTempPath());
}
