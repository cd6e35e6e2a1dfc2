using Boilerplate.Training.Evaluation;
using Spectre.Console;

namespace Boilerplate.Cli.Evaluate;

/// <summary>
/// The per-page-type table that <c>evaluate</c> and <c>train cross-validate</c> both print: one row per corpus and
/// system or mode, one column per page type headed by its page count, one cell per score.
/// </summary>
internal static class PageTypeTable
{
    /// <summary>
    /// Builds the table, or null when no row has per-type scores. <paramref name="rows"/> give each row's leading
    /// cells (plain text, escaped here) and its scores; <paramref name="cell"/> writes one score.
    /// </summary>
    public static Table? Build(
        string title,
        IReadOnlyList<string> leadingColumns,
        IEnumerable<(IReadOnlyList<string> Cells, IReadOnlyDictionary<string, ArticleScore> ByPageType)> rows,
        Func<ArticleScore, string> cell)
    {
        var typed = rows.Where(r => r.ByPageType.Count > 0).ToList();
        if (typed.Count == 0)
        {
            return null;
        }

        var types = typed.SelectMany(r => r.ByPageType.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new Table().Title(Markup.Escape(title));
        foreach (var column in leadingColumns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var type in types)
        {
            table.AddColumn(new TableColumn(Markup.Escape($"{type} ({typed[0].ByPageType.GetValueOrDefault(type)?.Pages ?? 0})")).RightAligned());
        }

        foreach (var (cells, byPageType) in typed)
        {
            var row = cells.Select(Markup.Escape).ToList();
            row.AddRange(types.Select(t => byPageType.TryGetValue(t, out var score) ? Markup.Escape(cell(score)) : "-"));
            table.AddRow(row.ToArray());
        }

        return table;
    }
}
