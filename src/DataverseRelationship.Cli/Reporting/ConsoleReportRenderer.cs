using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Plugins.Schema;
using Spectre.Console;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>What the console report shows.</summary>
public sealed record ConsoleReportOptions
{
    /// <summary>Accounts listed in the accounts table (the rest are counted).</summary>
    public int MaxAccounts { get; init; } = 40;

    /// <summary>Accounts whose tier timeline is printed.</summary>
    public int MaxTimelines { get; init; } = 12;

    /// <summary>Rejected events listed.</summary>
    public int MaxRejections { get; init; } = 10;
}

/// <summary>Renders a <see cref="RunReport"/> as Spectre.Console tables. Every value is escaped, never read as markup.</summary>
public static class ConsoleReportRenderer
{
    public static void Render(RunReport report, IAnsiConsole console, ConsoleReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        options ??= new ConsoleReportOptions();

        console.Write(new Rule($"[bold]Relationship preview[/]: {Markup.Escape(report.DataSet)}").LeftJustified());
        console.MarkupLine($"Policy [bold]{Markup.Escape(report.PolicyVersion)}[/], replayed until {ReportText.DateTimeUtc(report.ReplayedUntil)}");
        RenderStatistics(report, console);
        RenderTiers(report, console);
        RenderDeals(report, console);
        RenderAccounts(report, console, options.MaxAccounts);
        RenderExplanations(report, console, options.MaxAccounts);
        RenderAtRisk(report, console);
        RenderTimelines(report, console, options.MaxTimelines);
        RenderRejections(report, console, options.MaxRejections);
    }

    private static void RenderStatistics(RunReport report, IAnsiConsole console)
    {
        RunStatistics s = report.Statistics;
        var table = new Table().Border(TableBorder.Rounded).Title("Run").AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        Row(table, "Accounts", ReportText.Count(s.Accounts));
        Row(table, "Contacts", ReportText.Count(s.Contacts));
        Row(table, "Opportunities", ReportText.Count(s.Opportunities));
        Row(table, "Won / lost", $"{ReportText.Count(s.Won)} / {ReportText.Count(s.Lost)}");
        Row(table, "Events replayed", ReportText.Count(s.EventsReplayed));
        Row(table, "Events rejected", ReportText.Count(s.EventsRejected));
        Row(table, "Events skipped", ReportText.Count(s.EventsSkipped));
        Row(table, "Plugin executions", ReportText.Count(s.PluginExecutions));
        Row(table, "Elapsed", ReportText.Duration(s.Elapsed));
        Row(table, "Events per second", ReportText.Count((long)Math.Round(s.EventsPerSecond)));
        console.Write(table);
    }

    private static void RenderTiers(RunReport report, IAnsiConsole console)
    {
        var chart = new BarChart().Label("[bold]Accounts per tier[/]").Width(60);
        foreach (KeyValuePair<RelationshipTierChoice, int> tier in report.TierDistribution())
        {
            chart.AddItem(Markup.Escape(ReportText.Tier(tier.Key)), tier.Value, TierColor(tier.Key));
        }

        console.Write(chart);
    }

    private static void RenderDeals(RunReport report, IAnsiConsole console)
    {
        DealVerdictCounts d = report.Deals;
        var table = new Table().Border(TableBorder.Rounded).Title("Deals against the tier rule").AddColumn("Verdict").AddColumn(new TableColumn("Deals").RightAligned());
        Row(table, "Within cap", ReportText.Count(d.WithinCap));
        Row(table, "Above cap, reciprocated", ReportText.Count(d.Reciprocated));
        Row(table, "Above cap, warned", ReportText.Count(d.Warned));
        Row(table, "Above cap, blocked", ReportText.Count(d.Blocked));
        Row(table, "Not assessed", ReportText.Count(d.NotAssessed));
        Row(table, "Total", ReportText.Count(d.Total));
        console.Write(table);

        if (report.Games.Values.Any(v => v > 0))
        {
            var games = new Table().Border(TableBorder.Rounded).Title("Customer games").AddColumn("Game").AddColumn(new TableColumn("Deals").RightAligned());
            foreach (ProcurementTacticChoice game in Enum.GetValues<ProcurementTacticChoice>())
            {
                Row(games, ReportText.Label<ProcurementTacticChoice>(game), ReportText.Count(report.Games.TryGetValue(game, out long n) ? n : 0));
            }

            console.Write(games);
        }
    }

    private static void RenderAccounts(RunReport report, IAnsiConsole console, int max)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Accounts");
        foreach (string column in new[] { "Account", "Tier", "Eligible" })
        {
            table.AddColumn(column);
        }

