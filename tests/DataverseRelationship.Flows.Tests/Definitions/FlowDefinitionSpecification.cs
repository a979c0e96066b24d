using System;
using System.Linq;
using System.Text.Json.Nodes;
using DataverseRelationship.Flows.Definition;
using DataverseRelationship.Flows.Tests.Support;

namespace DataverseRelationship.Flows.Tests.Definitions;

/// <summary>Reading the solution's flow files: the shipped flows load unchanged; anything outside the supported subset is refused by name.</summary>
public sealed class FlowDefinitionSpecification
{
    private static readonly System.Collections.Generic.IReadOnlyDictionary<string, string> References =
        FlowDefinitionReader.ReadSolutionConnectionReferences(FlowWorld.SolutionFolder);

    [Fact]
    public void Both_shipped_flows_load_unchanged_from_the_solution()
    {
        var followUp = FlowDefinitionReader.Read(FlowWorld.FollowUpFlowFile, References);
        var nightly = FlowDefinitionReader.Read(FlowWorld.NightlyFlowFile, References);

        Assert.Equal("Relationship tier changed: follow-up task", followUp.Name);
        var trigger = Assert.IsType<RowChangeTrigger>(followUp.Trigger);
        Assert.Equal("account", trigger.Table);
        Assert.Equal(["Update"], trigger.Messages);
        Assert.Equal(["dvr_tier"], trigger.FilteringColumns);
        Assert.Equal(FlowRunAs.FlowOwner, trigger.RunAs);
        Assert.Equal("dvr_sharedcommondataserviceforapps_relationship", followUp.ConnectionReferences["shared_commondataserviceforapps"]);
        Assert.True(followUp.IsActivated);

        Assert.Equal("Nightly relationship recalculation", nightly.Name);
        var recurrence = Assert.IsType<RecurrenceTrigger>(nightly.Trigger);
        Assert.Equal(("Day", 1), (recurrence.Frequency, recurrence.Interval));
        var loop = Assert.IsType<UntilAction>(nightly.Actions.Single(a => a.Name == "Until_no_more_records"));
        Assert.Equal((5000, TimeSpan.FromHours(12)), (loop.Count, loop.Timeout));
    }

    [Fact]
    public void A_flow_using_an_unsupported_action_is_refused_naming_it()
    {
        var file = FlowFiles.Variant(FlowWorld.FollowUpFlowFile, flow => FlowFiles.Actions(flow)["Send_an_email"] = new JsonObject
        {
            ["runAfter"] = new JsonObject(),
            ["type"] = "Http",
            ["inputs"] = new JsonObject { ["method"] = "POST", ["uri"] = "https://example.org" },
        });

        var refusal = Assert.Throws<UnsupportedFlowException>(() => FlowDefinitionReader.Read(file, References));

        Assert.Contains("action 'Send_an_email'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("'Http'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("RelationshiptierchangedFollowup", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_using_an_unsupported_dataverse_operation_is_refused_naming_it()
    {
        var file = FlowFiles.Variant(FlowWorld.FollowUpFlowFile, flow =>
            FlowFiles.Actions(flow)["List_latest_tier_change"]!["inputs"]!["host"]!["operationId"] = "DeleteRecord");

        var refusal = Assert.Throws<UnsupportedFlowException>(() => FlowDefinitionReader.Read(file, References));

        Assert.Contains("'DeleteRecord'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("List_latest_tier_change", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_using_an_unsupported_expression_function_is_refused_naming_it()
    {
        var file = FlowFiles.Variant(FlowWorld.FollowUpFlowFile, flow =>
            FlowFiles.Actions(flow)["Tier_really_changed"]!["actions"]!["Create_follow_up_task"]!["inputs"]!["parameters"]!["item/scheduledend"] = "@{formatDateTime(addDays(utcNow(), 7), 'yyyy-MM-dd')}");

        var refusal = Assert.Throws<UnsupportedFlowException>(() => FlowDefinitionReader.Read(file, References));

        Assert.Contains("'formatDateTime'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Create_follow_up_task", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_whose_connection_reference_the_solution_lacks_is_refused_naming_it()
    {
        var file = FlowFiles.Variant(FlowWorld.NightlyFlowFile, flow =>
            flow["properties"]!["connectionReferences"]!["shared_commondataserviceforapps"]!["connection"]!["connectionReferenceLogicalName"] = "dvr_missing");

        var refusal = Assert.Throws<UnsupportedFlowException>(() => FlowDefinitionReader.Read(file, References));

        Assert.Contains("'dvr_missing'", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subscriptionRequest/scope", 1, "scope 1")]
    [InlineData("subscriptionRequest/postponeuntil", "2026-01-01", "'subscriptionRequest/postponeuntil'")]
    public void A_row_trigger_setting_outside_the_subset_is_refused_naming_it(string parameter, object value, string expected)
    {
        var file = FlowFiles.Variant(FlowWorld.FollowUpFlowFile, flow =>
            flow["properties"]!["definition"]!["triggers"]!["When_an_account_tier_is_written"]!["inputs"]!["parameters"]![parameter] = JsonValue.Create(value));

        var refusal = Assert.Throws<UnsupportedFlowException>(() => FlowDefinitionReader.Read(file, References));

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }
}
