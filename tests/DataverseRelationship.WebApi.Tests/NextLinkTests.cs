using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DataverseRelationship.Cli.WebApi;

namespace DataverseRelationship.WebApi.Tests;

/// <summary>The client sends its bearer token only to the environment it was given.</summary>
public sealed class NextLinkTests
{
    [Fact]
    public async Task A_next_link_to_another_host_is_not_followed()
    {
        using var client = new DataverseWebApiClient(new Uri(InProcessEnvironment.Url), new FixedTokenSource("secret"), new Answer("{\"value\":[],\"@odata.nextLink\":\"https://evil.example.com/api/data/v9.2/accounts?$skiptoken=x\"}"));
        var error = await Assert.ThrowsAsync<DataverseWebApiException>(async () =>
        {
            await foreach (var _ in client.PagesAsync("accounts?$select=name", 10, lookupAnnotations: false, CancellationToken.None))
            {
            }
        });
        Assert.Contains("evil.example.com", error.Message, StringComparison.Ordinal);
        Assert.Contains("not followed", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Answers every request with the same JSON.</summary>
    private sealed class Answer(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request });
    }
}
