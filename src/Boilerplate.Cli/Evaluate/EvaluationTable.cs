using System.Globalization;
using Boilerplate.Core.Model;
using Boilerplate.Training.Evaluation;
using Spectre.Console;

namespace Boilerplate.Cli.Evaluate;

/// <summary>Renders an <see cref="EvaluationSummary"/> for people: one table of every corpus and system, then notes.</summary>
internal static class EvaluationTable
{
    private const int MaxLostShown = 12;

    /// <summary>Writes the summary to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, EvaluationSummary summary)
    {
        var table = new Table()
            .Title($"{summary.Split.ToString().ToLowerInvariant()} split of {Markup.Escape(summary.Dataset)}")
            .AddColumn("corpus")
            .AddColumn("system")
            .AddColumn(new TableColumn("pages").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned())
            .AddColumn(new TableColumn("precision").RightAligned())
            .AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("word F1").RightAligned())
            .AddColumn(new TableColumn("lost").RightAligned())
            .AddColumn(new TableColumn("with kept").RightAligned())
            .AddColumn(new TableColumn("without dropped").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned())
            .AddColumn(new TableColumn("pages/s").RightAligned());
        string? previousCorpus = null;
        foreach (var result in summary.Results)
        {
            if (previousCorpus is not null && previousCorpus != result.Corpus)
            {
                table.AddEmptyRow();
            }

            previousCorpus = result.Corpus;
            var score = result.Score;
            table.AddRow(
                Markup.Escape(result.Corpus),
                Markup.Escape(result.System),
                Number(score.Pages, "0"),
                Number(score.F1, "0.000"),
                Number(score.Precision, "0.000"),
                Number(score.Recall, "0.000"),
                Number(score.Words.F1, "0.000"),
                Number(score.Catastrophic, "0"),
                Snippets(score.Snippets.WithFound, score.Snippets.WithTotal, score.Snippets.WithRecall),
                Snippets(score.Snippets.WithoutTotal - score.Snippets.WithoutPresent, score.Snippets.WithoutTotal, score.Snippets.WithoutRejection),
                Number(result.FailedPages, "0"),
                Number(result.PagesPerSecond, "0.0"));
        }

        console.Write(table);
        WritePageTypes(console, summary);
        console.MarkupLineInterpolated($"Model {summary.ModelVersion}{(summary.AgainstVersion is null ? string.Empty : $" against {summary.AgainstVersion}")}. F1, precision and recall: 4-token shingles averaged over pages; word F1: WCXB's bag-of-words F1 averaged over pages; lost: pages under {ArticleMetrics.CatastrophicF1:0.0} shingle F1; with kept / without dropped: the truth's snippets; pages/s: each system's own time on one thread.");
        foreach (var result in summary.Results.Where(r => r.Failures.Count > 0))
        {
            var shown = string.Join("; ", result.Failures.Take(3).Select(f => $"{f.Id}: {f.Reason}"));
            console.MarkupLineInterpolated($"[yellow]{result.System} failed on {result.FailedPages} {result.Corpus} pages[/] (scored as empty), e.g. {shown}");
        }

        foreach (var result in summary.Results.Where(r => r.Lost.Count > 0))
        {
            var shown = string.Join(", ", result.Lost.Take(MaxLostShown).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Id} ({p.F1:0.00})")));
            var more = result.Lost.Count > MaxLostShown ? $" and {result.Lost.Count - MaxLostShown} more (see --json)" : string.Empty;
            console.MarkupLineInterpolated($"[grey]{result.System} lost {result.Lost.Count} {result.Corpus} pages: {shown}{more}[/]");
        }

        foreach (var skipped in summary.SkippedPeers)
        {
            console.MarkupLineInterpolated($"[yellow]{skipped.Name} skipped:[/] {skipped.Reason}");
        }

        foreach (var labels in summary.Labels)
        {
            WriteLabels(console, labels);
        }

        foreach (var inPage in summary.InPage)
        {
            var report = inPage.Report;
            var recalls = string.Join(", ", report.PerLabel.Where(l => l.Support > 0).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Label} {l.Recall:0.000} ({l.Support})")));
            console.MarkupLineInterpolated(
                $"In-page three-way, {inPage.Form}: macro-F1 {Number(report.MacroF1, "0.000")}, recall {recalls}");
        }

