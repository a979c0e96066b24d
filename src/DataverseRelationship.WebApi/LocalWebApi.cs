using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DataverseRelationship.LocalDataverse;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.WebApi;

/// <summary>
/// The local Dataverse behind the Dataverse Web API at <c>/api/data/v9.2/</c>: entity sets with $select, $filter,
/// $orderby, $top and server-driven paging, single rows by key, bound and unbound Custom API actions, WhoAmI, the
/// table definitions dvrel reads, and service protection refusals on demand (<see cref="Protection"/>). Requests run
/// one at a time, as the local Dataverse's own operations do; the real plugins run behind every action.
/// docs/web-api.md lists the subset and the Microsoft Learn page each behaviour follows.
/// </summary>
public sealed partial class LocalWebApi : IDisposable
{
    /// <summary>The Web API path every request goes to (Dataverse's current version).</summary>
    public const string BasePath = "/api/data/v9.2/";

    /// <summary>The namespace bound actions are called with.</summary>
    public const string ActionNamespace = "Microsoft.Dynamics.CRM.";

    /// <summary>The most rows one page holds (and the default page size).</summary>
    public const int MaxPageSize = 5000;

    /// <summary>JSON as Dataverse writes it: names untouched, no escaping of &amp; or quotes beyond what JSON needs.</summary>
    private static readonly JsonSerializerOptions Writing = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly IReadOnlyDictionary<string, TableMetadata> _sets;
    private long _requests;

    public LocalWebApi(LocalDataverseInstance dataverse)
    {
        Dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        _sets = EntitySetNames.Index(dataverse.Schema);
    }

    /// <inheritdoc/>
    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>The local Dataverse the API serves.</summary>
    public LocalDataverseInstance Dataverse { get; }

    /// <summary>Refuses requests with 429 or 503 on demand.</summary>
    public ServiceProtection Protection { get; } = new();

    /// <summary>How many requests arrived (refused ones included).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>
    /// A Web API over <paramref name="dataverse"/> (loaded from <paramref name="solutionFolder"/>) with the deployment's
    /// system tables added (<see cref="DeploymentTables"/>), as a complete import of the solution leaves them.
    /// </summary>
    public static LocalWebApi ForSolution(LocalDataverseInstance dataverse, string solutionFolder)
    {
        ArgumentNullException.ThrowIfNull(dataverse);
        DeploymentTables.Install(dataverse, DeploymentManifest.Read(solutionFolder));
        return new LocalWebApi(dataverse);
    }

    /// <summary>An ASP.NET Core application serving the API; <paramref name="configure"/> picks the server (Kestrel URLs, TestServer).</summary>
    public WebApplication CreateApplication(Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        configure?.Invoke(builder);
        WebApplication app = builder.Build();
        app.Map("/api/data/{version}/{**path}", HandleAsync);
        app.Map("/api/data/{version}", HandleAsync);
        return app;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        HttpResponse response = context.Response;
        response.Headers["OData-Version"] = "4.0";
        if (Protection.Refuse())
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(Protection.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await WriteError(response, new WebApiException(Protection.Status, "0x80072322", "Number of requests exceeded the limit of 6000 over time window of 300 seconds.")).ConfigureAwait(false);
            return;
        }

        if (context.Request.RouteValues["version"] is not "v9.2" and not "v9.1" and not "v9.0")
        {
            await WriteError(response, new WebApiException(HttpStatusCode.NotFound, WebApiException.BadRequest, "The local Web API serves /api/data/v9.2/.")).ConfigureAwait(false);
            return;
        }

        // Every request carries an OAuth bearer token (https://learn.microsoft.com/power-apps/developer/data-platform/authenticate-oauth);
        // the local host accepts any, it has no identity provider.
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            response.Headers.WWWAuthenticate = "Bearer";
            await WriteError(response, new WebApiException(HttpStatusCode.Unauthorized, "0x80072560", "The request has no bearer token.")).ConfigureAwait(false);
            return;
        }

