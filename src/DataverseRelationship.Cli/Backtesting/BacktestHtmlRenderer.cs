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
        BacktestDateResult latest = report.Dates[^1];
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write($"<title>Relationship backtest – {E(report.DataSet)}</title>\n<style>\n{HtmlReportAssets.Style}\n</style>\n</head>\n<body>\n");
        writer.Write($"<header><h1>Do the scores predict what happened next?</h1>\n<p class=\"meta\">Data set <strong>{E(report.DataSet)}</strong> · policy <strong>{E(report.PolicyVersion)}</strong> ({E(report.PolicySource)}) · horizon {report.Options.HorizonMonths} months · as-of dates {E(string.Join(", ", report.Dates.Select(d => ReportText.Date(d.AsOf))))}</p></header>\n<main>\n");
        writer.Write($"<section id=\"backtest-verdict\"><h2>Verdict</h2><p>{E(BacktestRenderer.Verdict(latest))}</p></section>\n");
        Table(writer, "backtest-latest", string.Create(CultureInfo.InvariantCulture, $"Latest as-of date {ReportText.Date(latest.AsOf)} (outcomes to {ReportText.Date(latest.HorizonEnd)}): {latest.Accounts} accounts, {latest.Churned} churned"), latest.Results);
        if (report.Dates.Count > 1)
        {
            Table(writer, "backtest-pooled", $"All {report.Dates.Count} as-of dates together: {report.Dates.Sum(d => d.Accounts)} account observations", report.Pooled);
            writer.Write("<section id=\"backtest-by-date\"><h2>Churn AUC by as-of date</h2><table><tr><th>As of</th><th class=\"num\">Accounts</th><th class=\"num\">Churned</th><th class=\"num\">Churn risk</th><th>Best baseline</th><th class=\"num\">AUC</th></tr>\n");
            foreach (BacktestDateResult date in report.Dates)
            {
                PredictorResult churn = date.Results.Single(r => r.Name == Predictor.ChurnRisk.Name);
                PredictorResult best = BacktestRenderer.BestBaseline(date.Results);
                writer.Write($"<tr><td>{E(ReportText.Date(date.AsOf))}</td><td class=\"num\">{date.Accounts}</td><td class=\"num\">{date.Churned}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(churn.ChurnAuc))}</td><td>{E(best.Name)}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(best.ChurnAuc))}</td></tr>\n");
            }

            writer.Write("</table></section>\n");
        }

        writer.Write($"<section><h2>How to read this</h2><p class=\"note\">{E(BacktestRenderer.Definitions)}</p></section>\n</main>\n</body>\n</html>\n");
    }

    private static void Table(TextWriter writer, string id, string title, IReadOnlyList<PredictorResult> results)
    {
        writer.Write($"<section id=\"{id}\"><h2>{E(title)}</h2><div class=\"scroll\"><table><tr><th>Predictor</th><th class=\"num\">Known</th><th class=\"num\">Unknown</th><th class=\"num\">ρ next won value</th><th class=\"num\">ρ next win rate</th><th class=\"num\">Churn AUC</th></tr>\n");
        foreach (PredictorResult r in results)
        {
            writer.Write($"<tr data-predictor=\"{E(r.Name)}\"><td>{E(r.IsBaseline ? r.Name + " (baseline)" : r.Name)}</td><td class=\"num\">{r.Known}</td><td class=\"num\">{r.Unknown}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(r.NextWonValue))}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(r.NextWinRate))}</td><td class=\"num\">{E(BacktestRenderer.WithInterval(r.ChurnAuc))}</td></tr>\n");
        }

        writer.Write("</table></div></section>\n");
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
