using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Plugins.Schema;
using Spectre.Console;

namespace DataverseRelationship.Cli.Comparison;

/// <summary>Renders a <see cref="PolicyComparison"/> as console tables or JSON. Every value is escaped, never read as markup.</summary>
public static class ComparisonRenderer
{
    /// <summary>Version of the comparison JSON; changes when a property is renamed or removed.</summary>
    public const int SchemaVersion = 1;

    public static void Render(PolicyComparison comparison, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(console);
        console.Write(new Rule($"[bold]Policy comparison[/]: {Markup.Escape(TerminalText.Safe(comparison.A.DataSet))}").LeftJustified());
        console.MarkupLine($"A: [bold]{Markup.Escape(TerminalText.Safe(comparison.PolicyA))}[/] (version {Markup.Escape(comparison.A.PolicyVersion)})");
        console.MarkupLine($"B: [bold]{Markup.Escape(TerminalText.Safe(comparison.PolicyB))}[/] (version {Markup.Escape(comparison.B.PolicyVersion)})");

        var tiers = new Table().Border(TableBorder.Rounded).Title("Accounts per tier").AddColumn("Tier")
            .AddColumn(new TableColumn("A").RightAligned()).AddColumn(new TableColumn("B").RightAligned());
        foreach ((RelationshipTierChoice tier, int a, int b) in comparison.TierCounts())
        {
            tiers.AddRow(new Text(ReportText.Tier(tier)), new Text(ReportText.Count(a)), new Text(ReportText.Count(b)));
        }

        console.Write(tiers);

        DealVerdictCounts da = comparison.A.Deals;
        DealVerdictCounts db = comparison.B.Deals;
        var deals = new Table().Border(TableBorder.Rounded).Title("Deals against the tier rule").AddColumn("Verdict")
            .AddColumn(new TableColumn("A").RightAligned()).AddColumn(new TableColumn("B").RightAligned());
        AddCounts(deals, "Within cap", da.WithinCap, db.WithinCap);
        AddCounts(deals, "Above cap, reciprocated", da.Reciprocated, db.Reciprocated);
        AddCounts(deals, "Above cap, warned", da.Warned, db.Warned);
        AddCounts(deals, "Above cap, blocked", da.Blocked, db.Blocked);
        AddCounts(deals, "Not assessed", da.NotAssessed, db.NotAssessed);
        AddCounts(deals, "Events rejected", comparison.A.Statistics.EventsRejected, comparison.B.Statistics.EventsRejected);
        console.Write(deals);

        if (comparison.Differences.Count == 0)
        {
            console.MarkupLine("[green]No account changes tier or health band.[/]");
            return;
        }

        RenderDifferences(comparison, console);
    }

