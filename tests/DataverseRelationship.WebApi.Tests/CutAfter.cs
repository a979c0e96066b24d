using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DataverseRelationship.WebApi.Tests;

/// <summary>The network going away after <paramref name="requests"/> requests (each later one fails as a reset connection).</summary>
internal sealed class CutAfter(int requests) : DelegatingHandler
{
    private int _sent;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _sent) > requests
            ? throw new HttpRequestException("The connection was reset (test).")
            : base.SendAsync(request, cancellationToken);
}
