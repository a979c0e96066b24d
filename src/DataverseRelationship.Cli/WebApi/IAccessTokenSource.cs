using System;
using System.Threading;
using System.Threading.Tasks;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>Where the bearer token for an environment comes from (MSAL sign-in, or a fixed token for the local Web API and tests).</summary>
public interface IAccessTokenSource
{
    /// <summary>An access token for the scope <c>{environment}/.default</c>.</summary>
    Task<string> GetTokenAsync(Uri environment, CancellationToken cancellationToken);
}

/// <summary>The same token every time: the local Web API accepts any bearer token (dvrel serve, tests).</summary>
public sealed class FixedTokenSource(string token) : IAccessTokenSource
{
    /// <summary>How many tokens were handed out.</summary>
    public int Issued { get; private set; }

    public Task<string> GetTokenAsync(Uri environment, CancellationToken cancellationToken)
    {
        Issued++;
        return Task.FromResult(token);
    }
}
