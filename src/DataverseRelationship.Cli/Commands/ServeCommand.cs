using System.CommandLine;
using System.Globalization;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.WebApi;
using DataverseRelationship.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace DataverseRelationship.Cli.Commands;

/// <summary>dvrel serve: the local Web API on loopback over the sample (or a data set), to try pull, recalculate and verify without an environment.</summary>
internal static class ServeCommand
{
    public static Command Serve(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "The data set to serve (as for preview). None: the built-in sample.", Arity = ArgumentArity.ZeroOrMore };
        var port = new Option<int>("--port") { Description = "The loopback port to listen on.", DefaultValueFactory = _ => 5555, HelpName = "PORT" };
        var solution = new Option<string>("--solution") { Description = "The unpacked solution whose steps and Custom APIs run. Default: solution/src of the repository around the current folder, else the copy built next to dvrel.", HelpName = "DIR" };
        var dates = ReplayCommandSupport.DatesOption();
        var command = new Command("serve", "Serve the local Web API on http://127.0.0.1:PORT over the sample (or a data set) replayed through the real plugins, until Ctrl+C. Then: dvrel pull|recalculate|verify --environment http://127.0.0.1:PORT. " + ExitCodes.Description)
        {
            paths, port, solution, dates,
        };
        command.SetAction(parse => ReplayCommandSupport.Guard(console, () =>
        {
            int listen = parse.GetValue(port);
            if (listen is < 1 or > 65535)
            {
                throw new BadInputException($"--port must be between 1 and 65535 (was {listen}).");
            }

            string folder = ReplayCommandSupport.FindSolution(parse.GetValue(solution), console);
            DataSet dataSet = ReplayCommandSupport.LoadDataSet(parse.GetValue(paths) ?? [], console, ReplayCommandSupport.LoadOptions(parse.GetValue(dates), folder));
            console.Error.WriteLine($"serve: replaying {dataSet.Source} through the plugins...");
            using LocalWebApi api = LocalEnvironment.Create(dataSet, folder);
            string url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{listen}");
            using WebApplication app = api.CreateApplication(b => b.WebHost.UseUrls(url));
            app.Start();
            console.Out.WriteLine($"Serving {dataSet.Source} ({api.Dataverse.Count("account")} accounts) at {url}{LocalWebApi.BasePath} until Ctrl+C. Try:");
            console.Out.WriteLine($"  dvrel pull --environment {url} --out pulled/ && dvrel preview pulled/");
            console.Out.WriteLine($"  dvrel recalculate --environment {url}");
            console.Out.WriteLine($"  dvrel verify --environment {url}");
            app.WaitForShutdown();
            return ExitCodes.Success;
        }));
        return command;
    }
}
