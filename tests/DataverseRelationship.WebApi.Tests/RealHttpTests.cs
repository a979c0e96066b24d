using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Tests;
using DataverseRelationship.Cli.Tests.Commands;
using DataverseRelationship.Plugins.Opportunities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.WebApi.Tests;

/// <summary>The commands over real sockets: the local Web API on loopback Kestrel (as dvrel serve runs it), and a live environment when one is configured.</summary>
public sealed class RealHttpTests
{
    [Fact]
    public async Task Verify_reaches_the_local_web_api_on_loopback_with_the_default_access()
    {
        using LocalWebApi api = LocalWebApi.ForSolution(LocalDataverseInstance.FromSolution(InProcessEnvironment.SolutionFolder, typeof(AssessDealOnSave).Assembly), InProcessEnvironment.SolutionFolder);
        await using WebApplication app = api.CreateApplication(b => b.WebHost.UseUrls("http://127.0.0.1:0"));
        await app.StartAsync();
        string url = app.Urls.Single();
        CommandRun run = CommandRun.Of("verify", "--environment", url);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("checks hold", run.Output, StringComparison.Ordinal);
        Assert.True(api.Requests > 10);
    }

    /// <summary>
    /// Against a real environment, only when DVR_LIVE_URL and the service principal (PAC_APPLICATION_ID, PAC_CLIENT_SECRET,
    /// PAC_TENANT_ID) are set; otherwise skipped. Verify gives a verdict (0 or 1) and a pull loads as a data set.
    /// </summary>
    [SkippableFact]
    public void Against_a_live_environment_verify_gives_a_verdict_and_a_pull_loads()
    {
        string? url = Environment.GetEnvironmentVariable("DVR_LIVE_URL");
        bool credentials = new[] { "PAC_APPLICATION_ID", "PAC_CLIENT_SECRET", "PAC_TENANT_ID" }.All(v => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v)));
        Skip.If(string.IsNullOrWhiteSpace(url) || !credentials, "the live test needs DVR_LIVE_URL and PAC_APPLICATION_ID, PAC_CLIENT_SECRET, PAC_TENANT_ID (a service principal with access to that environment)");

        CommandRun verify = CommandRun.Of("verify", "--environment", url!);
        Assert.True(verify.ExitCode is ExitCodes.Success or ExitCodes.Failure, verify.Error);
        Assert.Contains("checks", verify.Output, StringComparison.Ordinal);

        using var folder = new TemporaryFolder();
        CommandRun pull = CommandRun.Of("pull", "--environment", url!, "--out", folder.Path);
        Assert.True(pull.ExitCode == ExitCodes.Success, pull.Error);
        DataSet pulled = DataSetLoader.Load([folder.Path]);
        Assert.Equal(File.ReadLines(Path.Combine(folder.Path, "account.csv")).Count() - 1, pulled.Counts.Accounts);
    }
}
