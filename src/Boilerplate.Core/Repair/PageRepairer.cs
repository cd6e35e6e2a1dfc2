using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Repair;

/// <summary>
/// Repairs a segmented page before it is scored: the model was trained on undamaged text, so features and the
/// duplicate check see <c>Mexico’s</c> rather than <c>Mexico_s</c>. The plan is made from the whole page (title,
/// paragraphs, table cells), so one damaged page is repaired everywhere and an undamaged one is left as it came.
/// </summary>
public static class PageRepairer
{
    /// <summary>The page with its title, paragraphs and cells repaired; each changed block lists its repairs.</summary>
    public static SegmentedPage Repair(SegmentedPage page, RepairMode mode, TextRepairer repairer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(repairer);
        var plan = TextRepairer.Plan(Texts(page), mode, cancellationToken);
        if (plan.IsEmpty)
        {
            return page;
        }

        var budget = TextRepairer.MaxRunsPerPage;
        cancellationToken.ThrowIfCancellationRequested();
        var texts = repairer.RepairPage(page.Blocks.Select(block => block.Text).ToList(), plan, ref budget);
        var blocks = new Block[page.Blocks.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            if (i % 256 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var block = page.Blocks[i];
            var repaired = texts[i];
            var cells = block.Cells;
            if (cells is not null)
            {
                var repairedCells = new string[cells.Count];
                for (var c = 0; c < cells.Count; c++)
                {
                    repairedCells[c] = repairer.Repair(cells[c], plan, ref budget).Text;
                }

                cells = repairedCells;
            }

            blocks[i] = repaired.Repairs.Count == 0 && ReferenceEquals(cells, block.Cells)
                ? block
                : block with { Text = repaired.Text, Cells = cells, Repairs = repaired.Repairs };
        }

        var title = repairer.Repair(page.Title, plan, ref budget).Text;
        return page with { Title = title, Blocks = blocks };
    }

    private static IEnumerable<string> Texts(SegmentedPage page)
    {
        yield return page.Title;
        foreach (var block in page.Blocks)
        {
            yield return block.Text;
        }
    }
}
