using System;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Behaviour;

/// <summary>OrganizationServiceFault and ExecuteMultipleSettings.</summary>
public class ServiceFaultBehaviourTests
{
    [Fact]
    public void New_fault_has_empty_error_details()
    {
        var fault = new OrganizationServiceFault();

        Assert.NotNull(fault.ErrorDetails);
        Assert.Equal(0, fault.ErrorDetails.Count);
    }

    [Fact]
    public void Fault_text_lists_each_fault_of_the_chain_with_code_message_and_time()
    {
        var timestamp = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var inner = new OrganizationServiceFault { ErrorCode = 1, Message = "inner", Timestamp = timestamp };
        var outer = new OrganizationServiceFault { ErrorCode = unchecked((int)0x80040220), Message = "outer", Timestamp = timestamp, InnerFault = inner };
        outer.ErrorDetails["CallStack"] = "at Plugin.Execute";

        string nl = Environment.NewLine;
        Assert.Equal(
            $"Exception details: {nl}ErrorCode: 0x80040220{nl}Message: outer{nl}StackTrace: {nl}at Plugin.Execute{nl}TimeStamp: 2026-01-02T03:04:05.0000000Z{nl}--{nl}"
            + $"Exception details: {nl}ErrorCode: 0x1{nl}Message: inner{nl}TimeStamp: 2026-01-02T03:04:05.0000000Z{nl}--{nl}",
            outer.ToString());
    }

    [Fact]
    public void New_ExecuteMultipleSettings_stop_on_error_and_return_no_responses()
    {
        var settings = new ExecuteMultipleSettings();

        Assert.False(settings.ContinueOnError);
        Assert.False(settings.ReturnResponses);
    }
}
