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

    /// <summary>Accounts at risk listed.</summary>
    public int MaxAtRisk { get; init; } = 20;

    /// <summary>Owner-weeks of follow-up tasks listed (the latest).</summary>
    public int MaxFlowWeeks { get; init; } = 12;

    /// <summary>Every list in full: the limits above do not apply.</summary>
    public bool All { get; init; }

    /// <summary>The accounts table shows every column (the eligible tier, the five scores, engagement, CLV, confidence).</summary>
    public bool Wide { get; init; }

    /// <summary>The limit that applies (none under <see cref="All"/>).</summary>
    public int Limit(int max) => All ? int.MaxValue : max;
}

/// <summary>Renders a <see cref="RunReport"/> as Spectre.Console tables. Every value is escaped, never read as markup.</summary>
public static class ConsoleReportRenderer
{
    /// <summary>The narrowest "Why" column worth putting in a table; narrower consoles get the reasons as paragraphs.</summary>
    public const int MinReasonWidth = 40;

    public static void Render(RunReport report, IAnsiConsole console, ConsoleReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        options ??= new ConsoleReportOptions();

        console.Write(new Rule($"[bold]Relationship preview[/]: {Markup.Escape(TerminalText.Safe(report.DataSet))}").LeftJustified());
        console.MarkupLine($"Policy [bold]{Markup.Escape(report.PolicyVersion)}[/], replayed until {ReportText.DateTimeUtc(report.ReplayedUntil)}");
        console.MarkupLine(Markup.Escape(TerminalText.Safe(Capitalised(report.CurrencyText()))));
        RenderStatistics(report, console);
        RenderTiers(report, console);
        RenderDeals(report, console);
        AccountResult[] listed = ListOrder(report).Take(options.Limit(options.MaxAccounts)).ToArray();
        AccountsTable.Render(listed, report.Accounts.Count - listed.Length, options.Wide, console, report.Currency);
        RenderExplanations(listed, console);
        RenderAtRisk(report, listed, console, options.Limit(options.MaxAtRisk));
        RenderTimelines(report, console, options.Limit(options.MaxTimelines));
        RenderRejections(report, console, options.Limit(options.MaxRejections), options.All);
        RenderUnknownOptionValues(report, console, options.Limit(options.MaxRejections));
        FlowActivityConsole.Render(report.Flows, console, options.Limit(options.MaxFlowWeeks), options.Limit(options.MaxRejections));
    }

    /// <summary>Choice values the solution does not define: the load went on; each is listed with what the replay did.</summary>
    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static void RenderUnknownOptionValues(RunReport report, IAnsiConsole console, int max)
    {
        if (report.UnknownOptionValues.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine($"[yellow]Warning[/]: {ReportText.Count(report.UnknownOptionValues.Count)} option values are not the solution's choices (kept, replayed as shown):");
        foreach (DataSets.UnknownOptionValue u in report.UnknownOptionValues.Take(max))
        {
            console.MarkupLine("  " + Markup.Escape(TerminalText.Safe(u.ToString())));
        }

        if (report.UnknownOptionValues.Count > max)
        {
            console.MarkupLine($"  … and {ReportText.Count(report.UnknownOptionValues.Count - max)} more (all in the JSON report).");
        }
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
        Row(table, "Unknown option values", ReportText.Count(report.UnknownOptionValues.Count));
        Row(table, "Plugin executions", ReportText.Count(s.PluginExecutions));
        Row(table, "Elapsed", ReportText.Duration(s.Elapsed));
        Row(table, "Events per second", ReportText.Count((long)Math.Round(s.EventsPerSecond)));
        console.Write(table);
    }

    private static void RenderTiers(RunReport report, IAnsiConsole console)
    {
        var chart = new BarChart().Label("[bold]Accounts per tier[/]").Width(Math.Min(60, console.Profile.Width));
        foreach (KeyValuePair<RelationshipTierChoice, int> tier in report.TierDistribution())
        {
            chart.AddItem(Markup.Escape(ReportText.Tier(tier.Key)), tier.Value, AccountsTable.TierColor(tier.Key));
        }

        console.Write(chart);

        var bands = new Table().Border(TableBorder.Rounded).Title("Accounts per health band").AddColumn("Band").AddColumn(new TableColumn("Accounts").RightAligned());
        foreach (KeyValuePair<HealthBandChoice?, int> band in report.BandDistribution())
        {
            Row(bands, band.Key is null ? "Not scored" : ReportText.Band(band.Key), ReportText.Count(band.Value));
        }

        console.Write(bands);
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
            foreach (ProcurementTacticChoice game in RunReport.GameChoices)
            {
                Row(games, ReportText.Label<ProcurementTacticChoice>(game), ReportText.Count(report.Games.TryGetValue(game, out long n) ? n : 0));
            }

            console.Write(games);
        }
    }

