using System;
using DataverseRelationship.LocalDataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Tests;

/// <summary>Deleting a row acts on the rows that point at it as the relationship's CascadeDelete says.</summary>
public sealed class CascadeDeleteTests
{
    private static (LocalDataverse Dataverse, Guid Account, Guid Widget) World(string behavior)
    {
        using var solution = new TestSolution();
        solution.SetWidgetCascadeDelete(behavior);
        var dataverse = solution.Load();
        var account = dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var widget = dataverse.Service.Create(new Entity("dvr_widget") { ["dvr_name"] = "W", ["dvr_accountid"] = new EntityReference("account", account) });
        return (dataverse, account, widget);
    }

    [Fact]
    public void Restrict_refuses_the_delete_while_a_row_points_at_it_and_nothing_changes()
    {
        var (dataverse, account, widget) = World("Restrict");

        var error = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Delete("account", account));

        Assert.Contains("dvr_dvr_widget_accountid_account restricts the delete", error.Message, StringComparison.Ordinal);
        Assert.NotNull(dataverse.Find("account", account));
        Assert.Equal(account, dataverse.Read("dvr_widget", widget).GetAttributeValue<EntityReference>("dvr_accountid").Id);

        dataverse.Service.Delete("dvr_widget", widget);
        dataverse.Service.Delete("account", account);
        Assert.Null(dataverse.Find("account", account));
    }

    [Fact]
    public void Cascade_deletes_the_rows_that_point_at_it()
    {
        var (dataverse, account, widget) = World("Cascade");

        dataverse.Service.Delete("account", account);

        Assert.Null(dataverse.Find("dvr_widget", widget));
    }

    [Fact]
    public void RemoveLink_keeps_the_rows_and_clears_their_lookup()
    {
        var (dataverse, account, widget) = World("RemoveLink");

        dataverse.Service.Delete("account", account);

        Assert.Null(dataverse.Read("dvr_widget", widget).GetAttributeValue<EntityReference>("dvr_accountid"));
    }

    [Fact]
    public void NoCascade_leaves_the_rows_as_they_are()
    {
        var (dataverse, account, widget) = World("NoCascade");

        dataverse.Service.Delete("account", account);

        Assert.Equal(account, dataverse.Read("dvr_widget", widget).GetAttributeValue<EntityReference>("dvr_accountid").Id);
    }

    [Fact]
    public void A_cascade_value_delete_does_not_know_is_refused_naming_the_file()
    {
        using var solution = new TestSolution();
        solution.SetWidgetCascadeDelete("Sometimes");

        var error = Assert.Throws<SolutionRegistrationException>(() => solution.Load());

        Assert.Contains("dvr_Widget.xml", error.Message, StringComparison.Ordinal);
        Assert.Contains("CascadeDelete 'Sometimes'", error.Message, StringComparison.Ordinal);
    }
}
