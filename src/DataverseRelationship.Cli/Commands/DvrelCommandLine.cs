using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using DataverseRelationship.Cli.Backtesting;
using DataverseRelationship.Cli.Comparison;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Replay;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Cli.WebApi;
using DataverseRelationship.Engine.Policies;

namespace DataverseRelationship.Cli.Commands;

/// <summary>
/// The dvrel command line: <c>preview</c> replays a data set (or the built-in sample) through the real plugins and
/// reports what they computed; <c>compare</c> replays it under two policies and reports the accounts that come out
/// differently. <see cref="Run(string[], CliConsole)"/> is the entry point (tests call it with their own <see cref="CliConsole"/>).
/// </summary>
public static class DvrelCommandLine
{
    private const string PathsDescription = "The data set: a Configuration Migration export (.zip), a folder of CSV files, or account/contact/opportunity .csv files. None: the built-in sample.";
    private const string SolutionDescription = "The unpacked solution (pac format) whose steps and Custom APIs run. Default: solution/src of the repository around the current folder, else the copy built next to dvrel.";
    private const string WidthDescription = "Lay the tables out for N columns. Default: the terminal's width; when standard output is redirected, COLUMNS if set, else 120.";
    private const string RecalculateDescription = "Days between runs of the scheduled recalculation (the solution's nightly flow at its 02:00 UTC occurrences, or dvr_RecalculateAccounts directly with --no-flows; nightly in production, so 1 is exact) as the replay clock advances; 0 runs it once, at the end only. Weekly by default, which keeps large replays fast.";

    /// <summary>Parses the arguments and runs the command; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, CliConsole console) => Run(args, console, EnvironmentAccess.Default);

    /// <summary>Runs the command with the given way of reaching environments (tests: the in-process local Web API).</summary>
    public static int Run(string[] args, CliConsole console, EnvironmentAccess access)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(access);
        RootCommand root = Build(console, access);
        ParseResult parsed = root.Parse(args);
        if (UnknownOption(parsed) is { } unknown)
        {
            string command = parsed.CommandResult.Command.Name;
            console.Error.WriteLine($"dvrel {command}: unknown option '{unknown}'.");
            console.Error.WriteLine($"Run 'dvrel {command} --help' for its options.");
            return ExitCodes.BadInput;
        }

