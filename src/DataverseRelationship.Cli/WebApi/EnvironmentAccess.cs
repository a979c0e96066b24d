using System;
using System.IO;
using System.Net.Http;
using DataverseRelationship.Cli.Commands;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>
/// How dvrel reaches an environment given by <c>--environment URL</c>: the token source (MSAL for Dataverse; a fixed
/// token for a loopback URL, which is the local Web API of dvrel serve), the HTTP transport and the retry settings.
/// Tests replace the transport with the in-process local Web API and the token source with a fake.
/// </summary>
public sealed class EnvironmentAccess
{
    /// <summary>The token source for an environment URL; the prompts writer receives device code instructions.</summary>
    public Func<Uri, TextWriter, IAccessTokenSource> Tokens { get; init; } = DefaultTokens;

    /// <summary>The HTTP transport, or null for sockets.</summary>
    public Func<HttpMessageHandler>? Transport { get; init; }

    public RetrySettings Retry { get; init; } = new();

    /// <summary>The access dvrel uses from the shell.</summary>
    public static EnvironmentAccess Default { get; } = new();

    /// <summary>A client for the URL of <c>--environment</c>; a URL that is not an environment's fails as bad input.</summary>
    public DataverseWebApiClient Connect(string? url, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        Uri environment = Parse(url);
        return new DataverseWebApiClient(
            environment,
            Tokens(environment, progress),
            Transport?.Invoke(),
            Retry,
            n => progress.WriteLine($"dvrel: {(int)n.Status} {n.Status} from the environment; retry {n.Retry} in {n.Wait.TotalSeconds:0.#} s (Retry-After)."));
    }

    /// <summary>The environment URL: https, or http on a loopback address (the local Web API).</summary>
    public static Uri Parse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new BadInputException("--environment is required: give the environment URL, e.g. https://contoso.crm.dynamics.com.");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            || uri.AbsolutePath.Trim('/').Length > 0 && !uri.AbsolutePath.StartsWith("/api/data", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadInputException($"--environment '{url}': give the environment URL, e.g. https://contoso.crm.dynamics.com (http only for a loopback address such as dvrel serve's).");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    private static IAccessTokenSource DefaultTokens(Uri environment, TextWriter prompts) =>
        environment.IsLoopback && environment.Scheme == Uri.UriSchemeHttp
            ? new FixedTokenSource("local")
            : new MsalTokenSource(System.Environment.GetEnvironmentVariable, prompts);
}
