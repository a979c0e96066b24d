using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using DataverseRelationship.Cli.Backtesting;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Replay;
using DataverseRelationship.Engine.Policies;
using Spectre.Console;

namespace DataverseRelationship.Cli.Commands;

/// <summary>
/// <c>backtest</c> measures whether the scores predicted what happened next on a data set's own history;
/// <c>calibrate</c> fits the churn-risk coefficients to it and writes a policy file.
/// </summary>
internal static class BacktestCommands
{
    private const string PathsDescription = "The data set: a Configuration Migration export (.zip), a folder of CSV files, or account/contact/opportunity .csv files. None: the built-in sample.";
    private const string BuiltInPolicy = "the built-in default policy";

    /// <summary>The <c>backtest</c> command.</summary>
    public static Command Backtest(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = PathsDescription, Arity = ArgumentArity.ZeroOrMore };
        var policy = PolicyOption("The policy (JSON) to score under. Default: the built-in policy (what the solution's default value selects).");
        var asOf = AsOfOption();
        var horizon = HorizonOption();
        var step = StepOption();
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples per interval (0: no intervals).", DefaultValueFactory = _ => 1000, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap (the same seed gives the same intervals).", DefaultValueFactory = _ => 15, HelpName = "N" };
        var churnBelow = ChurnBelowOption();
        var json = new Option<bool>("--json") { Description = "Write the results as JSON to standard output (no tables)." };
        var report = new Option<string>("--report") { Description = "Also write the results as a self-contained HTML page to this file.", HelpName = "FILE" };
        var solution = SolutionOption();
        var dates = ReplayCommandSupport.DatesOption();
        var command = new Command("backtest", "Score every account at past as-of dates with the engine, from its deals as known then, and measure the scores against what happened over the horizon after (won value, win rate, lost business, going quiet): Spearman correlations and churn AUC beside naive baselines, with bootstrap intervals. " + ExitCodes.Description)
        {
            paths, policy, asOf, horizon, step, resamples, seed, churnBelow, json, report, solution, dates,
        };
        command.SetAction(parse => ReplayCommandSupport.Guard(console, () =>
        {
            BacktestOptions options = Options(parse, asOf, horizon, step) with
            {
                Resamples = NotNegative("--resamples", parse.GetValue(resamples)),
                Seed = parse.GetValue(seed),
                ChurnBelow = Share("--churn-below", parse.GetValue(churnBelow)),
            };
            (RelationshipPolicy chosen, string source) = Policy(parse.GetValue(policy), console);
            OutputFile? htmlFile = parse.GetValue(report) is { } htmlPath ? OutputFile.Prepare("--report", htmlPath, console) : null;
            DataSet dataSet = Load(parse, paths, solution, dates, console);
            BacktestReport result = BacktestRun.Run(dataSet, chosen, source, options);
            htmlFile?.Write(w => BacktestHtmlRenderer.Render(result, w));

            if (parse.GetValue(json))
            {
                console.Out.WriteLine(BacktestRenderer.RenderJson(result));
            }
            else
            {
                BacktestRenderer.Render(result, console.Report);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The <c>calibrate</c> command.</summary>
    public static Command Calibrate(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = PathsDescription, Arity = ArgumentArity.ZeroOrMore };
        var policy = PolicyOption("The policy (JSON) whose churn coefficients are the starting point and the prior the fit is pulled towards; the rest of it is copied unchanged. Default: the built-in policy.");
        var output = new Option<string>("--out") { Description = "The policy file to write (JSON, for preview/compare --policy and the dvr_RelationshipPolicy environment variable).", DefaultValueFactory = _ => "calibrated-policy.json", HelpName = "FILE" };
        var horizon = HorizonOption();
        var step = new Option<int>("--step") { Description = "Months between as-of dates (the training period has every date whose horizon ends by the latest, held-out one).", DefaultValueFactory = _ => 3, HelpName = "MONTHS" };
        var churnBelow = ChurnBelowOption();
        var penalty = new Option<double>("--penalty") { Description = "Ridge penalty pulling each coefficient towards the policy's (0: none; larger: closer to the prior).", DefaultValueFactory = _ => 1.0, HelpName = "LAMBDA" };
        var solution = SolutionOption();
        var dates = ReplayCommandSupport.DatesOption();
        var command = new Command("calibrate", "Fit the churn-risk intercept and coefficients to the data set's own outcomes (regularised logistic regression on earlier as-of dates, the latest held out), print the held-out AUC before and after, and write the policy file. Refuses (exit code 2) when there are too few outcomes. " + ExitCodes.Description)
        {
            paths, policy, output, horizon, step, churnBelow, penalty, solution, dates,
        };
        command.SetAction(parse => ReplayCommandSupport.Guard(console, () =>
        {
            double lambda = parse.GetValue(penalty);
            if (lambda < 0 || double.IsNaN(lambda) || double.IsInfinity(lambda))
            {
                throw new BadInputException($"--penalty must be 0 or more (was {lambda.ToString(CultureInfo.InvariantCulture)}).");
            }

            var options = new BacktestOptions
            {
                HorizonMonths = Positive("--horizon", parse.GetValue(horizon)),
                StepMonths = Positive("--step", parse.GetValue(step)),
                ChurnBelow = Share("--churn-below", parse.GetValue(churnBelow)),
            };
            (RelationshipPolicy prior, string source) = Policy(parse.GetValue(policy), console);
            string file = parse.GetValue(output)!;
            OutputFile policyFile = OutputFile.Prepare("--out", file, console);
            DataSet dataSet = Load(parse, paths, solution, dates, console);
            IReadOnlyList<BacktestOrigin> origins = BacktestObservations.Observe(dataSet, BacktestRun.AsOfDates(dataSet, options), options.HorizonMonths, prior, options.ChurnBelow);
            CalibrationResult result;
            try
            {
                result = ChurnCalibration.Calibrate(origins, prior, options.HorizonMonths, lambda, options.Resamples, options.Seed);
            }
            catch (NotEnoughOutcomesException ex)
            {
                throw new BadInputException($"calibrate: {ex.Message}", ex);
            }

            string document = CompactPolicyJson.Write(result.Fitted);
            policyFile.Write(w => w.Write(document));
            CalibrationRenderer.Render(result, dataSet.Source, source, file, console.Report);
            if (document.Length > CompactPolicyJson.EnvironmentVariableLength)
            {
                console.Report.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Warning: the policy is {document.Length} characters; the dvr_RelationshipPolicy environment variable holds at most {CompactPolicyJson.EnvironmentVariableLength}, so shorten it (fewer changed fields) before putting it there."));
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Option<string> SolutionOption() => new("--solution")
    {
        Description = "The unpacked solution whose column ranges and lengths the data set is checked against at load. Default: solution/src of the repository around the current folder, else the copy built next to dvrel.",
        HelpName = "DIR",
    };

    /// <summary>The data set, checked against the solution's schema (the one the replay would run on) and the plausible years.</summary>
    private static DataSet Load(ParseResult parse, Argument<string[]> paths, Option<string> solution, Option<string> dates, CliConsole console)
    {
        string folder = ReplayCommandSupport.FindSolution(parse.GetValue(solution), console);
        return ReplayCommandSupport.LoadDataSet(parse.GetValue(paths) ?? [], console, ReplayCommandSupport.LoadOptions(parse.GetValue(dates), folder));
    }

    private static Option<string> PolicyOption(string description) => new("--policy") { Description = description, HelpName = "FILE" };

    private static Option<string[]> AsOfOption() => new("--as-of")
    {
        Description = "As-of dates (yyyy-MM-dd), one or more. Default: rolling origins from a year after the data set's first event, every --step months, while the horizon fits.",
        HelpName = "DATE",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };

    private static Option<decimal> ChurnBelowOption() => new("--churn-below")
    {
        Description = "The churn outcome: an account churned when it went quiet, or won less than this share of the previous period's won value over the horizon (above 0, at most 1).",
        DefaultValueFactory = _ => ChurnOutcome.DefaultChurnBelow,
        HelpName = "SHARE",
    };

    private static decimal Share(string option, decimal value) => value is > 0m and <= 1m
        ? value
        : throw new BadInputException(string.Create(CultureInfo.InvariantCulture, $"{option} must be above 0 and at most 1 (was {value})."));

    private static Option<int> HorizonOption() => new("--horizon") { Description = "Months after each as-of date over which outcomes are measured (and the baselines' period before it).", DefaultValueFactory = _ => 6, HelpName = "MONTHS" };

    private static Option<int> StepOption() => new("--step") { Description = "Months between the default as-of dates (horizons may overlap; intervals resample accounts, so an account's dates stay together).", DefaultValueFactory = _ => 3, HelpName = "MONTHS" };

    private static BacktestOptions Options(ParseResult parse, Option<string[]> asOf, Option<int> horizon, Option<int> step) => new()
    {
        HorizonMonths = Positive("--horizon", parse.GetValue(horizon)),
        StepMonths = Positive("--step", parse.GetValue(step)),
        AsOf = (parse.GetValue(asOf) ?? []).Select(AsOfDate.Parse).ToArray(),
    };

    private static (RelationshipPolicy Policy, string Source) Policy(string? path, CliConsole console) =>
        path is null ? (RelationshipPolicy.Default, BuiltInPolicy) : (PolicyChoice.FromFile(path, console.CurrentDirectory).Policy!, path);

    private static int Positive(string option, int value) => value >= 1 ? value : throw new BadInputException($"{option} must be 1 or more (was {value}).");

    private static int NotNegative(string option, int value) => value >= 0 ? value : throw new BadInputException($"{option} must be 0 or more (was {value}).");
}

/// <summary>Prints what <c>dvrel calibrate</c> fitted and wrote.</summary>
internal static class CalibrationRenderer
{
    /// <summary>The held-out AUC before and after, the coefficients, and where the policy went.</summary>
    public static void Render(CalibrationResult result, string dataSet, string policySource, string file, IAnsiConsole console)
    {
        console.WriteLine($"Calibrated churn risk on {dataSet}, starting from {policySource}.");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Training: as-of dates {string.Join(", ", result.TrainingDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}: {result.TrainingObservations} account observations, {result.TrainingChurned} churned. Held out: {result.HeldOutDate:yyyy-MM-dd}: {result.HeldOutObservations} accounts, {result.HeldOutChurned} churned. Left out (churn risk unknown): {result.Unknown}."));
        var auc = new Table().Border(TableBorder.Simple).Title("Churn AUC (0.5 = chance)");
        auc.AddColumn("Period").AddColumn(new TableColumn("Before").RightAligned()).AddColumn(new TableColumn("After").RightAligned());
        auc.AddRow("Held out " + result.HeldOutDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), BacktestRenderer.Cell(result.HeldOutAucBefore), BacktestRenderer.Cell(result.HeldOutAucAfter));
        auc.AddRow("Training", Number(result.TrainingAucBefore), Number(result.TrainingAucAfter));
        console.Write(auc);
        var coefficients = new Table().Border(TableBorder.Simple).Title("Coefficients");
        coefficients.AddColumn("Policy field").AddColumn(new TableColumn("Before").RightAligned()).AddColumn(new TableColumn("After").RightAligned());
        foreach (FittedCoefficient c in result.Coefficients)
        {
            coefficients.AddRow(c.Field, c.Before.ToString("0.0###", CultureInfo.InvariantCulture), c.After.ToString("0.0###", CultureInfo.InvariantCulture));
        }

        console.Write(coefficients);
        double? before = result.HeldOutAucBefore.Value;
        double? after = result.HeldOutAucAfter.Value;
        if (before is { } b && after is { } a && a < b)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warning: the fitted coefficients do worse on the held-out date ({a:0.00} against {b:0.00}); keep the current policy unless more data says otherwise."));
        }

        console.WriteLine($"Wrote {file} (policy version {result.Fitted.Version}): dvrel preview --policy {file}; in Dataverse, put its content in the dvr_RelationshipPolicy environment variable.");
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";
}
