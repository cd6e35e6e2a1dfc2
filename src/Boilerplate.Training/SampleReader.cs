using System.Text;
using System.Text.Json;

namespace Boilerplate.Training;

/// <summary>
/// Reads user training samples. JSON lines (<c>.jsonl</c>, <c>.json</c>), one object a line, either paragraph-level
/// <c>{"text","label"}</c> with optional <c>"html"</c> (the block's markup), <c>"page"</c> (page id) and
/// <c>"position"</c> (order within the page), or page-level <c>{"html" | "html_file", "articleBody"}</c>
/// (<c>html_file</c> relative to the samples file) with optional <c>"blocks": [{"text","label"}]</c> naming the label of
/// blocks of the page other than its article (a promotion, a comment). Or CSV (<c>.csv</c>) with columns <c>text,label</c> and an optional
/// header. A line that cannot be used is refused with <see cref="SampleFormatException"/>: file, line and reason.
/// </summary>
public static class SampleReader
{
    /// <summary>Reads every sample of the file at <paramref name="path"/>.</summary>
    /// <exception cref="SampleFormatException">A line is malformed.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IReadOnlyList<TrainingSample> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Sample file '{Path.GetFullPath(path)}' does not exist.", path);
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Reads samples from <paramref name="reader"/>; <paramref name="name"/> decides the format by its extension and names the source in errors.</summary>
    public static IReadOnlyList<TrainingSample> Read(TextReader reader, string name, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(reader, name),
            ".jsonl" or ".json" or ".ndjson" => ReadJsonLines(reader, name, baseDirectory),
            var other => throw new SampleFormatException(name, 0, $"unknown sample format '{other}': use .jsonl (JSON lines) or .csv (text,label)."),
        };
    }

    private static List<TrainingSample> ReadJsonLines(TextReader reader, string name, string baseDirectory)
    {
        var samples = new List<TrainingSample>();
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new SampleFormatException(name, number, $"not valid JSON ({e.Message}).", e);
            }

            using (document)
            {
                samples.Add(ParseObject(document.RootElement, name, number, baseDirectory));
            }
        }

        return samples;
    }

    private static TrainingSample ParseObject(JsonElement root, string name, int number, string baseDirectory)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SampleFormatException(name, number, "expected a JSON object.");
        }

        var source = $"{name}:{number}";
        var articleBody = OptionalString(root, "articleBody", name, number);
        if (articleBody is not null)
        {
            var html = OptionalString(root, "html", name, number);
            var htmlFile = OptionalString(root, "html_file", name, number);
            if ((html is null) == (htmlFile is null))
            {
                throw new SampleFormatException(name, number, "a page sample needs exactly one of \"html\" and \"html_file\" next to \"articleBody\".");
            }

            if (htmlFile is not null)
            {
                var full = Path.GetFullPath(Path.Combine(baseDirectory, htmlFile));
                if (!File.Exists(full))
                {
                    throw new SampleFormatException(name, number, $"html_file '{full}' does not exist.");
                }

                html = File.ReadAllText(full);
            }

            return new TrainingSample.Page(html!, articleBody, source) { Blocks = PageBlocks(root, name, number) };
        }

        var text = OptionalString(root, "text", name, number);
        var label = OptionalString(root, "label", name, number);
        if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(label))
        {
            throw new SampleFormatException(name, number, "a paragraph sample needs a non-empty \"text\" and \"label\" (or give \"articleBody\" with \"html\" for a page sample).");
        }

        int? position = null;
        if (root.TryGetProperty("position", out var positionElement) && positionElement.ValueKind != JsonValueKind.Null)
        {
            if (positionElement.ValueKind != JsonValueKind.Number || !positionElement.TryGetInt32(out var value) || value < 0)
            {
                throw new SampleFormatException(name, number, "\"position\" must be a whole number of at least 0.");
            }

            position = value;
        }

        var page = OptionalString(root, "page", name, number);
        if (position is not null && page is null)
        {
            throw new SampleFormatException(name, number, "\"position\" needs \"page\": the position is within a page.");
        }

        return new TrainingSample.Paragraph(text, CheckLabel(label.Trim(), name, number), OptionalString(root, "html", name, number), page, position, source);
    }

    private static IReadOnlyList<TrainingSample.LabelledBlock> PageBlocks(JsonElement root, string name, int number)
    {
        if (!root.TryGetProperty("blocks", out var blocks) || blocks.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (blocks.ValueKind != JsonValueKind.Array)
        {
            throw new SampleFormatException(name, number, "\"blocks\" must be an array of {\"text\", \"label\"} objects.");
        }

        var result = new List<TrainingSample.LabelledBlock>();
        foreach (var block in blocks.EnumerateArray())
        {
            var text = block.ValueKind == JsonValueKind.Object ? OptionalString(block, "text", name, number) : null;
            var label = block.ValueKind == JsonValueKind.Object ? OptionalString(block, "label", name, number) : null;
            if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(label))
            {
                throw new SampleFormatException(name, number, "each of \"blocks\" needs a non-empty \"text\" (the block's text, as on the page) and \"label\".");
            }

            result.Add(new TrainingSample.LabelledBlock(text.Trim(), CheckLabel(label.Trim(), name, number)));
        }

        return result;
    }

    private static string? OptionalString(JsonElement root, string property, string name, int number)
    {
        if (!root.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : throw new SampleFormatException(name, number, $"\"{property}\" must be a string.");
    }

    private static string CheckLabel(string label, string name, int number)
    {
        foreach (var c in label)
        {
            if (!char.IsLetterOrDigit(c) && c is not '-' and not '_')
            {
                throw new SampleFormatException(name, number, $"label '{label}' may hold only letters, digits, '-' and '_'.");
            }
        }

        return label;
    }

    private static List<TrainingSample> ReadCsv(TextReader reader, string name)
    {
        var samples = new List<TrainingSample>();
        var number = 0;
        var first = true;
        while (ReadCsvRecord(reader, ref number, name) is { } fields)
        {
            var line = number;
            if (first && fields.Count == 2 && fields[0].Trim().Equals("text", StringComparison.OrdinalIgnoreCase)
                && fields[1].Trim().Equals("label", StringComparison.OrdinalIgnoreCase))
            {
                first = false;
                continue;
            }

            first = false;
            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            if (fields.Count != 2)
            {
                throw new SampleFormatException(name, line, $"expected 2 columns (text,label), found {fields.Count}; quote text that holds commas.");
            }

            if (string.IsNullOrWhiteSpace(fields[0]) || string.IsNullOrWhiteSpace(fields[1]))
            {
                throw new SampleFormatException(name, line, "text and label must not be empty.");
            }

            samples.Add(new TrainingSample.Paragraph(fields[0], CheckLabel(fields[1].Trim(), name, line), null, null, null, $"{name}:{line}"));
        }

        return samples;
    }

    /// <summary>One RFC 4180 record (quoted fields may span lines); null at the end of input.</summary>
    private static List<string>? ReadCsvRecord(TextReader reader, ref int number, string name)
    {
        var line = reader.ReadLine();
        if (line is null)
        {
            return null;
        }

        number++;
        var start = number;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (true)
        {
            if (i == line.Length)
            {
                if (!quoted)
                {
                    break;
                }

                line = reader.ReadLine() ?? throw new SampleFormatException(name, start, "a quoted field is not closed.");
                number++;
                field.Append('\n');
                i = 0;
                continue;
            }

            var c = line[i++];
            if (quoted)
            {
                if (c == '"' && i < line.Length && line[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
