using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using DataverseRelationship.Cli.Reporting;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>
/// The backtest as one self-contained HTML page in the preview report's style (no script, no network): the
/// latest as-of date's table, all dates together, churn AUC by date, the verdict and how to read it.
/// </summary>
public static class BacktestHtmlRenderer
{
    /// <summary>Writes the page.</summary>
    public static void Render(BacktestReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write($"<title>Relationship backtest – {E(report.DataSet)}</title>\n<style>\n{HtmlReportAssets.Style}\n</style>\n</head>\n<body>\n");
        writer.Write($"<header><h1>Do the scores predict what happened next?</h1>\n<p class=\"meta\">Data set <strong>{E(report.DataSet)}</strong> · policy <strong>{E(report.PolicyVersion)}</strong> ({E(report.PolicySource)}) · horizon {report.Options.HorizonMonths} months · as-of dates {E(string.Join(", ", report.Dates.Select(d => ReportText.Date(d.AsOf))))}</p></header>\n<main>\n");
        WriteResults(report, writer, 2);
        writer.Write("</main>\n</body>\n</html>\n");
    }

    /// <summary>
    /// The preview report's "Does the score predict?" section: the results with headings one level down, or the
    /// reason the backtest was left out.
    /// </summary>
    public static void WriteSection(BacktestSection section, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("<section id=\"backtest\"><h2>Does the score predict?</h2>\n");
        if (section.Report is not { } report)
        {
            writer.Write($"<p class=\"note\" id=\"backtest-omitted\">No backtest: {E(section.OmittedBecause ?? "it was not run.")} The backtest scores every account at past as-of dates and compares the scores with what happened over the {new BacktestOptions().HorizonMonths} months after, so it needs {BacktestCalendar.WarmUpMonths} months of history before the first date and the horizon after it.</p></section>\n");
            return;
        }

        writer.Write($"<p class=\"meta\">The engine's scores at past as-of dates ({E(string.Join(", ", report.Dates.Select(d => ReportText.Date(d.AsOf))))}) from the deals as known then, against what happened over the {report.Options.HorizonMonths} months after, beside naive baselines from the same history; policy {E(report.PolicyVersion)}. The same as <code>dvrel backtest</code> on this data set.</p>\n");
        WriteResults(report, writer, 3);
        writer.Write("</section>\n");
    }

    private static void WriteResults(BacktestReport report, TextWriter writer, int level)
    {
        BacktestDateResult latest = report.Dates[^1];
        string h = "h" + level.ToString(CultureInfo.InvariantCulture);
        writer.Write($"<section id=\"backtest-verdict\"><{h}>Verdict</{h}><p>{E(BacktestRenderer.Verdict(latest))}</p></section>\n");
        Table(writer, h, "backtest-latest", string.Create(CultureInfo.InvariantCulture, $"Latest as-of date {ReportText.Date(latest.AsOf)} (outcomes to {ReportText.Date(latest.HorizonEnd)}): {latest.Accounts} accounts, {BacktestRenderer.Outcomes(latest, report.Options.ChurnBelow)}"), latest.Results);
        if (report.Dates.Count > 1)
        {
            Table(writer, h, "backtest-pooled", $"All {report.Dates.Count} as-of dates together: {report.Dates.Sum(d => d.Accounts)} account observations", report.Pooled);
            writer.Write($"<section id=\"backtest-by-date\"><{h}>Churn AUC by as-of date</{h}><table><tr><th>As of</th><th class=\"num\">Accounts</th><th class=\"num\">Churned</th><th class=\"num\">Churn risk</th><th>Best baseline</th><th class=\"num\">AUC</th><th class=\"num\">Churn risk, bottom quartile</th></tr>\n");
            foreach (BacktestDateResult date in report.Dates)
            {
                PredictorResult churn = date.Results.Single(r => r.Name == Predictor.ChurnRisk.Name);
                PredictorResult best = BacktestRenderer.BestBaseline(date.Results);
                writer.Write($"<tr><td>{E(ReportText.Date(date.AsOf))}</td><td class=\"num\">{date.Accounts}</td><td class=\"num\">{date.Churned}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(churn.ChurnAuc))}</td><td>{E(best.Name)}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(best.ChurnAuc))}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(churn.BottomQuartileAuc))}</td></tr>\n");
            }

            writer.Write("</table></section>\n");
        }

        writer.Write($"<section><{h}>How to read this</{h}><p class=\"note\">{E(BacktestRenderer.Definitions(report.Options.ChurnBelow))}</p></section>\n");
    }

    private static void Table(TextWriter writer, string h, string id, string title, IReadOnlyList<PredictorResult> results)
    {
        writer.Write($"<section id=\"{id}\"><{h}>{E(title)}</{h}><div class=\"scroll\"><table><tr><th>Predictor</th><th class=\"num\">Known</th><th class=\"num\">Unknown</th><th class=\"num\">ρ next won value</th><th class=\"num\">ρ next win rate</th><th class=\"num\">Churn AUC</th><th class=\"num\">Bottom-quartile AUC</th></tr>\n");
        foreach (PredictorResult r in results)
        {
            writer.Write($"<tr data-predictor=\"{E(r.Name)}\"><td>{E(r.IsBaseline ? r.Name + " (baseline)" : r.Name)}</td><td class=\"num\">{r.Known}</td><td class=\"num\">{r.Unknown}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(r.NextWonValue))}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(r.NextWinRate))}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(r.ChurnAuc))}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(r.BottomQuartileAuc))}</td></tr>\n");
        }

        writer.Write("</table></div></section>\n");
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