    /// <summary>One paragraph per listed account (name, then its explanation indented), so the text gets the full width.</summary>
    private static void RenderExplanations(IReadOnlyList<AccountResult> listed, IAnsiConsole console)
    {
        AccountResult[] shown = listed.Where(a => a.Explanation.Length > 0).ToArray();
        if (shown.Length == 0)
        {
            return;
        }

        console.WriteLine();
        console.Write(new Rule("Why each account stands where it does").LeftJustified());
        foreach (AccountResult a in shown)
        {
            ConsoleText.WriteParagraph(console, a.Name, a.Explanation);
        }
    }

    private static IEnumerable<AccountResult> ListOrder(RunReport report)
        => report.Accounts.OrderByDescending(a => a.Tier).ThenByDescending(a => a.HealthScore ?? 0m);

    /// <summary>
    /// The accounts at risk: a table of the numbers, and the reason in the table when it gets at least
    /// <see cref="MinReasonWidth"/> cells, otherwise as a paragraph under it for each account whose explanation is not
    /// already printed above.
    /// </summary>
    private static void RenderAtRisk(RunReport report, IReadOnlyList<AccountResult> listed, IAnsiConsole console, int max)
    {
        IReadOnlyList<AccountResult> atRisk = report.AccountsAtRisk();
        console.WriteLine();
        if (atRisk.Count == 0)
        {
            console.MarkupLine("[green]No account is at risk.[/]");
            return;
        }

        AccountResult[] shown = atRisk.Take(max).ToArray();
        int tierWidth = shown.Max(a => ConsoleText.Width(ReportText.Tier(a.Tier)));
        int healthWidth = Math.Max("Health".Length, shown.Max(a => ReportText.Score(a.HealthScore).Length));
        int churnWidth = Math.Max("Churn".Length, shown.Max(a => ReportText.Score(a.ChurnRisk).Length));
        int fixedWidth = 1 + (tierWidth + 3) + (healthWidth + 3) + (churnWidth + 3) + 3;
        int nameWidth = AccountsTable.NameWidth(shown.Select(a => a.Name), console.Profile.Width - fixedWidth);
        int reasonWidth = console.Profile.Width - fixedWidth - nameWidth - 3;
        bool reasonInTable = reasonWidth >= MinReasonWidth;

        var table = new Table().Border(TableBorder.Rounded).Title($"Accounts at risk ({atRisk.Count})")
            .AddColumn(new TableColumn("Account").Width(nameWidth).NoWrap())
            .AddColumn(new TableColumn("Tier").Width(tierWidth).NoWrap())
            .AddColumn(new TableColumn("Health").Width(healthWidth).NoWrap().RightAligned())
            .AddColumn(new TableColumn("Churn").Width(churnWidth).NoWrap().RightAligned());
        if (reasonInTable)
        {
            table.AddColumn(new TableColumn("Why").Width(reasonWidth));
        }

        foreach (AccountResult a in shown)
        {
            var cells = new List<Text>
            {
                new(ConsoleText.Fit(a.Name, nameWidth)), new(ReportText.Tier(a.Tier)), new(ReportText.Score(a.HealthScore)), new(ReportText.Score(a.ChurnRisk)),
            };
            if (reasonInTable)
            {
                cells.Add(Cell(a.Explanation));
            }

            table.AddRow(cells);
        }

        console.Write(table);
        if (atRisk.Count > shown.Length)
        {
            int hidden = atRisk.Count - shown.Length;
            ConsoleText.WriteLines(console, [ConsoleText.More(hidden, hidden == 1 ? "account at risk" : "accounts at risk")]);
        }

        if (!reasonInTable)
        {
            AccountResult[] explained = shown.Where(a => a.Explanation.Length > 0).ToArray();
            if (explained.Any(listed.Contains))
            {
                ConsoleText.WriteLines(console, ["Why: see their explanations above."], new Style(decoration: Decoration.Dim));
            }

            foreach (AccountResult a in explained.Where(a => !listed.Contains(a)))
            {
                ConsoleText.WriteParagraph(console, a.Name, a.Explanation);
            }
        }
    }

