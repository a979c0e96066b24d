using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>What the HTML report shows.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>Accounts listed in the full accounts table (the rest are counted).</summary>
    public int MaxAccountRows { get; init; } = 1000;

    /// <summary>Accounts whose tier timeline is drawn (those with the most changes first).</summary>
    public int MaxTimelines { get; init; } = 60;

    /// <summary>Accounts listed as at risk.</summary>
    public int MaxAtRiskRows { get; init; } = 100;

    /// <summary>Accounts whose health history is drawn (at risk first, then the largest fall in health).</summary>
    public int MaxHistories { get; init; } = 24;

    /// <summary>The "Does the score predict?" section (the backtest on the same data set, or why it was left out); null: no section.</summary>
    public Backtesting.BacktestSection? Backtest { get; init; }
}

/// <summary>
/// Renders a <see cref="RunReport"/> as one self-contained HTML page: inline CSS, inline SVG charts drawn by an
/// inline script (tier distribution, deal verdicts, customer games, score histograms, tier timelines, health over
/// time), and tables.
/// Nothing is fetched from the network. Every value is HTML-encoded; chart data travels as escaped JSON and is
/// written with textContent only. The script reports how many charts it drew and how many errors it met in
/// <c>#report-status</c> (<c>data-status</c>, <c>data-charts</c>, <c>data-errors</c>).
/// </summary>
public static class HtmlReportRenderer
{
    private static readonly string[] TierColors = ["#9aa5b1", "#2f80ed", "#27ae60"];
    private static readonly string[] ScoreColors = ["#102a43", "#2f80ed", "#9b51e0", "#f2994a", "#27ae60", "#eb5757"];