    /// <summary>
    /// One row per account that changes, every column exactly as wide as its widest value (names cut with "…"); the
    /// reason joins the table when it gets <see cref="ConsoleReportRenderer.MinReasonWidth"/> cells, else follows it as paragraphs.
    /// </summary>
    private static void RenderDifferences(PolicyComparison comparison, IAnsiConsole console)
    {
        string[][] values = comparison.Differences.Select(d => new[]
        {
            Move(ReportText.Tier(d.Before.Tier), ReportText.Tier(d.After.Tier)),
            Move(ReportText.Band(d.Before.HealthBand), ReportText.Band(d.After.HealthBand)),
            $"{ReportText.Score(d.Before.HealthScore)} → {ReportText.Score(d.After.HealthScore)}",
        }).ToArray();
        string[] headers = ["Tier A → B", "Band A → B", "Health A → B"];
        int[] widths = headers.Select((h, i) => values.Select(v => ConsoleText.Width(v[i])).Append(ConsoleText.Width(h)).Max()).ToArray();
        int fixedWidth = 1 + 3 + widths.Sum(w => w + 3);
        int width = console.Profile.Width;
        int nameWidth = AccountsTable.NameWidth(comparison.Differences.Select(d => d.Name), width - fixedWidth);
        int reasonWidth = width - fixedWidth - nameWidth - 3;
        bool reasonInTable = reasonWidth >= ConsoleReportRenderer.MinReasonWidth;

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Accounts that change tier or health band ({comparison.Differences.Count})")
            .AddColumn(new TableColumn("Account").Width(nameWidth).NoWrap())
            .AddColumn(new TableColumn(headers[0]).Width(widths[0]).NoWrap())
            .AddColumn(new TableColumn(headers[1]).Width(widths[1]).NoWrap())
            .AddColumn(new TableColumn(headers[2]).Width(widths[2]).NoWrap().RightAligned());
        if (reasonInTable)
        {
            table.AddColumn(new TableColumn("Why").Width(reasonWidth));
        }

        for (int i = 0; i < values.Length; i++)
        {
            AccountDifference d = comparison.Differences[i];
            var cells = new List<Text> { new(ConsoleText.Fit(d.Name, nameWidth)), new(values[i][0]), new(values[i][1]), new(values[i][2]) };
            if (reasonInTable)
            {
                cells.Add(new Text(TerminalText.Safe(d.Reason)));
            }

            table.AddRow(cells);
        }

        console.Write(table);
        ConsoleText.WriteLines(console, ["A tier or band without an arrow is the same under both policies."], new Style(decoration: Decoration.Dim));
        if (!reasonInTable)
        {
            console.Write(new Rule("Why they change").LeftJustified());
            foreach (AccountDifference d in comparison.Differences)
            {
                ConsoleText.WriteParagraph(console, d.Name, d.Reason);
            }
        }
    }

    /// <summary>
    /// The comparison as JSON: <c>schemaVersion</c>, <c>policyA</c>, <c>policyB</c>, <c>differences[]</c> (<c>id</c>,
    /// <c>name</c>, <c>tierA</c>, <c>tierB</c>, <c>healthBandA</c>, <c>healthBandB</c>, <c>healthA</c>, <c>healthB</c>,
    /// <c>moves[]</c> (<c>score</c>, <c>a</c>, <c>b</c>), <c>reason</c>), and the two full reports <c>a</c> and <c>b</c>
    /// (the <see cref="JsonReportRenderer"/> format).
    /// </summary>
    public static string RenderJson(PolicyComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("policyA", comparison.PolicyA);
            w.WriteString("policyB", comparison.PolicyB);
            w.WriteStartArray("differences");
            foreach (AccountDifference d in comparison.Differences)
            {
                w.WriteStartObject();
                w.WriteString("id", d.AccountId);
                w.WriteString("name", d.Name);
                w.WriteString("tierA", ReportText.Key(d.Before.Tier));
                w.WriteString("tierB", ReportText.Key(d.After.Tier));
                WriteChoice(w, "healthBandA", d.Before.HealthBand);
                WriteChoice(w, "healthBandB", d.After.HealthBand);
                WriteNumber(w, "healthA", d.Before.HealthScore);
                WriteNumber(w, "healthB", d.After.HealthScore);
                w.WriteStartArray("moves");
                foreach (ScoreMove m in d.Moves)
                {
                    w.WriteStartObject();
                    w.WriteString("score", m.Score);
                    WriteNumber(w, "a", m.Before);
                    WriteNumber(w, "b", m.After);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("reason", d.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("a");
            w.WriteRawValue(Compact(comparison.A));
            w.WritePropertyName("b");
            w.WriteRawValue(Compact(comparison.B));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Compact(RunReport report)
    {
        using var stream = new MemoryStream();
        JsonReportRenderer.Render(report, stream, indented: false);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>"A → B", or just the value when both policies agree (keeps the column narrow enough for 80 columns).</summary>
    private static string Move(string a, string b) => a == b ? a : $"{a} → {b}";

    private static void AddCounts(Table table, string label, long a, long b) => table.AddRow(new Text(label), new Text(ReportText.Count(a)), new Text(ReportText.Count(b)));

    private static void WriteNumber(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteChoice<T>(Utf8JsonWriter w, string name, T? value)
        where T : struct, Enum
    {
        if (value is { } v)
        {
            w.WriteString(name, ReportText.Key(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