    private static void RenderTimelines(RunReport report, IAnsiConsole console, int max)
    {
        AccountResult[] all = report.Accounts.Where(a => a.Timeline.Count > 0).OrderByDescending(a => a.Timeline.Count).ThenBy(a => a.Name, StringComparer.Ordinal).ToArray();
        if (all.Length == 0)
        {
            return;
        }

        console.WriteLine();
        AccountResult[] changed = all.Take(max).ToArray();
        int listedChanges = changed.Sum(a => a.Timeline.Count);
        string heading = changed.Length == all.Length
            ? $"[bold]Tier changes[/] ({ReportText.Count(report.TierChangeCount)} in all)"
            : $"[bold]Tier changes[/]: {ReportText.Count(listedChanges)} of {ReportText.Count(report.TierChangeCount)}, for the {(changed.Length == 1 ? "account" : ReportText.Count(changed.Length) + " accounts")} that changed most";
        var tree = new Tree(heading);
        foreach (AccountResult a in changed)
        {
            TreeNode node = tree.AddNode(Markup.Escape(ConsoleText.Fit(a.Name, console.Profile.Width - 4)));
            foreach (TierChange c in a.Timeline)
            {
                string arrow = c.IsPromotion ? "[green]↑[/]" : "[red]↓[/]";
                node.AddNode($"{ReportText.Date(c.When)} {arrow} {Markup.Escape(ReportText.Tier(c.From))} → {Markup.Escape(ReportText.Tier(c.To))} ({Markup.Escape(ReportText.Label<TierChangeKindChoice>(c.Kind))}): {Markup.Escape(TerminalText.Safe(c.Reason))}");
            }
        }

        console.Write(tree);
        if (changed.Length < all.Length)
        {
            int hiddenChanges = report.TierChangeCount - listedChanges;
            int hiddenAccounts = all.Length - changed.Length;
            string what = $"account{(hiddenAccounts == 1 ? string.Empty : "s")} with {ReportText.Count(hiddenChanges)} tier change{(hiddenChanges == 1 ? string.Empty : "s")}";
            ConsoleText.WriteLines(console, [ConsoleText.More(hiddenAccounts, what)]);
        }
    }

    /// <summary>
    /// The rejected events grouped by reason (the message with its figures as "…"), largest first: the count and reason,
    /// then the first example's event and message indented under it.
    /// </summary>
    private static void RenderRejections(RunReport report, IAnsiConsole console, int max, bool all)
    {
        if (report.Rejections.Count == 0 && report.RejectionGroups.Count == 0)
        {
            return;
        }

        long total = Math.Max(report.Statistics.EventsRejected, report.Rejections.Count);
        IReadOnlyList<RejectionGroup> groups = report.RejectionReasons();
        console.WriteLine();
        console.Write(new Rule($"Rejected events ({ReportText.Count(total)}) for {ReportText.Count(groups.Count)} {(groups.Count == 1 ? "reason" : "reasons")}").LeftJustified());
        RejectionGroup[] shown = groups.Take(max).ToArray();
        foreach (RejectionGroup g in shown)
        {
            // One example per reason; every kept example with --all.
            ConsoleText.WriteParagraph(console, $"{ReportText.Count(g.Count)} × {g.Reason}", string.Empty);
            foreach (RejectedEvent e in all ? g.Examples : g.Examples.Take(1))
            {
                ConsoleText.WriteIndented(console, $"e.g. {e.Event}: {e.Message}");
            }
        }

        var notes = new List<string>();
        if (groups.Count > shown.Length)
        {
            int hidden = groups.Count - shown.Length;
            notes.Add(ConsoleText.More(hidden, hidden == 1 ? "reason" : "reasons"));
        }

        if (report.RejectionGroups.Count == 0 && total > report.Rejections.Count)
        {
            notes.Add($"The reasons are those of the first {ReportText.Count(report.Rejections.Count)} rejected events; {ReportText.Count(total - report.Rejections.Count)} later ones are counted only.");
        }

        ConsoleText.WriteLines(console, notes);
    }

    private static void Row(Table table, string label, string value) => table.AddRow(Cell(label), Cell(value));

    private static Text Cell(string value) => new(value);
}
