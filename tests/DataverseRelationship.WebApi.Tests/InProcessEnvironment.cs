using System;
using System.Net.Http;
using System.Threading.Tasks;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Replay;
using DataverseRelationship.Cli.Tests.Commands;
using DataverseRelationship.Cli.WebApi;
using DataverseRelationship.Plugins.Opportunities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.WebApi.Tests;

/// <summary>
/// The local Web API on ASP.NET Core's TestServer (real HTTP requests and responses, in-process), and dvrel runs
/// whose environment is it: the URL is a Dataverse-like https URL, the token a fixed one.
/// </summary>
public sealed class InProcessEnvironment : IAsyncDisposable
{
    /// <summary>The URL the commands are given (the TestServer answers whatever the host).</summary>
    public const string Url = "https://contoso.crm.dynamics.com";

    private readonly WebApplication _app;
    private readonly TestServer _server;

    private InProcessEnvironment(LocalWebApi api, WebApplication app)
    {
        Api = api;
        _app = app;
        _server = app.GetTestServer();
    }

    public LocalWebApi Api { get; }

    public LocalDataverseInstance Dataverse => Api.Dataverse;

    /// <summary>The tokens the commands were given.</summary>
    public FixedTokenSource Tokens { get; } = new("test-token");

    /// <summary>A handler between the client and the server (null: none), e.g. to cut the connection after N requests.</summary>
    public Func<HttpMessageHandler, HttpMessageHandler>? Wrap { get; set; }

    /// <summary>Retry settings for the commands; refusals in tests ask for 0 or 1 s.</summary>
    public RetrySettings Retry { get; set; } = new() { FallbackDelay = TimeSpan.FromMilliseconds(10) };

    /// <summary>The unpacked solution of the repository.</summary>
    public static string SolutionFolder { get; } = SolutionLocation.Resolve(null, Environment.CurrentDirectory, AppContext.BaseDirectory);

    /// <summary>A local Dataverse with the solution and no data, its deployment complete, behind the API.</summary>
    public static Task<InProcessEnvironment> EmptyAsync() =>
        StartAsync(LocalWebApi.ForSolution(LocalDataverseInstance.FromSolution(SolutionFolder, typeof(AssessDealOnSave).Assembly), SolutionFolder));

    /// <summary>A data set replayed through the plugins behind the API.</summary>
    public static Task<InProcessEnvironment> WithAsync(DataSet dataSet) => StartAsync(LocalEnvironment.Create(dataSet, SolutionFolder));

    public static async Task<InProcessEnvironment> StartAsync(LocalWebApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        WebApplication app = api.CreateApplication(b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return new InProcessEnvironment(api, app);
    }

    /// <summary>How the commands reach this environment.</summary>
    public EnvironmentAccess Access => new()
    {
        Tokens = (_, _) => Tokens,
        Transport = () => Wrap is null ? _server.CreateHandler() : Wrap(_server.CreateHandler()),
        Retry = Retry,
    };

    /// <summary>A client of this environment (protocol tests).</summary>
    public DataverseWebApiClient Client(Action<RetryNotice>? notice = null) =>
        new(new Uri(Url), Tokens, Wrap is null ? _server.CreateHandler() : Wrap(_server.CreateHandler()), Retry, notice);

    /// <summary>A raw HttpClient on the server, for what the dvrel client never sends (no token, odd queries).</summary>
    public HttpClient RawClient() => new(_server.CreateHandler()) { BaseAddress = new Uri(Url + LocalWebApi.BasePath) };

    /// <summary>Runs dvrel reaching this environment.</summary>
    public CommandRun Run(params string[] args) => CommandRun.In(Environment.CurrentDirectory, Access, args);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Api.Dispose();
    }
}
