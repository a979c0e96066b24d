using System;
using System.Linq;
using DataverseRelationship.Plugins.Contacts;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Tests.Security;

/// <summary>What the local Dataverse keeps for the platform, with the shipped registrations: read-only columns and what deleting an account does.</summary>
public class PlatformIntegritySpecification
{
    [Fact]
    public void Deleting_an_account_cascades_and_removes_links_as_its_relationships_say()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var other = world.CreateAccount("Fabrikam");
        var contact = world.CreateContact(account, ContactRole.DecisionMaker);
        var otherContact = world.CreateContact(other, ContactRole.DecisionMaker);
        var deal = world.WonDeal(account, 10_000m, world.Now.AddDays(-3));
        world.UpdateAccount(account, a =>
        {
            a[AccountTable.TierOverride] = new OptionSetValue((int)RelationshipTierChoice.Preferred);
            a[AccountTable.TierOverrideReason] = "Pilot";
            a[AccountTable.TierOverrideExpiresOn] = world.Now.AddDays(10);
        });
        world.AdvanceDays(7);
        world.RecalculateAll();
        Assert.NotEmpty(world.TierChanges(account));
        Assert.Contains(world.Dataverse.ReadAll(ScoreSnapshotTable.LogicalName), s => s.GetAttributeValue<EntityReference>(ScoreSnapshotTable.AccountId)?.Id == account);
        var tierChanges = world.TierChanges(account).Select(t => t.Id).ToList();

        world.Dataverse.ServiceAs(world.Administrator).Delete(AccountTable.LogicalName, account);

        // contact_customer_accounts: Cascade (the contact's own Delete step ran); opportunity_parent_account: RemoveLink.
        Assert.Null(world.Dataverse.Find(ContactTable.LogicalName, contact));
        Assert.Equal(1, world.LastExecutions.Count(e => e.PluginType == typeof(RecountKeyContacts) && e.Message == "Delete"));
        Assert.Null(world.Deal(deal).GetAttributeValue<EntityReference>(OpportunityTable.ParentAccountId));

        // solution/src/Other/Relationships: dvr_scoresnapshot Cascade, dvr_tierchange RemoveLink (the history outlives the account).
        Assert.DoesNotContain(world.Dataverse.ReadAll(ScoreSnapshotTable.LogicalName), s => s.GetAttributeValue<EntityReference>(ScoreSnapshotTable.AccountId)?.Id == account);
        foreach (var id in tierChanges)
        {
            Assert.Null(world.Dataverse.Read(TierChangeTable.LogicalName, id).GetAttributeValue<EntityReference>(TierChangeTable.AccountId));
        }

        Assert.NotNull(world.Dataverse.Find(ContactTable.LogicalName, otherContact));
        Assert.NotNull(world.Dataverse.Find(AccountTable.LogicalName, other));
    }

    [Fact]
    public void Deleting_the_customer_sponsor_contact_clears_the_sponsor_and_the_rules_recompute_the_account()
    {
        var world = new RelationshipWorld();
        var account = world.CreateAccount("Contoso");
        var sponsor = world.CreateContact(account, ContactRole.DecisionMaker);
        world.UpdateAccount(account, a => a[AccountTable.CustomerSponsorId] = new EntityReference(ContactTable.LogicalName, sponsor));

        world.Dataverse.ServiceAs(world.Administrator).Delete(ContactTable.LogicalName, sponsor);

        Assert.Null(world.Account(account).GetAttributeValue<EntityReference>(AccountTable.CustomerSponsorId));
        Assert.Contains(world.LastExecutions, e => e.PluginType == typeof(DataverseRelationship.Plugins.Accounts.RecalculateOnRelationshipInputChange));
    }

    [Fact]
    public void Read_only_platform_columns_sent_on_create_or_update_are_never_stored()
    {
        var world = new RelationshipWorld();
        var forged = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var account = world.Service.Create(new Entity(AccountTable.LogicalName)
        {
            ["name"] = "Contoso",
            ["createdon"] = forged,
            ["modifiedon"] = forged,
            ["createdby"] = new EntityReference(SecurityTables.SystemUser, world.RelationshipManager),
            ["revenue"] = new Money(100m),
            ["revenue_base"] = new Money(999_999m),
        });
        var created = world.Account(account);

        world.Update(new Entity(AccountTable.LogicalName, account) { ["createdon"] = forged, ["modifiedon"] = forged, ["versionnumber"] = 1L, ["name"] = "Contoso Ltd" });

        var row = world.Dataverse.ServiceAs(world.Seller).Retrieve(AccountTable.LogicalName, account, new ColumnSet(true));
        Assert.Equal(world.Now, created.GetAttributeValue<DateTime>("createdon"));
        Assert.Equal(world.Now, row.GetAttributeValue<DateTime>("createdon"));
        Assert.Equal(world.Now, row.GetAttributeValue<DateTime>("modifiedon"));
        Assert.Equal(world.Seller, row.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.Equal(100m, row.GetAttributeValue<Money>("revenue_base").Value);
        Assert.Equal("Contoso Ltd", row.GetAttributeValue<string>("name"));
        Assert.NotEqual(1L, row.GetAttributeValue<long>("versionnumber"));
    }
}
