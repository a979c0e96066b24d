using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using DataverseRelationship.Cli.Reporting;
using Spectre.Console;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>Writes a <see cref="BacktestReport"/> as console tables or as JSON.</summary>
public static class BacktestRenderer
{
    /// <summary>Changes when a JSON property is renamed or removed.</summary>
    public const int SchemaVersion = 2;

    /// <summary>The outcome definitions, as printed under the tables.</summary>
    public static string Definitions(decimal churnBelow) =>
        "ρ: Spearman rank correlation with the value won (or the win rate) over the horizon after the as-of date. "
        + "Churn AUC: how often an account that churned scored riskier than one that did not (0.5 = chance); churned = " + ChurnOutcome.Describe(churnBelow) + ". "
        + "Bottom-quartile AUC: the same for the size outcome (next won value in the bottom quartile of that date's accounts, or quiet), which small accounts meet by staying small. "
        + "Health, loyalty, engagement and the baselines count as risk when low. Brackets: 95 % bootstrap interval (accounts resampled). "
        + "Unknown: accounts whose score the engine left unknown (insufficient evidence), left out of the metric, not read as 0. "
        + "Baselines come from the same history: the period of the horizon's length before the as-of date; won value change compares it with the period before it, (previous − earlier) ÷ (previous + earlier), unknown when neither won anything.";

    /// <summary>"9 churned (2 went quiet, 7 won under half the previous period); 9 in the bottom quartile (≤ 266,422) or quiet".</summary>
    public static string Outcomes(BacktestDateResult date, decimal churnBelow)
    {
        ArgumentNullException.ThrowIfNull(date);
        return string.Create(CultureInfo.InvariantCulture,
            $"{date.Churned} churned ({date.WentQuiet} went quiet, {date.Churned - date.WentQuiet} won under {churnBelow:0.##} × the previous period); {date.InBottomQuartile} in the bottom quartile (next won value ≤ {ReportText.Money(date.BottomQuartileThreshold)}) or quiet");
    }

