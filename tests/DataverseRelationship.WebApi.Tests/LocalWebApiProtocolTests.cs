using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DataverseRelationship.Cli.WebApi;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.WebApi.Tests;

/// <summary>The local Web API answers as the Dataverse Web API does for the subset the commands use.</summary>
public sealed class LocalWebApiProtocolTests
{
    private static async Task<InProcessEnvironment> WithAccounts(int count)
    {
        InProcessEnvironment environment = await InProcessEnvironment.EmptyAsync();
        for (int i = 0; i < count; i++)
        {
            environment.Dataverse.Seed(new Entity(AccountTable.LogicalName) { [AccountTable.Name] = $"Account {i:000}", [AccountTable.StateCode] = new OptionSetValue(i % 5 == 0 ? 1 : 0) });
        }

        return environment;
    }

    [Fact]
    public async Task Paging_with_maxpagesize_reads_every_row_once_through_nextLink()
    {
        await using InProcessEnvironment environment = await WithAccounts(23);
        using DataverseWebApiClient client = environment.Client();
        var ids = new List<string>();
        int pages = 0;
        await foreach ((JsonArray rows, string? next) in client.PagesAsync("accounts?$select=name", 5, lookupAnnotations: false, CancellationToken.None))
        {
            pages++;
            Assert.True(rows.Count <= 5);
            Assert.Equal(next is null, pages == 5);
            ids.AddRange(rows.Select(r => r!["accountid"]!.GetValue<string>()));
        }

        Assert.Equal(5, pages);
        Assert.Equal(23, ids.Count);
        Assert.Equal(23, ids.Distinct().Count());
    }

