using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CsvHelper;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>
/// The accounts table as CSV (RFC 4180, written with CsvHelper): one row per account with every column the HTML table
/// shows plus the id, the key contacts and the explanation. Numbers are plain invariant decimals; an unknown value is an
/// empty field, never 0.
/// </summary>
public static class AccountsCsv
{
    private static readonly string[] Headings =
    [
        "Account", "Id", "Tier", "Eligible tier", "Health", "Band", "Trend", "Reciprocity", "Autonomy", "Integrity", "Loyalty",
        "Fairness", "Engagement", "Lifetime value", "Churn risk", "At risk", "Confidence", "Key contacts", "Explanation",
    ];

    public static string Write(IEnumerable<AccountResult> accounts)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(accounts, text);
        return text.ToString();
    }

    public static void Write(IEnumerable<AccountResult> accounts, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(output);

        // Names come from users: a field that starts like a formula (=, +, -, @) is escaped so a spreadsheet shows it
        // as text instead of running it (CSV injection).
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteHeader(Headings);
        foreach (AccountResult a in accounts)
        {
            RelationshipScores s = a.Scores;
            csv.WriteRecord(
            [
                a.Name,
                a.AccountId.ToString("D"),
                ReportText.Tier(a.Tier),
                a.EligibleTier is null ? string.Empty : ReportText.Tier(a.EligibleTier),
                Number(a.HealthScore),
                a.HealthBand is null ? string.Empty : ReportText.Band(a.HealthBand),
                a.HealthTrend is null ? string.Empty : ReportText.Label(a.HealthTrend),
                Number(s.Reciprocity), Number(s.Autonomy), Number(s.Integrity), Number(s.Loyalty), Number(s.Fairness),
                Number(a.Engagement), Number(a.LifetimeValue), Number(a.ChurnRisk),
                a.AtRisk is null ? string.Empty : a.AtRisk.Value ? "Yes" : "No",
                Number(a.Confidence),
                a.KeyContactCount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                a.Explanation,
            ]);
        }
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
