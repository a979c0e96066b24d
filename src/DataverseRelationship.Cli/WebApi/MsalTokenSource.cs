using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.Extensions.Msal;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>
/// Signs in with MSAL as pac does: a service principal when PAC_APPLICATION_ID, PAC_CLIENT_SECRET and PAC_TENANT_ID are
/// set (client credentials), otherwise a person through the device code flow, with the token cache kept in the
/// operating system's protected store (Microsoft.Identity.Client.Extensions.Msal) where one is available. The scope is
/// <c>{environment}/.default</c> (https://learn.microsoft.com/power-apps/developer/data-platform/authenticate-oauth).
/// </summary>
public sealed class MsalTokenSource : IAccessTokenSource
{
    /// <summary>The application id people sign in with when DVR_CLIENT_ID is not set: the public client Microsoft's Dataverse samples register.</summary>
    public const string DefaultPublicClientId = "51f81489-12ee-4a9e-aaae-a2591f45987d";

    private readonly Func<string, string?> _variables;
    private readonly TextWriter _prompts;
    private IConfidentialClientApplication? _confidential;
    private IPublicClientApplication? _public;

    /// <param name="variables">Reads an environment variable (Environment.GetEnvironmentVariable).</param>
    /// <param name="prompts">Where the device code sign-in instructions go (standard error).</param>
    public MsalTokenSource(Func<string, string?> variables, TextWriter prompts)
    {
        _variables = variables ?? throw new ArgumentNullException(nameof(variables));
        _prompts = prompts ?? throw new ArgumentNullException(nameof(prompts));
    }

    /// <summary>True when the three PAC_* variables name a service principal.</summary>
    public bool UsesServicePrincipal => !string.IsNullOrWhiteSpace(_variables("PAC_APPLICATION_ID"))
        && !string.IsNullOrWhiteSpace(_variables("PAC_CLIENT_SECRET"))
        && !string.IsNullOrWhiteSpace(_variables("PAC_TENANT_ID"));

    public async Task<string> GetTokenAsync(Uri environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string[] scopes = [new Uri(environment, "/.default").ToString()];
        if (UsesServicePrincipal)
        {
            _confidential ??= ConfidentialClientApplicationBuilder.Create(_variables("PAC_APPLICATION_ID"))
                .WithClientSecret(_variables("PAC_CLIENT_SECRET"))
                .WithTenantId(_variables("PAC_TENANT_ID"))
                .Build();
            AuthenticationResult app = await _confidential.AcquireTokenForClient(scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return app.AccessToken;
        }

        _public ??= await PublicClient(cancellationToken).ConfigureAwait(false);
        IEnumerable<IAccount> accounts = await _public.GetAccountsAsync().ConfigureAwait(false);
        if (accounts.FirstOrDefault() is { } account)
        {
            try
            {
                return (await _public.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken).ConfigureAwait(false)).AccessToken;
            }
            catch (MsalUiRequiredException)
            {
                // The cached sign-in has expired or needs consent: sign in again below.
            }
        }

        AuthenticationResult person = await _public.AcquireTokenWithDeviceCode(scopes, code =>
        {
            _prompts.WriteLine(code.Message);
            return Task.CompletedTask;
        }).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return person.AccessToken;
    }

    private async Task<IPublicClientApplication> PublicClient(CancellationToken cancellationToken)
    {
        string tenant = _variables("PAC_TENANT_ID") is { Length: > 0 } t ? t : "organizations";
        IPublicClientApplication app = PublicClientApplicationBuilder.Create(_variables("DVR_CLIENT_ID") is { Length: > 0 } id ? id : DefaultPublicClientId)
            .WithTenantId(tenant)
            .WithDefaultRedirectUri()
            .Build();
        cancellationToken.ThrowIfCancellationRequested();
        string folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "dvrel");
        StorageCreationProperties storage = new StorageCreationPropertiesBuilder("msal.cache", folder)
            .WithLinuxKeyring("dvrel.tokencache", MsalCacheHelper.LinuxKeyRingDefaultCollection, "dvrel token cache", new KeyValuePair<string, string>("Version", "1"), new KeyValuePair<string, string>("Product", "dvrel"))
            .WithMacKeyChain("dvrel", "token-cache")
            .Build();
        try
        {
            MsalCacheHelper cache = await MsalCacheHelper.CreateAsync(storage).ConfigureAwait(false);
            cache.VerifyPersistence();
            cache.RegisterCache(app.UserTokenCache);
        }
        catch (MsalCachePersistenceException ex)
        {
            // No protected store (a Linux machine without a keyring): sign-ins last for this run only.
            _prompts.WriteLine($"dvrel: the token cache is not kept ({ex.Message}); you will be asked to sign in on every run.");
        }

        return app;
    }
}
