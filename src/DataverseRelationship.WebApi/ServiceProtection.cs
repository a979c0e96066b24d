using System;
using System.Net;

namespace DataverseRelationship.WebApi;

/// <summary>
/// Service protection limits on demand: the next N requests are refused with 429 Too Many Requests (or 503) and a
/// Retry-After header, as Dataverse refuses a client past its limits
/// (https://learn.microsoft.com/power-apps/developer/data-platform/api-limits#retry-operations). Tests use it to
/// check that clients wait and retry; by default nothing is refused.
/// </summary>
public sealed class ServiceProtection
{
    private readonly object _gate = new();
    private int _remaining;
    private int _every;
    private long _seen;

    /// <summary>The wait the refusals ask for (whole seconds in the header).</summary>
    public TimeSpan RetryAfter { get; private set; } = TimeSpan.FromSeconds(1);

    /// <summary>The status of a refusal: 429 (the limits) or 503 (the service busy).</summary>
    public HttpStatusCode Status { get; private set; } = HttpStatusCode.TooManyRequests;

    /// <summary>How many requests were refused so far.</summary>
    public int Refused { get; private set; }

    /// <summary>Refuses the next <paramref name="count"/> requests.</summary>
    public void RefuseNext(int count, TimeSpan retryAfter, HttpStatusCode status = HttpStatusCode.TooManyRequests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _remaining = count;
            _every = 0;
            RetryAfter = retryAfter;
            Status = status;
        }
    }

    /// <summary>Refuses every <paramref name="every"/>th request from now on (0 stops).</summary>
    public void RefuseEvery(int every, TimeSpan retryAfter, HttpStatusCode status = HttpStatusCode.TooManyRequests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(every);
        lock (_gate)
        {
            _every = every;
            _remaining = 0;
            _seen = 0;
            RetryAfter = retryAfter;
            Status = status;
        }
    }

    /// <summary>Whether this request is refused (counts it).</summary>
    internal bool Refuse()
    {
        lock (_gate)
        {
            _seen++;
            bool refuse = _remaining > 0 || (_every > 0 && _seen % _every == 0);
            if (_remaining > 0)
            {
                _remaining--;
            }

            if (refuse)
            {
                Refused++;
            }

            return refuse;
        }
    }
}
