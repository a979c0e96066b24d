using System;
using System.Globalization;
using DataverseRelationship.LocalDataverse.Tests.Plugins;
using DataverseRelationship.LocalDataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Tests;

/// <summary>
/// Row versions and optimistic concurrency
/// (https://learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency).
/// </summary>
public sealed class OptimisticConcurrencyTests : IDisposable
{
    private readonly LocalDataverse _dataverse = new();
    private readonly TestSolution _solution = new();

    public void Dispose() => _solution.Dispose();

    private static long VersionOf(Entity row) => long.Parse(row.RowVersion, NumberStyles.None, CultureInfo.InvariantCulture);

    [Fact]
    public void Retrieve_and_RetrieveMultiple_return_the_row_version_and_every_write_increases_it()
    {
        var id = _dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var created = _dataverse.Service.Retrieve("account", id, new ColumnSet("name"));

        _dataverse.Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });
        var updated = _dataverse.Service.Retrieve("account", id, new ColumnSet(true));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var listed = Assert.Single(_dataverse.Service.RetrieveMultiple(query).Entities);

        Assert.False(string.IsNullOrEmpty(created.RowVersion));
        Assert.True(VersionOf(updated) > VersionOf(created));
        Assert.Equal(updated.RowVersion, listed.RowVersion);
        Assert.Equal(VersionOf(updated), updated.GetAttributeValue<long>("versionnumber"));
    }

    [Fact]
    public void Update_with_IfRowVersionMatches_and_the_current_version_writes()
    {
        var id = _dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var read = _dataverse.Service.Retrieve("account", id, new ColumnSet("name"));

        _dataverse.Execute(new UpdateRequest
        {
            Target = new Entity("account", id) { ["name"] = "Contoso Ltd", RowVersion = read.RowVersion },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        });

        Assert.Equal("Contoso Ltd", _dataverse.Read("account", id).GetAttributeValue<string>("name"));
    }

    [Fact]
    public void Update_with_IfRowVersionMatches_and_a_stale_version_fails_with_ConcurrencyVersionMismatch_and_writes_nothing()
    {
        var id = _dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var read = _dataverse.Service.Retrieve("account", id, new ColumnSet("name"));
        _dataverse.Service.Update(new Entity("account", id) { ["accountnumber"] = "A-1" });

        var error = Assert.Throws<DataverseFaultException>(() => _dataverse.Execute(new UpdateRequest
        {
            Target = new Entity("account", id) { ["name"] = "Lost update", RowVersion = read.RowVersion },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        }));

        Assert.Equal(PlatformErrorCodes.ConcurrencyVersionMismatch, error.ErrorCode);
        Assert.Equal(unchecked((int)0x80060882), error.ErrorCode);
        Assert.Contains(id.ToString(), error.Message, StringComparison.Ordinal);
        var stored = _dataverse.Read("account", id);
        Assert.Equal("Contoso", stored.GetAttributeValue<string>("name"));
        Assert.Equal("A-1", stored.GetAttributeValue<string>("accountnumber"));
    }

    [Fact]
    public void Update_and_Delete_with_IfRowVersionMatches_and_no_version_fail_with_ConcurrencyVersionNotProvided()
    {
        var id = _dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var update = Assert.Throws<DataverseFaultException>(() => _dataverse.Execute(new UpdateRequest
        {
            Target = new Entity("account", id) { ["name"] = "No version" },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        }));
        var delete = Assert.Throws<DataverseFaultException>(() => _dataverse.Execute(new DeleteRequest
        {
            Target = new EntityReference("account", id),
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        }));

        Assert.Equal(PlatformErrorCodes.ConcurrencyVersionNotProvided, update.ErrorCode);
        Assert.Equal(PlatformErrorCodes.ConcurrencyVersionNotProvided, delete.ErrorCode);
        Assert.Equal("Contoso", _dataverse.Read("account", id).GetAttributeValue<string>("name"));
    }

    [Fact]
    public void Delete_with_IfRowVersionMatches_deletes_only_the_version_it_read()
    {
        var id = _dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var read = _dataverse.Service.Retrieve("account", id, new ColumnSet("name"));
        _dataverse.Service.Update(new Entity("account", id) { ["accountnumber"] = "A-1" });

        var stale = Assert.Throws<DataverseFaultException>(() => _dataverse.Execute(new DeleteRequest
        {
            Target = new EntityReference("account", id) { RowVersion = read.RowVersion },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        }));
        Assert.Equal(PlatformErrorCodes.ConcurrencyVersionMismatch, stale.ErrorCode);
        Assert.NotNull(_dataverse.Find("account", id));

        var current = _dataverse.Service.Retrieve("account", id, new ColumnSet("name"));
        _dataverse.Execute(new DeleteRequest
        {
            Target = new EntityReference("account", id) { RowVersion = current.RowVersion },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        });
        Assert.Null(_dataverse.Find("account", id));
    }

    [Theory]
    [InlineData(ConcurrencyBehavior.Default)]
    [InlineData(ConcurrencyBehavior.AlwaysOverwrite)]
    public void Default_and_AlwaysOverwrite_write_whatever_version_the_target_carries(ConcurrencyBehavior behavior)
    {
        var id = _dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var read = _dataverse.Service.Retrieve("account", id, new ColumnSet("name"));
        _dataverse.Service.Update(new Entity("account", id) { ["accountnumber"] = "A-1" });

        _dataverse.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "Overwritten", RowVersion = read.RowVersion }, ConcurrencyBehavior = behavior });

        Assert.Equal("Overwritten", _dataverse.Read("account", id).GetAttributeValue<string>("name"));
    }

    [Fact]
    public void A_rolled_back_write_leaves_the_row_at_the_version_read_before_it()
    {
        _solution.AddStep(typeof(Refuser), "Update", "account", 40, configuration: "Refused after the write.");
        var dataverse = _solution.Load();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var read = dataverse.Service.Retrieve("account", id, new ColumnSet("name"));

        Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Update(new Entity("account", id) { ["name"] = "Rolled back" }));

        var again = dataverse.Service.Retrieve("account", id, new ColumnSet("name"));
        Assert.Equal(read.RowVersion, again.RowVersion);
        Assert.Equal("Contoso", again.GetAttributeValue<string>("name"));
    }

    [Fact]
    public void A_plugin_saving_the_account_version_it_read_succeeds_through_the_pipeline()
    {
        _solution.AddStep(typeof(VersionedParentUpdater), "Create", "contact", 40, configuration: "fresh");
        var dataverse = _solution.Load();
        var accountId = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 4 });

        dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Buyer", ["parentcustomerid"] = new EntityReference("account", accountId) });

        Assert.Equal(5, dataverse.Read("account", accountId).GetAttributeValue<int>("numberofemployees"));
    }

    [Fact]
    public void A_plugin_saving_a_stale_account_version_fails_the_operation_and_rolls_everything_back()
    {
        _solution.AddStep(typeof(VersionedParentUpdater), "Create", "contact", 40, configuration: "stale");
        var dataverse = _solution.Load();
        var accountId = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 4 });

        var error = Assert.Throws<DataverseFaultException>(() =>
            dataverse.Service.Create(new Entity("contact") { ["lastname"] = "Buyer", ["parentcustomerid"] = new EntityReference("account", accountId) }));

        Assert.Equal(PlatformErrorCodes.ConcurrencyVersionMismatch, error.ErrorCode);
        var account = dataverse.Read("account", accountId);
        Assert.Equal(4, account.GetAttributeValue<int>("numberofemployees"));
        Assert.False(account.Contains("accountnumber"));
        Assert.Equal(0, dataverse.Count("contact"));
    }
}