    [Fact]
    public async Task The_page_size_preference_is_acknowledged_and_capped_at_5000()
    {
        await using InProcessEnvironment environment = await WithAccounts(1);
        using HttpClient raw = environment.RawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "accounts?$select=name");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "x");
        request.Headers.Add("Prefer", "odata.maxpagesize=9000");
        using HttpResponseMessage response = await raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("odata.maxpagesize=5000", string.Join(",", response.Headers.GetValues("Preference-Applied")));
    }

    [Fact]
    public async Task Filter_combines_comparisons_with_and_or_and_parentheses()
    {
        await using InProcessEnvironment environment = await WithAccounts(20);
        using DataverseWebApiClient client = environment.Client();
        JsonObject active = await client.GetAsync("accounts?$select=name&$filter=statecode eq 0 and (name eq 'Account 001' or name ge 'Account 018')", CancellationToken.None);
        string[] names = active["value"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Account 001", "Account 018", "Account 019"], names);
        JsonObject inactive = await client.GetAsync("accounts?$select=name&$filter=statecode ne 0", CancellationToken.None);
        Assert.Equal(4, inactive["value"]!.AsArray().Count);
    }

    [Fact]
    public async Task Top_limits_the_rows_and_gives_no_next_link()
    {
        await using InProcessEnvironment environment = await WithAccounts(10);
        using DataverseWebApiClient client = environment.Client();
        JsonObject page = await client.GetAsync("accounts?$select=name&$top=3", CancellationToken.None, maxPageSize: 2);
        Assert.Equal(3, page["value"]!.AsArray().Count);
        Assert.Null(page["@odata.nextLink"]);
    }

    [Fact]
    public async Task Property_names_are_the_logical_names_and_lookups_are_value_properties()
    {
        await using InProcessEnvironment environment = await InProcessEnvironment.EmptyAsync();
        Guid contact = environment.Dataverse.Seed(new Entity(ContactTable.LogicalName) { [ContactTable.LastName] = "Ng" });
        Guid account = environment.Dataverse.Seed(new Entity(AccountTable.LogicalName) { [AccountTable.Name] = "Fabrikam", [AccountTable.CustomerSponsorId] = new EntityReference(ContactTable.LogicalName, contact) });
        using DataverseWebApiClient client = environment.Client();
        JsonObject row = await client.GetAsync($"accounts({account:D})?$select=name,_dvr_customersponsorid_value", CancellationToken.None, lookupAnnotations: true);
        Assert.Equal("Fabrikam", row["name"]!.GetValue<string>());
        Assert.Equal(contact.ToString("D"), row["_dvr_customersponsorid_value"]!.GetValue<string>());
        Assert.Equal("contact", row["_dvr_customersponsorid_value@Microsoft.Dynamics.CRM.lookuplogicalname"]!.GetValue<string>());
        Assert.Equal(account.ToString("D"), row["accountid"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_misspelt_or_miscased_column_is_refused_naming_it()
    {
        await using InProcessEnvironment environment = await WithAccounts(1);
        using DataverseWebApiClient client = environment.Client();
        var error = await Assert.ThrowsAsync<DataverseWebApiException>(() => client.GetAsync("accounts?$select=Name", CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("0x0", error.Code);
        Assert.Contains("'Name' on type 'Microsoft.Dynamics.CRM.account'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_entity_set_is_not_found_for_its_segment()
    {
        await using InProcessEnvironment environment = await WithAccounts(1);
        using DataverseWebApiClient client = environment.Client();
        var error = await Assert.ThrowsAsync<DataverseWebApiException>(() => client.GetAsync("Account", CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Equal("0x8006088a", error.Code);
        Assert.Equal("Resource not found for the segment 'Account'.", error.Message);
    }

    [Fact]
    public async Task A_request_without_a_bearer_token_is_unauthorized()
    {
        await using InProcessEnvironment environment = await WithAccounts(1);
        using HttpClient raw = environment.RawClient();
        using HttpResponseMessage response = await raw.GetAsync(new Uri("accounts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_row_is_not_found()
    {
        await using InProcessEnvironment environment = await WithAccounts(1);
        using DataverseWebApiClient client = environment.Client();
        Assert.Null(await client.FindAsync($"accounts({Guid.NewGuid():D})?$select=name", CancellationToken.None));
    }

    [Fact]
    public async Task Refused_requests_are_retried_after_the_wait_Retry_After_asks_for()
    {
        await using InProcessEnvironment environment = await WithAccounts(3);
        environment.Api.Protection.RefuseNext(2, TimeSpan.FromSeconds(1));
        var notices = new List<RetryNotice>();
        using DataverseWebApiClient client = environment.Client(notices.Add);
        JsonObject page = await client.GetAsync("accounts?$select=name", CancellationToken.None);
        Assert.Equal(3, page["value"]!.AsArray().Count);
        Assert.Equal(2, environment.Api.Protection.Refused);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], notices.Select(n => n.Wait));
        Assert.All(notices, n => Assert.Equal(HttpStatusCode.TooManyRequests, n.Status));
    }

    [Fact]
    public async Task A_busy_service_503_is_retried_too()
    {
        await using InProcessEnvironment environment = await WithAccounts(1);
        environment.Api.Protection.RefuseNext(1, TimeSpan.Zero, HttpStatusCode.ServiceUnavailable);
        using DataverseWebApiClient client = environment.Client();
        JsonObject page = await client.GetAsync("accounts?$select=name", CancellationToken.None);
        Assert.Single(page["value"]!.AsArray());
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_refusal_is_the_answer()
    {
        await using InProcessEnvironment environment = await WithAccounts(1);
        environment.Retry = new RetrySettings { MaxRetries = 2 };
        environment.Api.Protection.RefuseNext(10, TimeSpan.Zero);
        using DataverseWebApiClient client = environment.Client();
        var error = await Assert.ThrowsAsync<DataverseWebApiException>(() => client.GetAsync("accounts?$select=name", CancellationToken.None));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(3, environment.Api.Protection.Refused);
    }

    [Fact]
    public async Task Every_request_carries_a_token_from_the_token_source()
    {
        await using InProcessEnvironment environment = await WithAccounts(1);
        environment.Api.Protection.RefuseNext(1, TimeSpan.Zero);
        using DataverseWebApiClient client = environment.Client();
        await client.GetAsync("accounts?$select=name", CancellationToken.None);
        Assert.Equal(2, environment.Tokens.Issued);
    }
}
