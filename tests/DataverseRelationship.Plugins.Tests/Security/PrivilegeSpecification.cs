using System;
using DataverseRelationship.Plugins.Accounts;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using DataverseRelationship.Plugins.Tests.Tiers;
using Microsoft.Xrm.Sdk;
using Local = DataverseRelationship.LocalDataverse;

namespace DataverseRelationship.Plugins.Tests.Security;

/// <summary>Who may override a tier and run the recalculation APIs: the solution's role by id (directly, through a team, in a child business unit) and the APIs' execute privileges.</summary>
public class PrivilegeSpecification
{
    private const int Strategic = (int)RelationshipTierChoice.StrategicPartner;

    private static void SetOverride(RelationshipWorld world, Guid account, Guid user) => world.UpdateAccount(account, a =>
    {
        a[AccountTable.TierOverride] = new OptionSetValue(Strategic);
        a[AccountTable.TierOverrideReason] = "Board-level partnership agreed";
        a[AccountTable.TierOverrideExpiresOn] = world.Now.AddDays(30);
    }, user);

    [Fact]
    public void A_self_made_role_named_like_the_relationship_manager_role_grants_nothing()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var impostor = world.Dataverse.SeedUser("Ivy", "Impostor");
        world.Dataverse.AssignRole(impostor, world.Dataverse.SeedRole("relationship manager"));
        world.Dataverse.AssignRole(impostor, world.Dataverse.SeedRole(SecurityTables.RelationshipManagerRole));

        var rejection = Expect.Rejection(() => SetOverride(world, account, impostor));

        Assert.Contains(SecurityTables.RelationshipManagerRole, rejection.Message, StringComparison.Ordinal);
        Assert.Null(world.Account(account).GetAttributeValue<OptionSetValue>(AccountTable.TierOverride));
        Assert.Empty(world.TierChanges(account));
    }

    [Fact]
    public void The_relationship_manager_role_held_through_a_team_may_set_an_override_with_one_role_query()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var member = world.Dataverse.SeedUser("Tom", "Teammate");
        var team = world.Dataverse.SeedTeam("Key account managers");
        world.Dataverse.AddTeamMember(team, member);
        world.Dataverse.AssignTeamRole(team, new Guid(SecurityTables.RelationshipManagerRoleId));

        SetOverride(world, account, member);

        var row = world.Account(account);
        Assert.Equal(Strategic, row.Choice(AccountTable.Tier));
        Assert.Equal(member, row.GetAttributeValue<EntityReference>(AccountTable.TierOverrideSetBy).Id);
        // One query for the role (direct or through a team), one for the policy's maximum override length.
        Assert.Equal(2, world.LastExecutions.Calls<ValidateTierOverride>("RetrieveMultiple"));
    }

    [Fact]
    public void A_team_without_the_role_does_not_lend_it_to_its_members()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var member = world.Dataverse.SeedUser("Tom", "Teammate");
        var team = world.Dataverse.SeedTeam("Sales");
        world.Dataverse.AddTeamMember(team, member);
        world.Dataverse.AssignTeamRole(team, world.Dataverse.SeedRole(SecurityTables.RelationshipManagerRole));

        // Someone else's team holds the real role: membership of that team is what counts, not the role existing.
        var otherTeam = world.Dataverse.SeedTeam("Key account managers");
        world.Dataverse.AssignTeamRole(otherTeam, new Guid(SecurityTables.RelationshipManagerRoleId));

        Expect.Rejection(() => SetOverride(world, account, member));
        Assert.Empty(world.TierChanges(account));
    }

    [Fact]
    public void The_child_business_unit_copy_of_the_role_counts_through_its_parent_root_role()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var user = world.Dataverse.SeedUser("Bea", "Branch");
        var copy = world.Dataverse.SeedBusinessUnitCopyOfRole(new Guid(SecurityTables.RelationshipManagerRoleId), Guid.NewGuid());
        world.Dataverse.AssignRole(user, copy);

        SetOverride(world, account, user);

        Assert.Equal(Strategic, world.Tier(account));
    }

    [Fact]
    public void Only_the_rules_write_who_set_an_override()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");

        // A seller rewriting the author, and a manager naming someone else as the author, are both refused.
        var seller = Expect.Rejection(() => world.UpdateAccount(account, a => a[AccountTable.TierOverrideSetBy] = new EntityReference(SecurityTables.SystemUser, world.RelationshipManager), world.Seller));
        var manager = Expect.Rejection(() => world.UpdateAccount(account, a =>
        {
            a[AccountTable.TierOverride] = new OptionSetValue(Strategic);
            a[AccountTable.TierOverrideReason] = "Board-level partnership agreed";
            a[AccountTable.TierOverrideExpiresOn] = world.Now.AddDays(30);
            a[AccountTable.TierOverrideSetBy] = new EntityReference(SecurityTables.SystemUser, world.Seller);
        }));

        Assert.Contains(AccountTable.TierOverrideSetBy, seller.Message, StringComparison.Ordinal);
        Assert.Contains(AccountTable.TierOverrideSetBy, manager.Message, StringComparison.Ordinal);
        Assert.Null(world.Account(account).GetAttributeValue<EntityReference>(AccountTable.TierOverrideSetBy));
    }

    [Fact]
    public void The_recalculation_apis_refuse_a_user_without_their_execute_privilege()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var nobody = world.Dataverse.SeedUser("Nora", "Norole");
        var all = new OrganizationRequest(CustomApis.RecalculateAccounts);

        var one = Assert.Throws<Local.DataverseFaultException>(() => world.Execute(TierJourneySpecification.RecalculateAccountRequest(account), nobody));
        var every = Assert.Throws<Local.DataverseFaultException>(() => world.Execute(all, nobody));
        var seller = Assert.Throws<Local.DataverseFaultException>(() => world.Execute(all, world.Seller));

        Assert.Equal(Local.PlatformErrorCodes.PrivilegeDenied, one.ErrorCode);
        Assert.Contains("is missing prvWriteAccount privilege", one.Message, StringComparison.Ordinal);
        Assert.Contains("is missing prvWritedvr_scoresnapshot privilege", every.Message, StringComparison.Ordinal);
        Assert.Contains("is missing prvWritedvr_scoresnapshot privilege", seller.Message, StringComparison.Ordinal);

        // A seller may write accounts, so may recalculate one; the administrator (the nightly flow's connection) may run them all.
        world.Execute(TierJourneySpecification.RecalculateAccountRequest(account), world.Seller);
        all.Parameters[CustomApis.PageSizeParameter] = 10;
        Assert.Equal(1, (int)world.Execute(all, world.Administrator).Results[CustomApis.ProcessedParameter]);
    }

    [Fact]
    public void The_shipped_role_grants_business_unit_depth_and_only_reads_the_histories()
    {
        var world = new RelationshipWorld();
        var manager = world.RelationshipManager;

        Assert.True(world.Dataverse.HoldsPrivilege(manager, "prvWriteAccount"));
        Assert.True(world.Dataverse.HoldsPrivilege(manager, "prvReaddvr_tierchange"));
        Assert.True(world.Dataverse.HoldsPrivilege(manager, "prvReaddvr_scoresnapshot"));
        foreach (var verb in new[] { "Create", "Write", "Delete", "Append", "AppendTo" })
        {
            Assert.False(world.Dataverse.HoldsPrivilege(manager, "prv" + verb + "dvr_tierchange"));
            Assert.False(world.Dataverse.HoldsPrivilege(manager, "prv" + verb + "dvr_scoresnapshot"));
        }

        Assert.False(world.Dataverse.HoldsPrivilege(manager, "prvWriteOpportunity"));
    }
}
