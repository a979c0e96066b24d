using System;
using System.Net;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>A request the environment refused: the HTTP status, Dataverse's error code and message, and the request.</summary>
public sealed class DataverseWebApiException : Exception
{
    public DataverseWebApiException()
        : this("The environment refused the request.")
    {
    }

    public DataverseWebApiException(string message)
        : base(message)
    {
    }

    public DataverseWebApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DataverseWebApiException(HttpStatusCode status, string? code, string message, string request)
        : base(message)
    {
        Status = status;
        Code = code;
        Request = request;
    }

    /// <summary>The response's status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Dataverse's error code (0x80040217), when the body had one.</summary>
    public string? Code { get; }

    /// <summary>The method and path of the request.</summary>
    public string Request { get; } = string.Empty;
}