        if (summary.Unseen is { } unseen)
        {
            console.MarkupLineInterpolated(
                $"Lines no seed sample nearly repeats ({unseen.Count} of {unseen.Total}): alone macro-F1 {Number(unseen.Alone.MacroF1, "0.000")}");
            foreach (var inPage in unseen.InPage)
            {
                var legal = inPage.Report.PerLabel.FirstOrDefault(l => l.Label == Labels.Legal);
                console.MarkupLineInterpolated(
                    $"  in pages, {inPage.Form}: macro-F1 {Number(inPage.Report.MacroF1, "0.000")}, legal recall {Number(legal?.Recall ?? 0, "0.000")}");
            }
        }

        if (summary.Gate is { } gate)
        {
            WriteGate(console, gate);
        }
    }

    private static void WritePageTypes(IAnsiConsole console, EvaluationSummary summary)
    {
        var table = PageTypeTable.Build(
            "word F1 (shingle F1) by page type",
            ["corpus", "system"],
            summary.Results.Select(r => ((IReadOnlyList<string>)[r.Corpus, r.System], r.ByPageType)),
            score => string.Create(CultureInfo.InvariantCulture, $"{score.Words.F1:0.000} ({score.F1:0.000})"));
        if (table is not null)
        {
            console.Write(table);
        }
    }

    private static void WriteLabels(IAnsiConsole console, LabelResult labels)
    {
        var report = labels.Report;
        console.MarkupLine(
            $"Labels of the {Markup.Escape(labels.System)} model on {report.Count} held-out hand-labelled paragraphs: macro-F1 {Number(report.MacroF1, "0.000")}, accuracy {Number(report.Accuracy, "0.000")}");
        var table = new Table().AddColumn("truth \\ predicted");
        foreach (var label in report.Labels)
        {
            table.AddColumn(new TableColumn(Markup.Escape(label)).RightAligned());
        }

        table.AddColumn(new TableColumn("precision").RightAligned())
            .AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned());
        for (var row = 0; row < report.Labels.Count; row++)
        {
            var score = report.PerLabel[row];
            var cells = new List<string> { Markup.Escape(report.Labels[row]) };
            cells.AddRange(report.Confusion[row].Select(count => Number(count, "0")));
            cells.AddRange([Number(score.Precision, "0.000"), Number(score.Recall, "0.000"), Number(score.F1, "0.000")]);
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
    }

    private static void WriteGate(IAnsiConsole console, GateVerdict gate)
    {
        foreach (var check in gate.Checks)
        {
            if (check.Pages is not { } pages)
            {
                continue;
            }

            console.MarkupLineInterpolated(
                $"[grey]Against the current model, {check.Corpus} {check.Mode}: {pages.Up} pages up and {pages.Down} down by more than {PageChanges.Moved:0.00}; lost {Listed(pages.NewlyLost)}; rescued {Listed(pages.Rescued)}.[/]");
        }

        foreach (var check in gate.Checks.Where(c => !c.Passed))
        {
            if (!check.WithinTolerance)
            {
                console.MarkupLineInterpolated(
                    $"[red]Gate: {check.Corpus} {check.Mode}: F1 {check.CandidateF1:0.0000} vs current {check.CurrentF1:0.0000} ({check.Delta:+0.0000;-0.0000}), more than the {gate.Tolerance:0.0000} allowed.[/]");
            }

            if (check.Pages is { WithinAllowance: false } pages)
            {
                console.MarkupLineInterpolated(
                    $"[red]Gate: {check.Corpus} {check.Mode}: {pages.NewlyLost.Count} pages lost whole for {pages.Rescued.Count} rescued, more than the {pages.Allowed} allowed ({gate.LostTolerance:0.###} of {pages.Compared} pages).[/]");
            }
        }

        if (gate.Passed)
        {
            var worst = gate.Checks.MinBy(c => c.Delta);
            console.MarkupLineInterpolated(
                $"[green]Gate passed:[/] no corpus, mode or label check loses more than {gate.Tolerance:0.0000} F1 (smallest change {worst?.Delta ?? 0:+0.0000;-0.0000}), nor more pages whole beyond those it rescues than {gate.LostTolerance:0.###} of a corpus's pages.");
        }
        else
        {
            console.MarkupLine("[red]Gate failed:[/] the new model must not replace the current one.");
        }
    }

    private static string Listed(IReadOnlyList<PageChange> pages) =>
        pages.Count == 0
            ? "none"
            : string.Join(", ", pages.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Id} ({p.CurrentF1:0.000} → {p.CandidateF1:0.000})")));

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Snippets(int good, int total, double share) =>
        total == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{share:0.000} ({good}/{total})");
}