        table.AddColumn(new TableColumn("Health").RightAligned()).AddColumn("Band").AddColumn("Trend");
        foreach (string column in new[] { "Rec", "Aut", "Int", "Loy", "Fair", "CLV", "Churn", "Conf" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (AccountResult a in ListOrder(report).Take(max))
        {
            table.AddRow(
                Cell(a.Name),
                new Markup($"[{TierColor(a.Tier).ToMarkup()}]{Markup.Escape(ReportText.Tier(a.Tier))}[/]"),
                Cell(ReportText.Tier(a.EligibleTier)),
                Cell(ReportText.Score(a.HealthScore)),
                Cell(ReportText.Label(a.HealthBand)),
                Cell(ReportText.Label(a.HealthTrend)),
                Cell(ReportText.Score(a.Scores?.Reciprocity)),
                Cell(ReportText.Score(a.Scores?.Autonomy)),
                Cell(ReportText.Score(a.Scores?.Integrity)),
                Cell(ReportText.Score(a.Scores?.Loyalty)),
                Cell(ReportText.Score(a.Scores?.Fairness)),
                Cell(ReportText.Money(a.LifetimeValue)),
                Cell(ReportText.Score(a.ChurnRisk)),
                Cell(ReportText.Score(a.Confidence)));
        }

        if (report.Accounts.Count > max)
        {
            table.Caption($"{ReportText.Count(report.Accounts.Count - max)} more accounts not shown (see the JSON or HTML report)");
        }

        console.Write(table);
    }

    private static void RenderExplanations(RunReport report, IAnsiConsole console, int max)
    {
        AccountResult[] shown = ListOrder(report).Take(max).Where(a => a.Explanation.Length > 0).ToArray();
        if (shown.Length == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Why each account stands where it does").AddColumn("Account").AddColumn("Explanation");
        foreach (AccountResult a in shown)
        {
            table.AddRow(Cell(a.Name), Cell(a.Explanation));
        }

        console.Write(table);
    }

    private static IEnumerable<AccountResult> ListOrder(RunReport report)
        => report.Accounts.OrderByDescending(a => a.Tier).ThenByDescending(a => a.HealthScore ?? 0m);

    private static void RenderAtRisk(RunReport report, IAnsiConsole console)
    {
        IReadOnlyList<AccountResult> atRisk = report.AccountsAtRisk();
        if (atRisk.Count == 0)
        {
            console.MarkupLine("[green]No account is at risk.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"Accounts at risk ({atRisk.Count})")
            .AddColumn("Account").AddColumn("Tier").AddColumn(new TableColumn("Health").RightAligned()).AddColumn(new TableColumn("Churn").RightAligned()).AddColumn("Why");
        foreach (AccountResult a in atRisk.Take(20))
        {
            table.AddRow(Cell(a.Name), Cell(ReportText.Tier(a.Tier)), Cell(ReportText.Score(a.HealthScore)), Cell(ReportText.Score(a.ChurnRisk)), Cell(a.Explanation));
        }

        console.Write(table);
    }

    private static void RenderTimelines(RunReport report, IAnsiConsole console, int max)
    {
        AccountResult[] changed = report.Accounts.Where(a => a.Timeline.Count > 0).OrderByDescending(a => a.Timeline.Count).ThenBy(a => a.Name, StringComparer.Ordinal).Take(max).ToArray();
        if (changed.Length == 0)
        {
            return;
        }

        var tree = new Tree($"[bold]Tier changes[/] ({ReportText.Count(report.TierChangeCount)} in all)");
        foreach (AccountResult a in changed)
        {
            TreeNode node = tree.AddNode(Markup.Escape(a.Name));
            foreach (TierChange c in a.Timeline)
            {
                string arrow = c.IsPromotion ? "[green]↑[/]" : "[red]↓[/]";
                node.AddNode($"{ReportText.Date(c.When)} {arrow} {Markup.Escape(ReportText.Tier(c.From))} → {Markup.Escape(ReportText.Tier(c.To))} ({Markup.Escape(ReportText.Label<TierChangeKindChoice>(c.Kind))}): {Markup.Escape(c.Reason)}");
            }
        }

        console.Write(tree);
    }

    private static void RenderRejections(RunReport report, IAnsiConsole console, int max)
    {
        if (report.Rejections.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"Rejected events (first {Math.Min(max, report.Rejections.Count)})")
            .AddColumn("When").AddColumn("Event").AddColumn("Message");
        foreach (RejectedEvent r in report.Rejections.Take(max))
        {
            table.AddRow(Cell(ReportText.DateTimeUtc(r.At)), Cell(r.Event), Cell(r.Message));
        }

        console.Write(table);
    }

    private static void Row(Table table, string label, string value) => table.AddRow(Cell(label), Cell(value));

    private static Text Cell(string value) => new(value);

    private static Color TierColor(RelationshipTierChoice tier) => tier switch
    {
        RelationshipTierChoice.StrategicPartner => Color.Green,
        RelationshipTierChoice.Preferred => Color.DodgerBlue1,
        _ => Color.Grey,
    };
}