    public static string Render(RunReport report, HtmlReportOptions? options = null)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Render(report, writer, options);
        return writer.ToString();
    }

    public static void Render(RunReport report, TextWriter writer, HtmlReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= new HtmlReportOptions();
        AccountResult[] timelines = TimelineAccounts(report, options.MaxTimelines);
        AccountResult[] histories = ScoreHistoryHtml.Accounts(report, options.MaxHistories);
        IReadOnlyList<AccountResult> atRisk = report.AccountsAtRisk();
        RunStatistics s = report.Statistics;

        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write($"<title>Relationship preview – {E(report.DataSet)}</title>\n<style>\n{HtmlReportAssets.Style}\n</style>\n</head>\n<body>\n");
        writer.Write("<header><h1>Relationship preview</h1>\n");
        writer.Write($"<p class=\"meta\">Data set <strong>{E(report.DataSet)}</strong> · policy <strong>{E(report.PolicyVersion)}</strong> · {E(report.CurrencyText())} · replayed {E(ReportText.Date(report.ReplayedFrom))} to {E(ReportText.Date(report.ReplayedUntil))} · generated {E(ReportText.DateTimeUtc(report.GeneratedAt))}</p></header>\n<main>\n");
        writer.Write("<p id=\"report-status\" data-status=\"loading\" data-charts=\"0\" data-errors=\"0\">Charts need JavaScript; every number is also in the tables.</p>\n");

        writer.Write("<section class=\"kpis\">\n");
        Kpi(writer, "Accounts", s.Accounts, false, "kpi-accounts");
        Kpi(writer, "Opportunities", s.Opportunities, false, "kpi-opportunities");
        Kpi(writer, "Won", s.Won, false, "kpi-won");
        Kpi(writer, "Lost", s.Lost, false, "kpi-lost");
        Kpi(writer, "At risk", atRisk.Count, atRisk.Count > 0, "kpi-at-risk");
        Kpi(writer, "Tier changes", report.TierChangeCount, false, "kpi-tier-changes");
        Kpi(writer, "Events replayed", s.EventsReplayed, false, "kpi-events");
        Kpi(writer, "Events rejected", s.EventsRejected, s.EventsRejected > 0, "kpi-rejected");
        writer.Write("</section>\n");

        writer.Write("<div class=\"row\">\n<section><h2>Accounts per tier</h2><div class=\"chart bars\" id=\"chart-tiers\"></div>\n<table id=\"tier-table\"><tr><th>Tier</th><th class=\"num\">Accounts</th></tr>\n");
        foreach (KeyValuePair<RelationshipTierChoice, int> tier in report.TierDistribution())
        {
            writer.Write($"<tr><td>{TierBadge(tier.Key)}</td><td class=\"num\" data-tier=\"{E(ReportText.Key(tier.Key))}\">{tier.Value}</td></tr>\n");
        }

        writer.Write("</table></section>\n");
        writer.Write("<section><h2>Accounts per health band</h2>\n<table id=\"band-table\"><tr><th>Band</th><th class=\"num\">Accounts</th></tr>\n");
        foreach (KeyValuePair<HealthBandChoice?, int> band in report.BandDistribution())
        {
            string label = band.Key is { } known ? ReportText.Band(known) : "Not scored";
            string key = band.Key is { } b ? ReportText.Key(b) : "notScored";
            writer.Write($"<tr><td class=\"{BandClass(band.Key)}\">{E(label)}</td><td class=\"num\" data-band=\"{E(key)}\">{band.Value}</td></tr>\n");
        }

        writer.Write("</table></section>\n");
        DealVerdictCounts d = report.Deals;
        writer.Write("</div>\n<div class=\"row\">\n<section><h2>Deals against the tier rule</h2><div class=\"chart bars\" id=\"chart-verdicts\"></div>\n<table id=\"verdict-table\"><tr><th>Verdict</th><th class=\"num\">Deals</th></tr>\n");
        foreach ((string label, long count) in Verdicts(d))
        {
            writer.Write($"<tr><td>{E(label)}</td><td class=\"num\">{E(ReportText.Count(count))}</td></tr>\n");
        }

        writer.Write($"<tr><th>Total</th><th class=\"num\">{E(ReportText.Count(d.Total))}</th></tr></table></section>\n");
        writer.Write("<section><h2>Customer games</h2><div class=\"chart bars\" id=\"chart-games\"></div></section>\n</div>\n");

        writer.Write("<section><h2>Score distributions</h2><div class=\"grid\">\n");
        IReadOnlyList<ScoreHistogram> histograms = ScoreHistogram.For(report);
        for (int i = 0; i < histograms.Count; i++)
        {
            writer.Write($"<figure><figcaption>{E(histograms[i].Score)} <span class=\"note\">({E(histograms[i].Caption)})</span></figcaption><div class=\"chart\" id=\"hist-{i}\"></div></figure>\n");
        }

        writer.Write("</div></section>\n");

        WriteAtRisk(writer, atRisk, report.Currency, options.MaxAtRiskRows);

        writer.Write($"<section><h2>Tier timelines</h2>");
        if (timelines.Length == 0)
        {
            writer.Write("<p class=\"note\">No account changed tier.</p>");
        }
        else
        {
            int withChanges = report.Accounts.Count(a => a.Timeline.Count > 0);
            writer.Write($"<p class=\"note\">{timelines.Length} of {withChanges} accounts that changed tier, most changes first. Hover a dot for the reason.</p>\n<div class=\"timelines\">\n");
            for (int i = 0; i < timelines.Length; i++)
            {
                writer.Write($"<figure><figcaption>{E(timelines[i].Name)}</figcaption><div class=\"chart timeline\" id=\"timeline-{i}\"></div>\n<ol class=\"note\">");
                foreach (TierChange c in timelines[i].Timeline)
                {
                    writer.Write($"<li>{E(ReportText.Date(c.When))}: {E(ReportText.Tier(c.From))} → {E(ReportText.Tier(c.To))} ({E(ReportText.Label<TierChangeKindChoice>(c.Kind))}) {E(c.Reason)}</li>");
                }

                writer.Write("</ol></figure>\n");
            }

            writer.Write("</div>");
        }

        writer.Write("</section>\n");
        ScoreHistoryHtml.Write(writer, report, histories);
        if (options.Backtest is { } backtest)
        {
            Backtesting.BacktestHtmlRenderer.WriteSection(backtest, writer);
        }

        FlowActivityHtml.Write(writer, report.Flows);
        WriteAccounts(writer, report, options.MaxAccountRows);
        WriteRejections(writer, report);
        writer.Write("</main>\n<script type=\"application/json\" id=\"report-data\">");
        writer.Write(ChartData(report, histograms, timelines, histories));
        writer.Write("</script>\n<script>\n");
        writer.Write(HtmlReportAssets.Script);
        writer.Write("\n</script>\n</body>\n</html>\n");
    }

    private static void WriteAtRisk(TextWriter writer, IReadOnlyList<AccountResult> atRisk, DataSets.DataSetCurrency? currency, int max)
    {
        writer.Write($"<section id=\"at-risk\"><h2>Accounts at risk ({atRisk.Count})</h2>\n");
        if (atRisk.Count == 0)
        {
            writer.Write("<p class=\"note\">No account is at risk: no churn risk reaches the policy threshold (an unknown churn risk is not counted as a risk).</p></section>\n");
            return;
        }

        writer.Write("<table><tr><th>Account</th><th>Tier</th><th class=\"num\">Health</th><th>Trend</th><th class=\"num\">Churn risk</th><th class=\"num\">Lifetime value</th><th>Why</th></tr>\n");
        foreach (AccountResult a in atRisk.Take(max))
        {
            writer.Write($"<tr class=\"at-risk\"><td>{E(a.Name)}</td><td>{TierBadge(a.Tier)}</td><td class=\"num {BandClass(a.HealthBand)}\">{E(ReportText.Score(a.HealthScore))}</td><td>{E(ReportText.Label(a.HealthTrend))}</td><td class=\"num\">{E(ReportText.Score(a.ChurnRisk))}</td><td class=\"num\">{E(ReportText.Money(a.LifetimeValue, currency))}</td><td>{E(a.Explanation)}</td></tr>\n");
        }

        writer.Write("</table>");
        if (atRisk.Count > max)
        {
            writer.Write($"<p class=\"note\">{atRisk.Count - max} more not shown.</p>");
        }

        writer.Write("</section>\n");
    }

    private static void WriteAccounts(TextWriter writer, RunReport report, int max)
    {
        AccountResult[] shown = report.Accounts.OrderByDescending(a => a.Tier).ThenByDescending(a => a.HealthScore ?? 0m).ThenBy(a => a.Name, StringComparer.Ordinal).Take(max).ToArray();
        writer.Write($"<section id=\"accounts-section\"><h2>All accounts ({report.Accounts.Count})</h2>\n");
        writer.Write($"<p class=\"controls\"><input type=\"search\" id=\"account-filter\" placeholder=\"Filter by name, tier, band or explanation\" aria-label=\"Filter accounts\"> <span id=\"account-count\" class=\"note\">{shown.Length} shown</span> · <a id=\"accounts-csv\" download=\"accounts.csv\" href=\"data:text/csv;charset=utf-8,{Uri.EscapeDataString(AccountsCsv.Write(report.Accounts))}\">Download the table as CSV</a> <span class=\"note\">· click a column heading to sort; each account's explanation is under its row.</span></p>\n");
        writer.Write("<div class=\"scroll\"><table id=\"accounts\"><thead><tr>");
        foreach ((string heading, bool numeric) in AccountColumns)
        {
            writer.Write($"<th class=\"sortable{(numeric ? " num" : string.Empty)}\" data-type=\"{(numeric ? "num" : "text")}\" tabindex=\"0\">{E(heading)}</th>");
        }

        writer.Write("</tr></thead>\n");
        foreach (AccountResult a in shown)
        {
            RelationshipScores sc = a.Scores;
            string search = string.Join(' ', a.Name, ReportText.Tier(a.Tier), ReportText.Band(a.HealthBand), a.Explanation).ToLowerInvariant();
            writer.Write($"<tbody class=\"account\" data-search=\"{E(search)}\"><tr>");
            writer.Write($"<td data-value=\"{E(a.Name)}\">{E(a.Name)}</td><td data-value=\"{TierIndex(a.Tier)}\">{TierBadge(a.Tier)}</td><td data-value=\"{(a.EligibleTier is { } eligible ? TierIndex(eligible).ToString(CultureInfo.InvariantCulture) : string.Empty)}\">{E(ReportText.Tier(a.EligibleTier))}</td>");
            Number(writer, a.HealthScore, ReportText.Score(a.HealthScore));
            writer.Write($"<td class=\"{BandClass(a.HealthBand)}\" data-value=\"{E(ReportText.Band(a.HealthBand))}\">{E(ReportText.Band(a.HealthBand))}</td><td data-value=\"{E(ReportText.Label(a.HealthTrend))}\">{E(ReportText.Label(a.HealthTrend))}</td>");
            foreach (decimal? score in new[] { sc.Reciprocity, sc.Autonomy, sc.Integrity, sc.Loyalty, sc.Fairness, a.Engagement })
            {
                Number(writer, score, ReportText.Score(score));
            }

            Number(writer, a.LifetimeValue, ReportText.Money(a.LifetimeValue, report.Currency));
            Number(writer, a.ChurnRisk, ReportText.Score(a.ChurnRisk));
            writer.Write($"<td data-value=\"{E(ReportText.YesNo(a.AtRisk))}\">{E(ReportText.YesNo(a.AtRisk))}</td>");
            Number(writer, a.Confidence, ReportText.Score(a.Confidence));
            writer.Write($"</tr>\n<tr class=\"explanation\"><td colspan=\"{AccountColumns.Length}\"><div class=\"explain\">{E(a.Explanation)}</div></td></tr></tbody>\n");
        }

        writer.Write("</table></div>");
        if (report.Accounts.Count > max)
        {
            writer.Write($"<p class=\"note\">{report.Accounts.Count - max} more accounts are in the JSON report and the CSV.</p>");
        }

        writer.Write("</section>\n");
    }

    /// <summary>The accounts table's columns: heading and whether it sorts as a number.</summary>
    private static readonly (string Heading, bool Numeric)[] AccountColumns =
    [
        ("Account", false), ("Tier", true), ("Eligible", true), ("Health", true), ("Band", false), ("Trend", false),
        ("Reciprocity", true), ("Autonomy", true), ("Integrity", true), ("Loyalty", true), ("Fairness", true), ("Engagement", true),
        ("Lifetime value", true), ("Churn", true), ("At risk", false), ("Confidence", true),
    ];

    /// <summary>A numeric cell: shown as formatted, sorted by its exact value (unknown: empty, sorted last).</summary>
    private static void Number(TextWriter writer, decimal? value, string shown)
        => writer.Write($"<td class=\"num\" data-value=\"{(value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty)}\">{E(shown)}</td>");

    private static void WriteRejections(TextWriter writer, RunReport report)
    {
        if (report.Rejections.Count == 0 && report.RejectionGroups.Count == 0)
        {
            return;
        }

        // Grouped by reason (the message with its figures as "…"), largest first, with the first examples of each.
        IReadOnlyList<RejectionGroup> groups = report.RejectionReasons();
        writer.Write($"<section id=\"rejections\"><h2>Rejected events ({E(ReportText.Count(report.Statistics.EventsRejected))}) for {E(ReportText.Count(groups.Count))} {(groups.Count == 1 ? "reason" : "reasons")}</h2>\n<table id=\"rejection-groups\"><tr><th class=\"num\">Events</th><th>Reason</th><th>Examples</th></tr>\n");
        foreach (RejectionGroup g in groups)
        {
            writer.Write($"<tr class=\"rejection-group\"><td class=\"num\" data-count=\"{g.Count}\">{E(ReportText.Count(g.Count))}</td><td>{E(g.Reason)}</td><td><ul class=\"examples\">");
            foreach (RejectedEvent r in g.Examples)
            {
                writer.Write($"<li>{E(r.Event)}: {E(r.Message)}</li>");
            }

            writer.Write("</ul></td></tr>\n");
        }

        writer.Write("</table></section>\n");
    }

    private static string ChartData(RunReport report, IReadOnlyList<ScoreHistogram> histograms, AccountResult[] timelines, AccountResult[] histories)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("tierLabels");
            foreach (RelationshipTierChoice tier in Enum.GetValues<RelationshipTierChoice>())
            {
                w.WriteStringValue(ReportText.Tier(tier));
            }

            w.WriteEndArray();
            w.WriteStartArray("tiers");
            foreach (KeyValuePair<RelationshipTierChoice, int> tier in report.TierDistribution())
            {
                Bar(w, ReportText.Tier(tier.Key), tier.Value, TierColors[TierIndex(tier.Key)]);
            }

            w.WriteEndArray();
            w.WriteStartArray("verdicts");
            string[] verdictColors = ["#27ae60", "#2f80ed", "#f0b429", "#d64545", "#9aa5b1"];
            int v = 0;
            foreach ((string label, long count) in Verdicts(report.Deals))
            {
                Bar(w, label, count, verdictColors[v++]);
            }

            w.WriteEndArray();
            w.WriteStartArray("games");
            foreach (ProcurementTacticChoice game in RunReport.GameChoices)
            {
                Bar(w, ReportText.Label<ProcurementTacticChoice>(game), report.Games.TryGetValue(game, out long n) ? n : 0, "#9b51e0");
            }

            w.WriteEndArray();
            w.WriteStartArray("histograms");
            for (int i = 0; i < histograms.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("score", histograms[i].Score);
                w.WriteString("color", ScoreColors[i % ScoreColors.Length]);
                w.WriteNumber("unknown", histograms[i].Unknown);
                w.WriteStartArray("bins");
                foreach (int bin in histograms[i].Bins)
                {
                    w.WriteNumberValue(bin);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            DateTime start = report.ReplayedFrom;
            DateTime end = report.ReplayedUntil;
            foreach (DateTime when in timelines.SelectMany(a => a.Timeline).Select(c => c.When).Concat(histories.SelectMany(a => a.History).Select(p => p.TakenOn)))
            {
                start = when < start || start == default ? when : start;
                end = when > end ? when : end;
            }

            w.WriteNumber("start", Epoch(start));
            w.WriteNumber("end", Epoch(end));
            w.WriteString("startLabel", ReportText.Date(start));
            w.WriteString("endLabel", ReportText.Date(end));
            w.WriteStartObject("colors");
            w.WriteString("up", "#27ae60");
            w.WriteString("down", "#d64545");
            w.WriteEndObject();
            ScoreHistoryHtml.WriteData(w, histories);
            w.WriteStartArray("timelines");
            foreach (AccountResult a in timelines)
            {
                w.WriteStartObject();
                w.WriteString("name", a.Name);
                w.WriteStartArray("changes");
                foreach (TierChange c in a.Timeline)
                {
                    w.WriteStartObject();
                    w.WriteNumber("t", Epoch(c.When));
                    w.WriteString("date", ReportText.Date(c.When));
                    if (c.From is { } from)
                    {
                        w.WriteNumber("from", TierIndex(from));
                    }
                    else
                    {
                        w.WriteNull("from");
                    }

                    w.WriteNumber("to", TierIndex(c.To));
                    w.WriteString("kind", ReportText.Label<TierChangeKindChoice>(c.Kind));
                    w.WriteString("reason", c.Reason);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        // The default encoder escapes <, >, & and quotes, so the JSON cannot close the script element.
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Bar(Utf8JsonWriter w, string label, long value, string color)
    {
        w.WriteStartObject();
        w.WriteString("label", label);
        w.WriteNumber("value", value);
        w.WriteString("color", color);
        w.WriteEndObject();
    }

    private static IEnumerable<(string Label, long Count)> Verdicts(DealVerdictCounts d) =>
    [
        ("Within cap", d.WithinCap),
        ("Above cap, reciprocated", d.Reciprocated),
        ("Above cap, warned", d.Warned),
        ("Above cap, blocked", d.Blocked),
        ("Not assessed", d.NotAssessed),
    ];

    private static AccountResult[] TimelineAccounts(RunReport report, int max)
        => report.Accounts.Where(a => a.Timeline.Count > 0)
            .OrderByDescending(a => a.Timeline.Count).ThenBy(a => a.Name, StringComparer.Ordinal).Take(max).ToArray();

    private static void Kpi(TextWriter writer, string label, long value, bool alert, string id)
        => writer.Write($"<div class=\"kpi{(alert ? " alert" : string.Empty)}\" id=\"{id}\"><div class=\"value\">{E(ReportText.Count(value))}</div><div class=\"label\">{E(label)}</div></div>\n");

    private static string TierBadge(RelationshipTierChoice tier) => $"<span class=\"tier tier-{E(ReportText.Key(tier))}\">{E(ReportText.Tier(tier))}</span>";

    private static string BandClass(HealthBandChoice? band) => band is null ? string.Empty : "band-" + band.Value.ToString().ToLowerInvariant();

    private static int TierIndex(RelationshipTierChoice tier) => tier switch
    {
        RelationshipTierChoice.StrategicPartner => 2,
        RelationshipTierChoice.Preferred => 1,
        _ => 0,
    };

    internal static long Epoch(DateTime value) => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
