using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DataverseRelationship.Cli.WebApi;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.Plugins.Opportunities;
using Microsoft.Identity.Client;
using Spectre.Console;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.Cli.Commands;

/// <summary>
/// The commands that work against an environment over the Dataverse Web API: <c>pull</c> (its data into the CSV
/// layout preview reads), <c>recalculate</c> (every account, or one, through the solution's Custom APIs) and
/// <c>verify</c> (the deployment is complete and healthy). docs/web-api.md describes them.
/// </summary>
internal static class EnvironmentCommands
{
    private const string EnvironmentDescription = "The environment URL, e.g. https://contoso.crm.dynamics.com. Sign-in: a service principal from PAC_APPLICATION_ID, PAC_CLIENT_SECRET and PAC_TENANT_ID when set, else device code. An http://127.0.0.1 URL is dvrel serve's local Web API.";

    public static Command Pull(CliConsole console, EnvironmentAccess access)
    {
        var environment = EnvironmentOption();
        var output = new Option<string>("--out") { Description = "The folder to write account.csv, contact.csv and opportunity.csv into (created if needed). An interrupted pull into the same folder resumes.", HelpName = "FOLDER", Required = true };
        var pageSize = new Option<int>("--page-size") { Description = "Rows per page (Prefer: odata.maxpagesize, 1 to 5000).", DefaultValueFactory = _ => 5000, HelpName = "N" };
        var allowMissing = new Option<bool>("--allow-missing-columns") { Description = "Pull the columns the environment has when some are missing (they are listed), instead of failing." };
        var command = new Command("pull", "Read the accounts, contacts and opportunities of an environment into CSV files that preview and compare read: dvrel preview FOLDER runs the rules on live data. Progress on standard error. " + ExitCodes.Description)
        {
            environment, output, pageSize, allowMissing,
        };
        command.SetAction(parse => Guard(console, async ct =>
        {
            int size = PageSize(parse.GetValue(pageSize));

            string folder = System.IO.Path.GetFullPath(parse.GetValue(output)!, console.CurrentDirectory);
            using DataverseWebApiClient client = access.Connect(parse.GetValue(environment), console.Error);
            var pull = new EnvironmentPull(client, console.Error) { PageSize = size, AllowMissingColumns = parse.GetValue(allowMissing) };
            PullResult result = await pull.RunAsync(folder, ct).ConfigureAwait(false);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Pulled {string.Join(", ", result.Rows.Select(r => $"{r.Value:#,##0} {r.Key} rows"))} from {client.Environment} into {folder}{(result.Resumed ? " (resumed)" : string.Empty)}."));
            console.Out.WriteLine($"Preview them: dvrel preview {folder}");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Recalculate(CliConsole console, EnvironmentAccess access)
    {
        var environment = EnvironmentOption();
        var account = new Option<string>("--account") { Description = "Recompute one account (its id) through the bound dvr_RecalculateAccount instead of all.", HelpName = "ID" };
        var fromToken = new Option<string>("--from-token") { Description = "Resume an interrupted run from the continuation token it printed.", HelpName = "TOKEN" };
        var pageSize = new Option<int>("--page-size") { Description = "Accounts per call of dvr_RecalculateAccounts (1 to 5000).", DefaultValueFactory = _ => 250, HelpName = "N" };
        var command = new Command("recalculate", "Recompute every active account of an environment page by page through the solution's dvr_RecalculateAccounts (after an import, or a bulk load that bypassed the plugins), or one account. " + ExitCodes.Description)
        {
            environment, account, fromToken, pageSize,
        };
        command.SetAction(parse => Guard(console, async ct =>
        {
            int size = PageSize(parse.GetValue(pageSize));

            string? one = parse.GetValue(account);
            Guid accountId = Guid.Empty;
            if (one is not null && !Guid.TryParse(one, out accountId))
            {
                throw new BadInputException($"--account '{one}' is not an account id (a GUID).");
            }

            if (one is not null && parse.GetValue(fromToken) is not null)
            {
                throw new BadInputException("--account and --from-token do not go together: one account has no pages.");
            }

            using DataverseWebApiClient client = access.Connect(parse.GetValue(environment), console.Error);
            var recalculation = new EnvironmentRecalculation(client, console.Error) { PageSize = size };
            if (one is not null)
            {
                bool changed = await recalculation.OneAsync(accountId, ct).ConfigureAwait(false);
                console.Out.WriteLine($"Recalculated account {accountId:D}: {(changed ? "its stored values changed" : "nothing changed")}.");
                return ExitCodes.Success;
            }

            RecalculationResult result = await recalculation.AllAsync(parse.GetValue(fromToken), ct).ConfigureAwait(false);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Recalculated {result.Processed:#,##0} accounts ({result.Changed:#,##0} changed) in {result.Pages} pages, {result.Elapsed.TotalSeconds:0.0} s."));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Verify(CliConsole console, EnvironmentAccess access)
    {
        var environment = EnvironmentOption();
        var solution = new Option<string>("--solution") { Description = "The unpacked solution to check against. Default: solution/src of the repository around the current folder, else the copy built next to dvrel.", HelpName = "DIR" };
        var parity = new Option<int>("--parity") { Description = "Also recompute the first N active accounts locally from the environment's data (inputs, stored results, deals, policy) and check the environment stores what the rules compute.", HelpName = "N" };
        var command = new Command("verify", "Check that an environment holds a complete, healthy deployment: the solution (version, managed), the plugin assembly and every step registered and enabled, the policy variable valid, connection references bound, flows on. Exit code 0 when all hold, 1 with a table of what failed and how to fix it, 2 for bad arguments.")
        {
            environment, solution, parity,
        };
        command.SetAction(parse => Guard(console, async ct =>
        {
            string folder = ReplayCommandSupport.FindSolution(parse.GetValue(solution), console);
            DeploymentManifest manifest = DeploymentManifest.Read(folder);
            IReadOnlyList<StepRegistration> steps = LocalDataverseInstance.FromSolution(folder, typeof(AssessDealOnSave).Assembly).Steps;
            using DataverseWebApiClient client = access.Connect(parse.GetValue(environment), console.Error);
            int parityAccounts = parse.GetValue(parity);
            if (parityAccounts < 0)
            {
                throw new BadInputException($"--parity must be 0 or more (was {parityAccounts}).");
            }

            var verification = new EnvironmentVerification(client, manifest, steps);
            List<DeploymentCheck> checks = [.. await verification.RunAsync(ct).ConfigureAwait(false)];
            if (parityAccounts > 0)
            {
                checks.AddRange(await new EnvironmentParity(client, folder).RunAsync(parityAccounts, verification.PolicyJson, ct).ConfigureAwait(false));
            }

            List<DeploymentCheck> failed = checks.Where(c => !c.Holds).ToList();
            if (failed.Count == 0)
            {
                console.Out.WriteLine($"{client.Environment}: the deployment of {manifest.UniqueName} {manifest.Version} is complete: {checks.Count} checks hold.");
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Component", "Name", "Problem", "Fix");
            foreach (DeploymentCheck check in failed)
            {
                table.AddRow(Markup.Escape(check.Component), Markup.Escape(check.Name), Markup.Escape(check.Finding), Markup.Escape(check.Fix));
            }

            console.Report.Write(table);
            console.Out.WriteLine($"{failed.Count} of {checks.Count} checks failed.");
            return ExitCodes.Failure;
        }));
        return command;
    }

    /// <summary>A --page-size within what Dataverse pages hold (1 to 5,000).</summary>
    private static int PageSize(int size) =>
        size is >= 1 and <= 5000 ? size : throw new BadInputException($"--page-size must be between 1 and 5000 (was {size}).");

    private static Option<string> EnvironmentOption() => new("--environment") { Description = EnvironmentDescription, HelpName = "URL", Required = true };

    /// <summary>Runs an asynchronous command body; errors of the environment or the sign-in are exit code 1 with their message.</summary>
    internal static int Guard(CliConsole console, Func<CancellationToken, Task<int>> body) => ReplayCommandSupport.Guard(console, () =>
    {
        try
        {
            return body(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (EnvironmentException ex)
        {
            return Fail(console, ex.Message);
        }
        catch (DataverseWebApiException ex)
        {
            return Fail(console, $"{ex.Request}: {(int)ex.Status} {ex.Status}{(ex.Code is null ? string.Empty : " " + ex.Code)}: {ex.Message}");
        }
        catch (MsalException ex)
        {
            return Fail(console, $"sign-in failed ({ex.ErrorCode}): {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            return Fail(console, $"the environment cannot be reached: {ex.Message}");
        }
        catch (DataverseRelationship.LocalDataverse.SolutionRegistrationException ex)
        {
            return Fail(console, ex.Message);
        }
    });

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine("dvrel: " + message);
        return ExitCodes.Failure;
    }
}
