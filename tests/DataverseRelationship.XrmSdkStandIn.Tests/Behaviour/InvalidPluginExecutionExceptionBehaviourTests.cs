using System;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Behaviour;

/// <summary>InvalidPluginExecutionException's defaults as behaviour.txt records.</summary>
public class InvalidPluginExecutionExceptionBehaviourTests
{
    [Fact]
    public void Parameterless_exception_has_the_default_message_status_and_error_code()
    {
        var error = new InvalidPluginExecutionException();

        Assert.Equal("Exception of type 'Microsoft.Xrm.Sdk.InvalidPluginExecutionException' was thrown.", error.Message);
        Assert.Equal(OperationStatus.Failed, error.Status);
        Assert.Equal(-2146233088, error.ErrorCode);
    }

    [Fact]
    public void Exception_with_a_message_is_Failed_with_the_default_error_code_and_no_http_status()
    {
        var error = new InvalidPluginExecutionException("Discount above the tier cap.");

        Assert.Equal("Discount above the tier cap.", error.Message);
        Assert.Equal(OperationStatus.Failed, error.Status);
        Assert.Equal(-2146233088, error.ErrorCode);
        Assert.Equal(PluginHttpStatusCode.NotSet, error.HttpStatus);
    }

    [Fact]
    public void Exception_with_a_status_keeps_it()
    {
        Assert.Equal(OperationStatus.Canceled, new InvalidPluginExecutionException(OperationStatus.Canceled, "msg").Status);
    }

    [Fact]
    public void Exception_with_an_inner_exception_keeps_it()
    {
        var error = new InvalidPluginExecutionException("msg", new InvalidOperationException("i"));

        Assert.Equal("i", error.InnerException!.Message);
    }

    [Fact]
    public void Exception_with_an_error_code_keeps_it()
    {
        Assert.Equal(123, new InvalidPluginExecutionException(OperationStatus.Failed, 123, "msg").ErrorCode);
    }

    [Fact]
    public void Exception_with_only_a_status_has_an_empty_message()
    {
        var error = new InvalidPluginExecutionException(OperationStatus.Retry);

        Assert.Equal(string.Empty, error.Message);
        Assert.Equal(OperationStatus.Retry, error.Status);
    }

    [Fact]
    public void Exception_with_an_http_status_keeps_it()
    {
        var error = new InvalidPluginExecutionException(OperationStatus.Failed, 5, "msg", PluginHttpStatusCode.Conflict);

        Assert.Equal(PluginHttpStatusCode.Conflict, error.HttpStatus);
        Assert.Equal(PluginHttpStatusCode.BadRequest, new InvalidPluginExecutionException("msg", PluginHttpStatusCode.BadRequest).HttpStatus);
    }
}
