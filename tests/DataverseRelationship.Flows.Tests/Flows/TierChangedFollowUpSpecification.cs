using System;
using System.Linq;
using DataverseRelationship.Flows.Tests.Support;
using DataverseRelationship.LocalDataverse.Observability;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Flows.Tests.Flows;

/// <summary>The shipped "Relationship tier changed: follow-up task" flow, run unchanged from solution/src/Workflows.</summary>
public sealed class TierChangedFollowUpSpecification : IDisposable
{
    private readonly FlowWorld _world = new();

    [Fact]
    public void A_real_tier_change_creates_exactly_one_task_for_the_account_owner_with_the_flows_subject_and_due_date()
    {
        var account = _world.CreateAccount("Contoso");
        _world.Now = FlowWorld.Start.AddHours(1);

        _world.OverrideTier(account, RelationshipTierChoice.StrategicPartner, "Board-level partnership agreed");

        Assert.Equal((int)RelationshipTierChoice.StrategicPartner, _world.Tier(account));
        Assert.Empty(_world.Tasks); // the flow runs after the commit, asynchronously
        Assert.Equal(1, _world.Flows.PendingRuns);
        _world.Now = FlowWorld.Start.AddHours(1).AddMinutes(2);

        var run = Assert.Single(_world.Flows.RunPending());

        Assert.True(run.Succeeded, run.FailureReason);
        var task = Assert.Single(_world.Tasks);
        Assert.Equal("Relationship tier changed for Contoso: follow up", task.GetAttributeValue<string>("subject"));
        Assert.Equal(_world.Seller, task.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(new EntityReference(AccountTable.LogicalName, account), task.GetAttributeValue<EntityReference>("regardingobjectid"));
        Assert.Equal(_world.Now.AddDays(7), task.GetAttributeValue<DateTime>("scheduledend"));
        Assert.Contains("Board-level partnership agreed", task.GetAttributeValue<string>("description"), StringComparison.Ordinal);
        Assert.Equal(_world.FlowOwner, task.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.Equal(new EntityReference("task", task.Id), Assert.Single(run.CreatedRows));
    }

    [Fact]
    public void An_update_of_only_other_columns_runs_no_flow_and_creates_no_task()
    {
        var account = _world.CreateAccount("Contoso");

        _world.Dataverse.ServiceAs(_world.Seller).Update(new Entity(AccountTable.LogicalName, account) { [AccountTable.Name] = "Contoso Ltd" });

        Assert.Equal(0, _world.Flows.PendingRuns);
        Assert.Empty(_world.Flows.RunPending());
        Assert.Empty(_world.Tasks);
    }

    [Fact]
    public void An_update_that_writes_the_unchanged_tier_creates_no_task()
    {
        var account = _world.CreateAccount("Contoso");
        var tier = _world.Tier(account)!.Value;

        // The rules drop a write that repeats the stored tier before it is saved, so the trigger's column is not in the save.
        _world.Dataverse.ServiceAs(_world.Seller).Update(new Entity(AccountTable.LogicalName, account) { [AccountTable.Tier] = new OptionSetValue(tier) });
        _world.Flows.RunPending();

        Assert.Empty(_world.Tasks);
        Assert.Equal(tier, _world.Tier(account));
    }

    [Fact]
    public void When_the_trigger_fires_for_an_unchanged_tier_the_flows_condition_creates_no_second_task()
    {
        var account = _world.CreateAccount("Contoso");
        CommittedOperation? tierWrite = null;
        _world.Dataverse.Committed += (_, e) => tierWrite ??= e.Operations.FirstOrDefault(o => o.Message == "Update" && o.RequestColumns.Contains(AccountTable.Tier));
        _world.OverrideTier(account, RelationshipTierChoice.StrategicPartner, "Board-level partnership agreed");
        _world.Flows.RunPending();
        Assert.Single(_world.Tasks);

        // A day later an update carries dvr_tier again with the same value (Dataverse runs the flow for every update
        // that carries a filtered column, changed or not): no new tier change row, so the flow's condition is false.
        _world.Now = _world.Now.AddDays(1);
        var row = _world.Dataverse.Read(AccountTable.LogicalName, account);
        row["modifiedon"] = _world.Now; // what the platform stamps on that update
        var sameTier = new CommittedOperation(tierWrite!.Message, tierWrite.Table, tierWrite.RowId, tierWrite.UserId, tierWrite.InitiatingUserId, tierWrite.RequestColumns, () => row, _world.Now);
        var repeat = Assert.Single(_world.Flows.Offer(sameTier));
        var run = Assert.Single(_world.Flows.RunPending());

        Assert.Equal(repeat.Name, run.Flow);
        Assert.True(run.Succeeded, run.FailureReason);
        Assert.DoesNotContain(run.Actions, a => a.Type == "CreateRecord");
        Assert.Single(_world.Tasks);
    }

    [Fact]
    public void A_rolled_back_save_creates_no_task()
    {
        using var world = new FlowWorld(RollbackAfterRecalculation.SolutionWithStep());
        var account = world.CreateAccount("Contoso");
        var before = world.Tier(account);

        var refused = Assert.Throws<InvalidPluginExecutionException>(() => world.OverrideTier(account, RelationshipTierChoice.StrategicPartner, "Board-level partnership agreed"));

        Assert.Equal(RollbackAfterRecalculation.Message, refused.Message);
        // The rules did write the new tier inside the transaction before the refusal rolled it back.
        Assert.Contains(world.Dataverse.LastOperation.PluginExecutions, e => e.Message == "Update" && e.Depth == 2);
        Assert.Equal(before, world.Tier(account));
        Assert.Equal(0, world.Flows.PendingRuns);
        Assert.Empty(world.Flows.RunPending());
        Assert.Empty(world.Tasks);
    }

    [Fact]
    public void The_flow_runs_its_actions_as_the_connection_references_user()
    {
        var account = _world.CreateAccount("Contoso");
        _world.OverrideTier(account, RelationshipTierChoice.StrategicPartner, "Board-level partnership agreed");

        var run = Assert.Single(_world.Flows.RunPending());

        Assert.Equal(_world.FlowOwner, run.RunAsUserId);
        Assert.Contains(_world.Dataverse.Operations, o => o.Message == "Create" && o.Table == "task" && o.UserId == _world.FlowOwner);
    }

    public void Dispose() => _world.Dispose();
}