        if (parsed.Errors.Count > 0)
        {
            foreach (ParseError error in parsed.Errors)
            {
                console.Error.WriteLine("dvrel: " + error.Message);
            }

            console.Error.WriteLine("Run 'dvrel --help' for the commands and options.");
            return ExitCodes.BadInput;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The root command with preview and compare, whose actions write to <paramref name="console"/>.</summary>
    public static RootCommand Build(CliConsole console) => Build(console, EnvironmentAccess.Default);

    /// <summary>The root command with every command; pull, recalculate and verify reach environments through <paramref name="access"/>.</summary>
    public static RootCommand Build(CliConsole console, EnvironmentAccess access)
    {
        var root = new RootCommand(
            "dvrel: preview the relationship rules on sample or exported data by running the real plugins in a local Dataverse. "
            + ExitCodes.Description);
        root.Add(Preview(console));
        root.Add(Compare(console));
        root.Add(EnvironmentCommands.Pull(console, access));
        root.Add(EnvironmentCommands.Recalculate(console, access));
        root.Add(EnvironmentCommands.Verify(console, access));
        root.Add(ServeCommand.Serve(console));
        root.Add(BacktestCommands.Backtest(console));
        root.Add(BacktestCommands.Calibrate(console));
        return root;
    }

    private static Command Preview(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = PathsDescription, Arity = ArgumentArity.ZeroOrMore };
        var policy = new Option<string>("--policy") { Description = "A policy document (JSON) to run under, put into the dvr_RelationshipPolicy environment variable. Default: the solution's default value. Examples next to dvrel: Sample/Policies/warn.json, strict.json.", HelpName = "FILE" };
        var solution = new Option<string>("--solution") { Description = SolutionDescription, HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON to standard output (no tables, no progress)." };
        var report = new Option<string>("--report") { Description = "Also write the self-contained HTML report to this file.", HelpName = "FILE" };
        var csv = new Option<string>("--csv") { Description = "Also write the accounts table (every account, every score, the explanation) as CSV to this file.", HelpName = "FILE" };
        var accounts = new Option<int>("--accounts") { Description = "Accounts listed in the console table (the rest are counted).", DefaultValueFactory = _ => 40, HelpName = "N" };
        var recalculate = new Option<int>("--recalculate-every") { Description = RecalculateDescription, DefaultValueFactory = _ => 7, HelpName = "DAYS" };
        var synthetic = new Option<string>("--synthetic") { Description = "Replay a generated data set instead (performance runs), e.g. 10000x1000000 for 10,000 accounts and 1,000,000 opportunities.", HelpName = "ACCOUNTSxOPPORTUNITIES" };
        var timings = new Option<bool>("--timings") { Description = "After the run, print the time spent per request and plugin step to standard error (where a large replay spends its time)." };
        var wide = new Option<bool>("--wide") { Description = "Show every column of the accounts table: also the eligible tier, the five scores, engagement, CLV and confidence (in continuation tables when the terminal is too narrow for one)." };
        var all = new Option<bool>("--all") { Description = "List every account, explanation, account at risk, tier change and kept rejected event (overrides --accounts)." };
        var asOf = AsOfOption();
        var noFlows = new Option<bool>("--no-flows") { Description = "Do not run the solution's cloud flows (solution/src/Workflows). By default the follow-up flow runs after each committed tier change and the nightly flow does the scheduled recalculation; the report shows the follow-up tasks per owner and week." };
        var width = WidthOption();
        var dates = ReplayCommandSupport.DatesOption();
        var command = new Command("preview", "Replay a data set (or the built-in sample) through the plugins and report tiers, health, the five scores, CLV, churn risk, explanations, tier timelines and deal verdicts. " + ExitCodes.Description)
        {
            paths, policy, solution, json, report, csv, accounts, recalculate, synthetic, timings, wide, all, asOf, noFlows, width, dates,
        };
        command.SetAction(parse => ReplayCommandSupport.Guard(console, () =>
        {
            int maxAccounts = parse.GetValue(accounts);
            int every = parse.GetValue(recalculate);
            RequireNotNegative("--accounts", maxAccounts);
            RequireNotNegative("--recalculate-every", every);
            ApplyWidth(parse.GetValue(width), console);
            string? policyPath = parse.GetValue(policy);
            PolicyChoice chosen = policyPath is null ? PolicyChoice.SolutionDefault : PolicyChoice.FromFile(policyPath, console.CurrentDirectory);
            string solutionFolder = ReplayCommandSupport.FindSolution(parse.GetValue(solution), console);
            OutputFile? htmlFile = parse.GetValue(report) is { } htmlPath ? OutputFile.Prepare("--report", htmlPath, console) : null;
            OutputFile? csvFile = parse.GetValue(csv) is { } csvPath ? OutputFile.Prepare("--csv", csvPath, console) : null;
            string[] given = parse.GetValue(paths) ?? [];
            DataSet dataSet = parse.GetValue(synthetic) is { } size
                ? Synthetic(size, given)
                : ReplayCommandSupport.LoadDataSet(given, console, ReplayCommandSupport.LoadOptions(parse.GetValue(dates), solutionFolder));
            bool asJson = parse.GetValue(json);
            var options = new ReplayOptions { SolutionFolder = solutionFolder, Policy = chosen, RecalculateEveryDays = every, CollectTimings = parse.GetValue(timings), RunFlows = !parse.GetValue(noFlows), AsOf = AsOf(parse, asOf) };
            RunReport result = ReplayCommandSupport.Replay(dataSet, options, console, "Replaying", quiet: asJson);
            RequireEventsBy(options.AsOf, result);
            if (htmlFile is not null)
            {
                // The backtest scores with the engine directly (no plugins), so the report can afford it.
                BacktestSection backtest = BacktestSection.For(dataSet, chosen.Policy ?? RelationshipPolicy.Default, chosen.Source, options.AsOf);
                htmlFile.Write(w => HtmlReportRenderer.Render(result, w, new HtmlReportOptions { Backtest = backtest }));
            }

            csvFile?.Write(w => AccountsCsv.Write(result.Accounts, w));

            if (asJson)
            {
                console.Out.WriteLine(JsonReportRenderer.Render(result));
            }
            else
            {
                ConsoleReportRenderer.Render(result, console.Report, new ConsoleReportOptions { MaxAccounts = maxAccounts, Wide = parse.GetValue(wide), All = parse.GetValue(all) });
            }

            foreach (StepTiming t in result.Timings)
            {
                console.Error.WriteLine(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{t.Total.TotalSeconds,10:0.000} s {t.Count,10:#,##0} × {t.AverageMilliseconds,9:0.000} ms  {t.What}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Compare(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = PathsDescription, Arity = ArgumentArity.ZeroOrMore };
        var policies = new Option<string[]>("--policy")
        {
            Description = "The policies to compare (JSON), given twice: A then B. Given once: the solution's default (A) against it (B).",
            HelpName = "FILE",
            Arity = ArgumentArity.OneOrMore,
        };
        var solution = new Option<string>("--solution") { Description = SolutionDescription, HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Write the comparison as JSON to standard output (no tables, no progress)." };
        var report = new Option<string>("--report") { Description = "Also write the HTML report of the run under policy B to this file.", HelpName = "FILE" };
        var recalculate = new Option<int>("--recalculate-every") { Description = RecalculateDescription, DefaultValueFactory = _ => 7, HelpName = "DAYS" };
        var asOf = AsOfOption();
        var width = WidthOption();
        var dates = ReplayCommandSupport.DatesOption();
        var command = new Command("compare", "Replay the same data set under two policies and report the accounts whose tier or health band changes, and why. " + ExitCodes.Description)
        {
            paths, policies, solution, json, report, recalculate, asOf, width, dates,
        };
        command.SetAction(parse => ReplayCommandSupport.Guard(console, () =>
        {
            int every = parse.GetValue(recalculate);
            RequireNotNegative("--recalculate-every", every);
            ApplyWidth(parse.GetValue(width), console);
            string[] files = parse.GetValue(policies) ?? [];
            if (files.Length is 0 or > 2)
            {
                throw new BadInputException($"compare needs --policy twice (A and B) or once (the solution default against it); got {files.Length}.");
            }

            PolicyChoice[] chosen = files.Select(f => PolicyChoice.FromFile(f, console.CurrentDirectory)).ToArray();
            PolicyChoice a = chosen.Length == 2 ? chosen[0] : PolicyChoice.SolutionDefault;
            PolicyChoice b = chosen[^1];
            string solutionFolder = ReplayCommandSupport.FindSolution(parse.GetValue(solution), console);
            OutputFile? htmlFile = parse.GetValue(report) is { } htmlPath ? OutputFile.Prepare("--report", htmlPath, console) : null;
            DataSet dataSet = ReplayCommandSupport.LoadDataSet(parse.GetValue(paths) ?? [], console, ReplayCommandSupport.LoadOptions(parse.GetValue(dates), solutionFolder));
            bool asJson = parse.GetValue(json);
            DateTime? until = AsOf(parse, asOf);
            RunReport reportA = ReplayCommandSupport.Replay(dataSet, new ReplayOptions { SolutionFolder = solutionFolder, Policy = a, RecalculateEveryDays = every, AsOf = until }, console, "Policy A", asJson);
            RunReport reportB = ReplayCommandSupport.Replay(dataSet, new ReplayOptions { SolutionFolder = solutionFolder, Policy = b, RecalculateEveryDays = every, AsOf = until }, console, "Policy B", asJson);
            RequireEventsBy(until, reportA);
            PolicyComparison comparison = PolicyComparison.Compare(a.Source, reportA, b.Source, reportB);
            htmlFile?.Write(w => HtmlReportRenderer.Render(reportB, w));

            if (asJson)
            {
                console.Out.WriteLine(ComparisonRenderer.RenderJson(comparison));
            }
            else
            {
                ComparisonRenderer.Render(comparison, console.Report);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Option<string> AsOfOption() => new("--as-of")
    {
        Description = "Replay only what had happened by this date (yyyy-MM-dd, 00:00 UTC) and report the scores as they stood then; the scheduled recalculation runs up to it.",
        HelpName = "DATE",
    };

    private static DateTime? AsOf(ParseResult parse, Option<string> option) => parse.GetValue(option) is { } text ? AsOfDate.Parse(text) : null;

    /// <summary>An --as-of date before the data set's first event leaves nothing to report: that is an error, not an empty report.</summary>
    private static void RequireEventsBy(DateTime? asOf, RunReport report)
    {
        RunStatistics s = report.Statistics;
        if (asOf is { } date && s.EventsReplayed + s.EventsRejected + s.EventsSkipped == 0)
        {
            throw new BadInputException($"--as-of {date:yyyy-MM-dd}: the data set ({report.DataSet}) has no event by then; nothing had happened yet.");
        }
    }

    private static DataSet Synthetic(string size, string[] paths)
    {
        if (paths.Length > 0)
        {
            throw new BadInputException("--synthetic replaces the data set: give no paths with it.");
        }

        string[] parts = size.Split('x', 'X');
        if (parts.Length != 2
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int accounts)
            || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long opportunities)
            || accounts < 1 || opportunities < 0)
        {
            throw new BadInputException($"--synthetic '{size}': give ACCOUNTSxOPPORTUNITIES, e.g. 10000x1000000 (at least one account).");
        }

        return Sample.SyntheticDataSet.Create(accounts, opportunities);
    }

    private static Option<int?> WidthOption() => new("--width") { Description = WidthDescription, HelpName = "N" };

    private static void ApplyWidth(int? columns, CliConsole console)
    {
        if (columns is not { } n)
        {
            return;
        }

        if (n is < CliConsole.MinWidth or > CliConsole.MaxWidth)
        {
            throw new BadInputException($"--width must be between {CliConsole.MinWidth} and {CliConsole.MaxWidth} (was {n}).");
        }

        console.UseWidth(n);
    }

    /// <summary>
    /// A token that looks like an option ("--bogus", "-x") but matched none, which System.CommandLine would otherwise
    /// hand to the paths argument (and the user would read "no such file or folder"). Tokens after "--" are paths.
    /// </summary>
    private static string? UnknownOption(ParseResult parsed)
    {
        var beforeDoubleDash = new HashSet<object>(parsed.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash), ReferenceEqualityComparer.Instance);
        return parsed.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Where(t => beforeDoubleDash.Contains(t) && t.Value.Length > 1 && t.Value[0] == '-')
            .Select(t => t.Value)
            .FirstOrDefault();
    }

    private static void RequireNotNegative(string option, int value)
    {
        if (value < 0)
        {
            throw new BadInputException($"{option} must be 0 or more (was {value}).");
        }
    }
}
