using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>How the client retries a request Dataverse refused for its service protection limits.</summary>
public sealed record RetrySettings
{
    /// <summary>Retries after the first refusal of a request (then the refusal is the answer).</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>The wait before a retry when the refusal has no Retry-After header (doubling each time).</summary>
    public TimeSpan FallbackDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A Retry-After longer than this is not waited for: the refusal is the answer.</summary>
    public TimeSpan LongestWait { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Retries requests answered 429 Too Many Requests or 503 Service Unavailable after the Retry-After the response asks
/// for, a bounded number of times, with Polly's retry strategy. Dataverse asks clients to wait exactly that long
/// (https://learn.microsoft.com/power-apps/developer/data-platform/api-limits#retry-operations).
/// </summary>
internal sealed class ServiceProtectionRetry : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ServiceProtectionRetry(RetrySettings settings, Action<RetryNotice>? notice)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = settings.FallbackDelay,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && IsRefusal(r.StatusCode) && !(WaitOf(r) > settings.LongestWait)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? WaitOf(r) : null),
                OnRetry = args =>
                {
                    if (args.Outcome.Result is { } refused)
                    {
                        notice?.Invoke(new RetryNotice(refused.RequestMessage?.RequestUri, refused.StatusCode, args.RetryDelay, args.AttemptNumber + 1));
                        refused.Dispose();
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        return await _pipeline.ExecuteAsync(async token => await base.SendAsync(request, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private static bool IsRefusal(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>The Retry-After of a response (seconds or a date), or null when it has none.</summary>
    private static TimeSpan? WaitOf(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter.Date is { } date ? (date - DateTimeOffset.UtcNow) is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero : null;
    }
}

/// <summary>A request refused and about to be retried: which, why, after how long, the retry's number.</summary>
public sealed record RetryNotice(Uri? Request, HttpStatusCode Status, TimeSpan Wait, int Retry);
