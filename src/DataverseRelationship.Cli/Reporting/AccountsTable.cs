using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Plugins.Schema;
using Spectre.Console;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>
/// The accounts table laid out for the console width. Narrow: account, tier, health, band, trend, churn. Wide adds
/// the eligible tier, the five scores, engagement, CLV and confidence; column groups that do not fit next to the others go to a
/// continuation table keyed by the same account names. Every column is exactly as wide as its widest value, so a
/// number is never split; only the account name is cut (with "…"). A legend explains every header shown.
/// </summary>
public static class AccountsTable
{
    /// <summary>The account column never gets wider than this (longer names are cut).</summary>
    public const int MaxNameWidth = 40;

    /// <summary>Below this the account column is not narrowed further (the table then exceeds a very narrow console).</summary>
    public const int MinNameWidth = 8;

    private const string NameHeader = "Account";

    private static readonly Column[] Narrow =
    [
        new("Tier", a => ReportText.Tier(a.Tier), Numeric: false, null, a => new Style(TierColor(a.Tier))),
        new("Health", a => ReportText.Score(a.HealthScore), Numeric: true, "health score 0–100"),
        new("Band", a => ReportText.BandShort(a.HealthBand), Numeric: false, "health band (Insufficient = insufficient evidence for a health)"),
        new("Trend", a => ReportText.Label(a.HealthTrend), Numeric: false, "health trend"),
        new("Churn", a => ReportText.Score(a.ChurnRisk), Numeric: true, "churn risk 0–100"),
    ];

    private static Column[][] Extra(DataSets.DataSetCurrency? currency) =>
    [
        [new("Eligible", a => ReportText.Tier(a.EligibleTier), Numeric: false, "the tier the data alone qualifies for")],
        [
            new("Rec", a => ReportText.Score(a.Scores.Reciprocity), Numeric: true, "reciprocity"),
            new("Aut", a => ReportText.Score(a.Scores.Autonomy), Numeric: true, "autonomy"),
            new("Int", a => ReportText.Score(a.Scores.Integrity), Numeric: true, "integrity"),
            new("Loy", a => ReportText.Score(a.Scores.Loyalty), Numeric: true, "loyalty"),
            new("Fair", a => ReportText.Score(a.Scores.Fairness), Numeric: true, "fairness"),
        ],
        [
            new("Eng", a => ReportText.Score(a.Engagement), Numeric: true, "engagement: deal volume and recency 0–100"),
            new("CLV", a => ReportText.Money(a.LifetimeValue, currency), Numeric: true, "customer lifetime value"),
            new("Conf", a => ReportText.Score(a.Confidence), Numeric: true, "confidence in the inputs 0–100"),
        ],
    ];

    /// <summary>
    /// Writes the table(s) for <paramref name="shown"/>, then the legend; <paramref name="hidden"/> accounts are counted.
    /// Amounts carry <paramref name="currency"/>'s code when the data names one currency.
    /// </summary>
    public static void Render(IReadOnlyList<AccountResult> shown, int hidden, bool wide, IAnsiConsole console, DataSets.DataSetCurrency? currency = null)
    {
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(console);
        int width = console.Profile.Width;
        int nameWidth = NameWidth(shown.Select(a => a.Name), width - TableWidth(0, Narrow, shown));

        var tables = new List<List<Column>> { Narrow.ToList() };
        if (wide)
        {
            foreach (Column[] group in Extra(currency))
            {
                List<Column>? home = tables.FirstOrDefault(t => TableWidth(nameWidth, [.. t, .. group], shown) <= width);
                if (home is null)
                {
                    tables.Add([.. group]);
                }
                else
                {
                    home.AddRange(group);
                }
            }
        }

        for (int i = 0; i < tables.Count; i++)
        {
            console.Write(Table(i == 0 ? "Accounts" : "Accounts, continued", nameWidth, tables[i], shown));
        }

        var notes = new List<string>();
        if (hidden > 0)
        {
            notes.Add(ConsoleText.More(hidden, hidden == 1 ? "account" : "accounts"));
        }

        ConsoleText.WriteLines(console, notes);
        IEnumerable<string> legend = tables.SelectMany(t => t).Where(c => c.Meaning is not null).Select(c => $"{c.Header} = {c.Meaning}")
            .Append("— = unknown");
        if (!wide)
        {
            legend = legend.Append("--wide adds the eligible tier, the five scores, engagement, CLV and confidence");
        }

        ConsoleText.WriteLines(console, ConsoleText.Pack(legend, width), new Style(decoration: Decoration.Dim));
    }

    /// <summary>
    /// The width of an account column: the longest name (and the "Account" header), at most <see cref="MaxNameWidth"/>
    /// and at most <paramref name="budget"/>, but not below <see cref="MinNameWidth"/>.
    /// </summary>
    public static int NameWidth(IEnumerable<string> names, int budget)
    {
        int natural = Math.Min(MaxNameWidth, names.Select(ConsoleText.Width).Append(NameHeader.Length).Max());
        return Math.Max(Math.Min(natural, budget), Math.Min(natural, MinNameWidth));
    }

    /// <summary>The colour of a tier wherever the console shows it.</summary>
    public static Color TierColor(RelationshipTierChoice tier) => tier switch
    {
        RelationshipTierChoice.StrategicPartner => Color.Green,
        RelationshipTierChoice.Preferred => Color.DodgerBlue1,
        _ => Color.Grey,
    };

    private static Table Table(string title, int nameWidth, IReadOnlyList<Column> columns, IReadOnlyList<AccountResult> shown)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn(new TableColumn(NameHeader).Width(nameWidth).NoWrap());
        foreach (Column c in columns)
        {
            var column = new TableColumn(c.Header).Width(c.WidthFor(shown)).NoWrap();
            table.AddColumn(c.Numeric ? column.RightAligned() : column);
        }

        foreach (AccountResult a in shown)
        {
            var cells = new List<Text> { new(ConsoleText.Fit(a.Name, nameWidth)) };
            cells.AddRange(columns.Select(c => new Text(c.Value(a), c.Style?.Invoke(a))));
            table.AddRow(cells);
        }

        return table;
    }

    /// <summary>Cells a rounded table takes: a border, then per column one space, the value, one space and a border.</summary>
    private static int TableWidth(int nameWidth, IReadOnlyList<Column> columns, IReadOnlyList<AccountResult> shown)
        => 1 + nameWidth + 3 + columns.Sum(c => c.WidthFor(shown) + 3);

    private sealed record Column(string Header, Func<AccountResult, string> Value, bool Numeric, string? Meaning, Func<AccountResult, Style>? Style = null)
    {
        public int WidthFor(IReadOnlyList<AccountResult> shown) => shown.Select(a => ConsoleText.Width(Value(a))).Append(Header.Length).Max();
    }
}