        await _oneAtATime.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            string path = context.Request.RouteValues["path"] as string ?? string.Empty;
            JsonObject body = await Route(context, path).ConfigureAwait(false);
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; odata.metadata=minimal";
            await response.WriteAsync(body.ToJsonString(Writing), context.RequestAborted).ConfigureAwait(false);
        }
        catch (WebApiException error)
        {
            await WriteError(response, error).ConfigureAwait(false);
        }
        catch (InvalidPluginExecutionException ex)
        {
            await WriteError(response, new WebApiException(HttpStatusCode.BadRequest, WebApiException.PluginRefused, ex.Message)).ConfigureAwait(false);
        }
        catch (DataverseFaultException ex)
        {
            HttpStatusCode status = ex.ErrorCode == PlatformErrorCodes.ObjectDoesNotExist ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest;
            await WriteError(response, new WebApiException(status, WebApiException.HexCode(ex.ErrorCode), ex.Message)).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<JsonObject> Route(HttpContext context, string path)
    {
        string method = context.Request.Method;
        string root = RootUrl(context.Request);
        if (path.Length == 0)
        {
            return ServiceDocument(root);
        }

        Match segment = SegmentPattern().Match(path);
        if (!segment.Success)
        {
            throw NotFound(path);
        }

        string name = segment.Groups["name"].Value;
        string? key = segment.Groups["key"].Success ? segment.Groups["key"].Value : null;
        string? rest = segment.Groups["rest"].Success ? segment.Groups["rest"].Value : null;
        if (name == "EntityDefinitions" && HttpMethods.IsGet(method))
        {
            return TableDefinitions.Read(Dataverse.Schema, key, rest, root, context.Request.Query["$select"].ToString());
        }

        if (name == "WhoAmI" && key is null && rest is null && HttpMethods.IsGet(method))
        {
            return new JsonObject
            {
                ["@odata.context"] = root + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse",
                ["BusinessUnitId"] = Dataverse.BusinessUnitId.ToString("D"),
                ["UserId"] = Dataverse.DefaultUserId.ToString("D"),
                ["OrganizationId"] = Dataverse.OrganizationId.ToString("D"),
            };
        }

        if (_sets.TryGetValue(name, out TableMetadata? table))
        {
            if (key is null && rest is null && HttpMethods.IsGet(method))
            {
                return Collection(context.Request, table, name, root);
            }

            Guid id = Guid.TryParse(key, out Guid parsed) ? parsed : throw new WebApiException($"'{key}' is not a GUID key of {name}.");
            if (rest is null && HttpMethods.IsGet(method))
            {
                return Single(context.Request, table, name, id, root);
            }

            if (rest is not null && rest.StartsWith(ActionNamespace, StringComparison.Ordinal) && HttpMethods.IsPost(method))
            {
                return await Action(context.Request, rest[ActionNamespace.Length..], new EntityReference(table.LogicalName, id), root).ConfigureAwait(false);
            }

            throw NotFound(path);
        }

        if (key is null && rest is null && HttpMethods.IsPost(method))
        {
            return await Action(context.Request, name, null, root).ConfigureAwait(false);
        }

        throw NotFound(path);
    }

    private JsonObject ServiceDocument(string root)
    {
        var sets = new JsonArray();
        foreach (string set in _sets.Keys.Order(StringComparer.Ordinal))
        {
            sets.Add(new JsonObject { ["name"] = set, ["kind"] = "EntitySet", ["url"] = set });
        }

        return new JsonObject { ["@odata.context"] = root + "$metadata", ["value"] = sets };
    }

    /// <summary>
    /// A page of rows. Server-driven paging (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/page-results):
    /// <c>Prefer: odata.maxpagesize=N</c> (at most 5,000, the default) is answered with <c>Preference-Applied</c> and,
    /// while rows remain, an <c>@odata.nextLink</c> carrying a <c>$skiptoken</c> paging cookie. <c>$top</c> limits the
    /// rows and turns paging off (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query-data-web-api).
    /// Without $orderby the rows come in primary key order, so pages are stable.
    /// </summary>
    private JsonObject Collection(HttpRequest request, TableMetadata table, string set, string root)
    {
        IQueryCollection q = request.Query;
        foreach (string option in q.Keys.Where(k => k.StartsWith('$')))
        {
            if (option is not ("$select" or "$filter" or "$top" or "$orderby" or "$skiptoken"))
            {
                throw new WebApiException($"The query option {option} is not implemented by the local Web API (docs/web-api.md lists those it is).");
            }
        }

        List<ColumnMetadata>? selected = Selected(table, q["$select"].ToString());
        var query = new QueryExpression(table.LogicalName) { ColumnSet = selected is null ? new ColumnSet(true) : new ColumnSet(selected.Select(c => c.LogicalName).ToArray()) };
        if (q["$filter"].ToString() is { Length: > 0 } filter)
        {
            query.Criteria = ODataFilter.Parse(table, filter);
        }

        foreach (string order in q["$orderby"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = order.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            ColumnMetadata column = ODataProperties.Column(table, parts[0]);
            query.AddOrder(column.LogicalName, parts.Length > 1 && parts[1] == "desc" ? OrderType.Descending : OrderType.Ascending);
        }

        if (query.Orders.Count == 0)
        {
            query.AddOrder(table.PrimaryIdColumn, OrderType.Ascending);
        }

        Preferences prefer = Preferences.Of(request);
        int page = 1;
        string? cookie = null;
        if (q["$top"].ToString() is { Length: > 0 } topText)
        {
            query.TopCount = int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out int top) && top > 0
                ? top
                : throw new WebApiException($"$top '{topText}' is not a positive whole number.");
        }
        else
        {
            if (q["$skiptoken"].ToString() is { Length: > 0 } token)
            {
                (page, cookie) = SkipToken.Read(token);
            }

            query.PageInfo = new PagingInfo { Count = prefer.MaxPageSize ?? MaxPageSize, PageNumber = page, PagingCookie = cookie };
        }

        EntityCollection rows = Dataverse.Service.RetrieveMultiple(query);
        var value = new JsonArray();
        foreach (Entity row in rows.Entities)
        {
            value.Add(RowJson.Write(table, row, selected, prefer.LookupAnnotations));
        }

        var json = new JsonObject
        {
            ["@odata.context"] = root + "$metadata#" + set + (selected is null ? string.Empty : "(" + string.Join(",", selected.Select(ODataProperties.Name)) + ")"),
            ["value"] = value,
        };
        if (prefer.MaxPageSize is { } size && query.TopCount is null)
        {
            request.HttpContext.Response.Headers["Preference-Applied"] = string.Create(CultureInfo.InvariantCulture, $"odata.maxpagesize={size}");
        }

        if (query.TopCount is null && rows.MoreRecords)
        {
            json["@odata.nextLink"] = NextLink(request, root, set, SkipToken.Write(page + 1, rows.PagingCookie));
        }

        return json;
    }

    private JsonObject Single(HttpRequest request, TableMetadata table, string set, Guid id, string root)
    {
        List<ColumnMetadata>? selected = Selected(table, request.Query["$select"].ToString());
        Entity row = Dataverse.Service.Retrieve(table.LogicalName, id, selected is null ? new ColumnSet(true) : new ColumnSet(selected.Select(c => c.LogicalName).ToArray()));
        JsonObject json = RowJson.Write(table, row, selected, Preferences.Of(request).LookupAnnotations);
        json.Insert(0, "@odata.context", root + "$metadata#" + set + "/$entity");
        return json;
    }

    /// <summary>
    /// A Custom API as an action (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/use-web-api-actions):
    /// unbound at <c>POST [root]/name</c>, bound at <c>POST [root]/set(id)/Microsoft.Dynamics.CRM.name</c> with the row as Target.
    /// </summary>
    private async Task<JsonObject> Action(HttpRequest request, string name, EntityReference? target, string root)
    {
        if (!Dataverse.CustomApis.TryGetValue(name, out CustomApiRegistration? api) || (api.BindingType == 0) != (target is null))
        {
            throw NotFound(target is null ? name : ActionNamespace + name);
        }

        JsonObject body = await ReadBody(request).ConfigureAwait(false);
        OrganizationRequest call = ActionParameters.Request(api, body);
        if (target is not null)
        {
            call.Parameters["Target"] = target;
        }

        OrganizationResponse result = Dataverse.Execute(call);
        var json = new JsonObject { ["@odata.context"] = root + "$metadata#Microsoft.Dynamics.CRM." + api.UniqueName + "Response" };
        ActionParameters.WriteResponse(result, json);
        return json;
    }

    private static async Task<JsonObject> ReadBody(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        string text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new WebApiException("The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new WebApiException($"The request body is not JSON ({ex.Message}).", ex);
        }
    }

    private static List<ColumnMetadata>? Selected(TableMetadata table, string select) =>
        select.Length == 0
            ? null
            : select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => ODataProperties.Column(table, p)).Distinct().ToList();

    private static string NextLink(HttpRequest request, string root, string set, string skipToken)
    {
        IEnumerable<string> kept = request.Query
            .Where(p => p.Key != "$skiptoken")
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value.ToString()));
        return root + set + "?" + string.Join("&", kept.Append("$skiptoken=" + Uri.EscapeDataString(skipToken)));
    }

    private static string RootUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";

    private static WebApiException NotFound(string path) =>
        new(HttpStatusCode.NotFound, WebApiException.ResourceNotFound, $"Resource not found for the segment '{path}'.");

    private static async Task WriteError(HttpResponse response, WebApiException error)
    {
        response.StatusCode = (int)error.Status;
        response.ContentType = "application/json; charset=utf-8";
        var json = new JsonObject { ["error"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message } };
        await response.WriteAsync(json.ToJsonString(Writing)).ConfigureAwait(false);
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_.]*)(\((?<key>[^)]*)\))?(/(?<rest>.+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();
}
