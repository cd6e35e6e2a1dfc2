using System.Globalization;
using System.IO.Compression;
using System.Text;
using Boilerplate.Core.Repair;

namespace Boilerplate.Training.Repair;

/// <summary>
/// Builds and writes the <see cref="CharacterModel"/> that Core embeds (<c>boilerplate build-repair-model</c>):
/// training-time code, so the service ships only the loading and the guessing.
/// </summary>
public static class CharacterModelBuilder
{
    /// <summary>Counts the units of <paramref name="paragraphs"/>; contexts seen once with a unit are dropped when longer than two characters.</summary>
    public static CharacterModel Build(IEnumerable<string> paragraphs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var i = 0;
            while (i < paragraph.Length)
            {
                if (paragraph[i] < 0x80)
                {
                    i++;
                    continue;
                }

                var end = CharacterModel.NonAsciiRunEnd(paragraph, i);

                if (end - i <= CharacterModel.MaxUnitChars && !char.IsLowSurrogate(paragraph[i]) && !char.IsHighSurrogate(paragraph[end - 1]))
                {
                    var unit = paragraph[i..end];
                    totals[unit] = totals.GetValueOrDefault(unit) + 1;
                    var left = CharacterModel.LeftContext(paragraph, i);
                    var right = CharacterModel.RightContext(paragraph, end, '\0');
                    for (var a = 0; a <= left.Length; a++)
                    {
                        for (var b = 0; b <= right.Length; b++)
                        {
                            var key = string.Concat(left.AsSpan(left.Length - a), CharacterModel.Separator.ToString(), right.AsSpan(0, b));
                            if (!counts.TryGetValue(key, out var units))
                            {
                                counts[key] = units = new Dictionary<string, int>(StringComparer.Ordinal);
                            }

                            units[unit] = units.GetValueOrDefault(unit) + 1;
                        }
                    }
                }

                i = end;
            }
        }

        var table = new Dictionary<string, CharacterModel.Candidate[]>(StringComparer.Ordinal);
        foreach (var (key, units) in counts)
        {
            var kept = units
                .Where(pair => pair.Value > 1 || key.Length <= 3)
                .OrderByDescending(pair => totals[pair.Key]).ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => CharacterModel.Candidate.Of(pair.Key, pair.Value))
                .ToArray();
            if (kept.Length > 0)
            {
                table[key] = kept;
            }
        }

        return new CharacterModel(table);
    }

    /// <summary>Writes <paramref name="model"/> as gzip-compressed lines: context, then unit and count pairs, tab-separated (what <see cref="CharacterModel.Load"/> reads).</summary>
    public static void Save(CharacterModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var (key, candidates) in model.Table.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Write(Escape(key));
            foreach (var candidate in candidates)
            {
                writer.Write('\t');
                writer.Write(Escape(candidate.Unit));
                writer.Write('\t');
                writer.Write(candidate.Count.ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteLine();
        }
    }

    // Units may hold line breaks (U+0085, U+2028 are non-ASCII); escape what a line reader or the format would split on.
    // CharacterModel.Load undoes exactly these.
    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\r", StringComparison.Ordinal);
}