    /// <summary>The tables: the latest as-of date, all dates together, and whether churn risk beat every baseline.</summary>
    public static void Render(BacktestReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        console.WriteLine($"Backtest of {report.DataSet} under {report.PolicySource} (policy {report.PolicyVersion})");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"As-of dates: {string.Join(", ", report.Dates.Select(d => ReportText.Date(d.AsOf)))}; horizon {report.Options.HorizonMonths} months; {report.Options.Resamples} bootstrap resamples (seed {report.Options.Seed})."));
        console.WriteLine();
        BacktestDateResult latest = report.Dates[^1];
        Table(console, string.Create(CultureInfo.InvariantCulture,
            $"Latest as-of date {ReportText.Date(latest.AsOf)} (outcomes to {ReportText.Date(latest.HorizonEnd)}): {latest.Accounts} accounts, {Outcomes(latest, report.Options.ChurnBelow)}"), latest.Results);
        if (report.Dates.Count > 1)
        {
            Table(console, $"All {report.Dates.Count} as-of dates together: {report.Dates.Sum(d => d.Accounts)} account observations, {report.Dates.Sum(d => d.Churned)} churned", report.Pooled);
            var perDate = new Table().Border(TableBorder.Simple).Title("Churn AUC by as-of date");
            perDate.AddColumn("As of").AddColumn(new TableColumn("Accounts").RightAligned()).AddColumn(new TableColumn("Churned").RightAligned())
                .AddColumn(new TableColumn("Churn risk").RightAligned()).AddColumn("Best baseline").AddColumn(new TableColumn("AUC").RightAligned())
                .AddColumn(new TableColumn("Churn risk, bottom quartile").RightAligned());
            foreach (BacktestDateResult date in report.Dates)
            {
                PredictorResult churn = date.Results.Single(r => r.Name == Predictor.ChurnRisk.Name);
                PredictorResult best = BestBaseline(date.Results);
                perDate.AddRow(ReportText.Date(date.AsOf), ReportText.Count(date.Accounts), ReportText.Count(date.Churned), Number(churn.ChurnAuc.Value), Markup.Escape(best.Name), Number(best.ChurnAuc.Value), Number(churn.BottomQuartileAuc.Value));
            }

            console.Write(perDate);
        }

        console.WriteLine(Verdict(latest));
        ConsoleText.WriteParagraph(console, "How to read this", Definitions(report.Options.ChurnBelow));
    }

    /// <summary>One sentence: churn risk's AUC at the date against the best baseline's.</summary>
    public static string Verdict(BacktestDateResult date)
    {
        ArgumentNullException.ThrowIfNull(date);
        PredictorResult churn = date.Results.Single(r => r.Name == Predictor.ChurnRisk.Name);
        PredictorResult best = BestBaseline(date.Results);
        if (churn.ChurnAuc.Value is not { } auc)
        {
            return $"At {ReportText.Date(date.AsOf)} churn risk has no AUC ({churn.Known} accounts with a known churn risk, {churn.Unknown} unknown).";
        }

        bool beats = date.Results.Where(r => r.IsBaseline).All(r => r.ChurnAuc.Value is not { } b || auc > b);
        double? bestAuc = best.ChurnAuc.Value;
        string verdict = beats ? "beats every naive baseline"
            : bestAuc == auc ? "ties the best naive baseline, so does NOT beat every one"
            : "does NOT beat every naive baseline";
        // Two AUCs that differ are printed with enough digits to show which is higher (0.797 against 0.805, not
        // 0.80 against 0.80); the tables keep two.
        string format = "0.00";
        while (bestAuc is { } b && b != auc && format.Length < 6 && Format(auc, format) == Format(b, format))
        {
            format += "0";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"At {ReportText.Date(date.AsOf)} churn risk (AUC {Format(auc, format)}) {verdict}; the best baseline is {best.Name.ToLowerInvariant()} (AUC {(bestAuc is { } shown ? Format(shown, format) : "—")}).");
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The baseline with the highest churn AUC.</summary>
    public static PredictorResult BestBaseline(IEnumerable<PredictorResult> results) =>
        results.Where(r => r.IsBaseline).OrderByDescending(r => r.ChurnAuc.Value ?? double.MinValue).First();

    private static void Table(IAnsiConsole console, string title, IReadOnlyList<PredictorResult> results)
    {
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(title));
        table.AddColumn("Predictor").AddColumn(new TableColumn("Known").RightAligned()).AddColumn(new TableColumn("Unknown").RightAligned())
            .AddColumn(new TableColumn("ρ next won value").RightAligned()).AddColumn(new TableColumn("ρ next win rate").RightAligned()).AddColumn(new TableColumn("Churn AUC").RightAligned())
            .AddColumn(new TableColumn("Bottom-quartile AUC").RightAligned());
        foreach (PredictorResult r in results)
        {
            table.AddRow(Markup.Escape(r.IsBaseline ? r.Name + " (baseline)" : r.Name), ReportText.Count(r.Known), ReportText.Count(r.Unknown), Cell(r.NextWonValue), Cell(r.NextWinRate), Cell(r.ChurnAuc), Cell(r.BottomQuartileAuc));
        }

        console.Write(table);
    }

    /// <summary>"0.42 [0.18, 0.63]", "0.42" without an interval, "—" without a value (plain text).</summary>
    public static string WithInterval(Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return estimate.Value is null ? "—"
            : estimate.Low is null ? Number(estimate.Value)
            : $"{Number(estimate.Value)} [{Number(estimate.Low)}, {Number(estimate.High)}]";
    }

    /// <summary><see cref="WithInterval"/> as a console table cell (brackets escaped from Spectre markup).</summary>
    public static string Cell(Estimate estimate) => Markup.Escape(WithInterval(estimate));

    private static string Number(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>The report as indented JSON (camelCase; numbers as numbers, null when unknown; dates ISO 8601).</summary>
    public static string RenderJson(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("dataSet", report.DataSet);
            w.WriteString("policy", report.PolicySource);
            w.WriteString("policyVersion", report.PolicyVersion);
            w.WriteNumber("horizonMonths", report.Options.HorizonMonths);
            w.WriteNumber("resamples", report.Options.Resamples);
            w.WriteNumber("seed", report.Options.Seed);
            w.WriteNumber("churnBelow", report.Options.ChurnBelow);
            w.WriteString("churnOutcome", ChurnOutcome.Describe(report.Options.ChurnBelow));
            w.WriteString("bottomQuartileOutcome", "next won value in the bottom quartile of the as-of date's accounts, or went quiet");
            w.WriteStartArray("asOfDates");
            foreach (BacktestDateResult date in report.Dates)
            {
                w.WriteStartObject();
                w.WriteString("asOf", Iso(date.AsOf));
                w.WriteString("horizonEnd", Iso(date.HorizonEnd));
                w.WriteNumber("accounts", date.Accounts);
                w.WriteNumber("churned", date.Churned);
                w.WriteNumber("wentQuiet", date.WentQuiet);
                w.WriteNumber("inBottomQuartile", date.InBottomQuartile);
                w.WriteNumber("bottomQuartileThreshold", date.BottomQuartileThreshold);
                w.WriteBoolean("churnRiskBeatsEveryBaseline", Beats(date.Results));
                Results(w, date.Results);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("pooled");
            Results(w, report.Pooled);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Whether churn risk has an AUC above every baseline's.</summary>
    public static bool Beats(IReadOnlyList<PredictorResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        double? auc = results.Single(r => r.Name == Predictor.ChurnRisk.Name).ChurnAuc.Value;
        return auc is { } a && results.Where(r => r.IsBaseline).All(r => r.ChurnAuc.Value is not { } b || a > b);
    }

    private static void Results(Utf8JsonWriter w, IReadOnlyList<PredictorResult> results)
    {
        w.WriteStartArray("predictors");
        foreach (PredictorResult r in results)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Name);
            w.WriteBoolean("baseline", r.IsBaseline);
            w.WriteNumber("known", r.Known);
            w.WriteNumber("unknown", r.Unknown);
            Write(w, "spearmanNextWonValue", r.NextWonValue);
            Write(w, "spearmanNextWinRate", r.NextWinRate);
            Write(w, "churnAuc", r.ChurnAuc);
            Write(w, "bottomQuartileAuc", r.BottomQuartileAuc);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter w, string name, Estimate e)
    {
        w.WriteStartObject(name);
        Number(w, "value", e.Value);
        Number(w, "low", e.Low);
        Number(w, "high", e.High);
        w.WriteNumber("count", e.Count);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, 4));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Iso(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
