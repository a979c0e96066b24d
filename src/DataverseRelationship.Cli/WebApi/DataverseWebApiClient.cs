using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>
/// The Dataverse Web API (OData v4 over HTTPS) at <c>{environment}/api/data/v9.2/</c> with HttpClient: a bearer token
/// from <see cref="IAccessTokenSource"/> on every request, the OData headers
/// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors#http-headers),
/// bounded retries of 429/503 after Retry-After (<see cref="ServiceProtectionRetry"/>), server-driven paging with
/// <c>Prefer: odata.maxpagesize</c> and <c>@odata.nextLink</c>, and errors as <see cref="DataverseWebApiException"/>.
/// JSON property names are sent and read exactly as Dataverse spells them.
/// </summary>
public sealed class DataverseWebApiClient : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="environment">The environment URL, e.g. https://contoso.crm.dynamics.com.</param>
    /// <param name="tokens">Where bearer tokens come from.</param>
    /// <param name="transport">The HTTP transport (null: sockets; tests pass the TestServer's handler).</param>
    /// <param name="retry">How refusals are retried.</param>
    /// <param name="notice">Told of every retry (progress on standard error).</param>
    public DataverseWebApiClient(Uri environment, IAccessTokenSource tokens, HttpMessageHandler? transport = null, RetrySettings? retry = null, Action<RetryNotice>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(tokens);
        Environment = environment;
        var bearer = new BearerToken(environment, tokens) { InnerHandler = transport ?? new SocketsHttpHandler() };
        var retries = new ServiceProtectionRetry(retry ?? new RetrySettings(), notice) { InnerHandler = bearer };
        _http = new HttpClient(retries, disposeHandler: true)
        {
            BaseAddress = new Uri(environment, "/api/data/v9.2/"),
            Timeout = TimeSpan.FromMinutes(5),
        };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        _http.DefaultRequestHeaders.Add("OData-Version", "4.0");
    }

    /// <summary>The environment's URL.</summary>
    public Uri Environment { get; }

    /// <summary>Requests made (a retried request counts once).</summary>
    public int RequestsSent { get; private set; }

    /// <summary>GET a resource (a path under /api/data/v9.2/, or an absolute @odata.nextLink).</summary>
    public async Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken, int? maxPageSize = null, bool lookupAnnotations = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var prefer = new List<string>();
        if (maxPageSize is { } size)
        {
            prefer.Add(string.Create(CultureInfo.InvariantCulture, $"odata.maxpagesize={size}"));
        }

        if (lookupAnnotations)
        {
            prefer.Add("odata.include-annotations=\"Microsoft.Dynamics.CRM.lookuplogicalname\"");
        }

        if (prefer.Count > 0)
        {
            request.Headers.Add("Prefer", string.Join(",", prefer));
        }

        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET a single row, or null when it does not exist (404).</summary>
    public async Task<JsonObject?> FindAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (DataverseWebApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The rows of a query, page by page (each page's rows and the link to the next one, null on the last).</summary>
    public async IAsyncEnumerable<(JsonArray Rows, string? NextLink)> PagesAsync(string path, int maxPageSize, bool lookupAnnotations, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? next = path;
        while (next is not null)
        {
            JsonObject page = await GetAsync(next, cancellationToken, maxPageSize, lookupAnnotations).ConfigureAwait(false);
            next = page["@odata.nextLink"]?.GetValue<string>();
            if (next is not null && (!Uri.TryCreate(next, UriKind.Absolute, out Uri? link) || link.Authority != Environment.Authority))
            {
                // The bearer token goes only to the environment it was issued for.
                throw new DataverseWebApiException(HttpStatusCode.OK, null, $"@odata.nextLink '{next}' does not point into {Environment}; not followed.", "GET " + path);
            }

            yield return (page["value"] as JsonArray ?? [], next);
        }
    }

    /// <summary>POST an action (unbound: its name; bound: set(id)/Microsoft.Dynamics.CRM.name) with its parameters.</summary>
    public async Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RequestsSent++;
        using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string what = $"{request.Method} {request.RequestUri}";
        JsonObject? json = null;
        try
        {
            json = text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page): reported below with the status.
        }

        if (response.IsSuccessStatusCode && json is not null)
        {
            return json;
        }

        JsonNode? error = json?["error"];
        string message = error?["message"]?.GetValue<string>() ?? (text.Length > 300 ? text[..300] : text);
        throw new DataverseWebApiException(response.StatusCode, error?["code"]?.GetValue<string>(), string.IsNullOrWhiteSpace(message) ? response.ReasonPhrase ?? response.StatusCode.ToString() : message, what);
    }

    /// <summary>Puts a fresh bearer token on every request (retries included, so an expired one is replaced).</summary>
    private sealed class BearerToken(Uri environment, IAccessTokenSource tokens) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(environment, cancellationToken).ConfigureAwait(false));
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
