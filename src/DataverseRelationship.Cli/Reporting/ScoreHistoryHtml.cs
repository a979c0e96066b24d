using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>
/// The HTML report's "Health over time" section: for the accounts that most need a look (at risk first, then the
/// largest fall in health), the health the scheduled recalculation recorded each period, drawn against dates, with
/// each point's health, band, churn risk and tier on hover and the first and latest values in the caption.
/// </summary>
internal static class ScoreHistoryHtml
{
    /// <summary>Accounts whose history is drawn: at least two snapshots; at risk first, then the largest fall in health.</summary>
    public static AccountResult[] Accounts(RunReport report, int max) =>
        report.Accounts.Where(a => a.History.Count >= 2)
            .OrderByDescending(a => a.IsAtRisk)
            .ThenBy(a => Change(a) ?? decimal.MaxValue)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(max)
            .ToArray();

    public static void Write(TextWriter writer, RunReport report, AccountResult[] accounts)
    {
        int withHistory = report.Accounts.Count(a => a.History.Count >= 2);
        writer.Write("<section id=\"score-history\"><h2>Health over time</h2>");
        if (accounts.Length == 0)
        {
            writer.Write("<p class=\"note\">No account has two score snapshots yet: the scheduled recalculation takes one per period.</p></section>\n");
            return;
        }

        writer.Write($"<p class=\"note\">{accounts.Length} of {withHistory} accounts with a score history, at risk first, then the largest fall in health. One point per snapshot of the scheduled recalculation; a gap is a period whose health was unknown. Hover a point for its values.</p>\n<div class=\"timelines\">\n");
        for (int i = 0; i < accounts.Length; i++)
        {
            AccountResult a = accounts[i];
            ScorePoint first = a.History.FirstOrDefault(p => p.Health.HasValue) ?? a.History[^1];
            ScorePoint last = a.History[^1];
            writer.Write($"<figure><figcaption>{E(a.Name)} <span class=\"note\">({E(ReportText.Date(first.TakenOn))}: {E(ReportText.Score(first.Health))} → {E(ReportText.Date(last.TakenOn))}: {E(ReportText.Score(last.Health))})</span></figcaption><div class=\"chart history\" id=\"history-{i}\"></div></figure>\n");
        }

        writer.Write("</div></section>\n");
    }

    /// <summary>The chart data: <c>histories[]</c> with the account name and its points (time, date, health, band, churn, tier).</summary>
    public static void WriteData(Utf8JsonWriter w, AccountResult[] accounts)
    {
        w.WriteStartArray("histories");
        foreach (AccountResult a in accounts)
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteStartArray("points");
            foreach (ScorePoint p in a.History)
            {
                w.WriteStartObject();
                w.WriteNumber("t", HtmlReportRenderer.Epoch(p.TakenOn));
                w.WriteString("date", ReportText.Date(p.TakenOn));
                if (p.Health is { } health)
                {
                    w.WriteNumber("health", health);
                }
                else
                {
                    w.WriteNull("health");
                }

                w.WriteString("band", ReportText.Band(p.Band));
                w.WriteString("churn", ReportText.Score(p.ChurnRisk));
                w.WriteString("tier", p.Tier is { } tier ? ReportText.Tier(tier) : "unknown");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Latest known health minus the first known; null with fewer than two known.</summary>
    private static decimal? Change(AccountResult a)
    {
        List<decimal> known = a.History.Where(p => p.Health.HasValue).Select(p => p.Health!.Value).ToList();
        return known.Count < 2 ? null : known[^1] - known[0];
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
