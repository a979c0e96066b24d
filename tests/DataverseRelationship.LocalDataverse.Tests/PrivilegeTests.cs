using System;
using DataverseRelationship.LocalDataverse.Tests.Plugins;
using DataverseRelationship.LocalDataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Tests;

/// <summary>A Custom API's execute privilege: held through a role, through a team's role, by the administrator; refused otherwise.</summary>
public sealed class PrivilegeTests : IDisposable
{
    private const int IntegerType = 7;
    private readonly TestSolution _solution = new();
    private readonly LocalDataverse _dataverse;

    public PrivilegeTests()
    {
        _solution.AddCustomApi("dvr_Guarded", typeof(DoublingApi), null, [("Value", IntegerType, false)], [("Doubled", IntegerType)], executePrivilege: "prvWritedvr_widget");
        _solution.AddCustomApi("dvr_Open", typeof(DoublingApi), null, [("Value", IntegerType, false)], [("Doubled", IntegerType)]);
        _dataverse = _solution.Load();
    }

    public void Dispose() => _solution.Dispose();

    private static OrganizationRequest Request(string name)
    {
        var request = new OrganizationRequest(name);
        request["Value"] = 2;
        return request;
    }

    [Fact]
    public void A_user_without_the_execute_privilege_is_refused_in_the_platform_wording_and_nothing_runs()
    {
        var user = _dataverse.SeedUser("Nora", "Norole");
        _dataverse.AssignRole(user, _dataverse.SeedRole("Reader", "prvReaddvr_widget"));

        var error = Assert.Throws<DataverseFaultException>(() => _dataverse.Execute(Request("dvr_Guarded"), user));

        Assert.Equal(PlatformErrorCodes.PrivilegeDenied, error.ErrorCode);
        Assert.StartsWith($"Principal user (Id={user}, type=8, roleCount=1, privilegeCount=1, accessMode=0), is missing prvWritedvr_widget privilege (Id=", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"context.Caller={user}", error.Message, StringComparison.Ordinal);
        Assert.Empty(_dataverse.LastOperation.PluginExecutions);
        Assert.Equal(4, (int)_dataverse.Execute(Request("dvr_Open"), user)["Doubled"]);
    }

    [Fact]
    public void The_privilege_counts_through_a_role_a_team_role_or_the_administrator()
    {
        var direct = _dataverse.SeedUser("Dana", "Direct");
        _dataverse.AssignRole(direct, _dataverse.SeedRole("Widget writer", "prvWritedvr_widget"));
        var member = _dataverse.SeedUser("Tom", "Teammate");
        var team = _dataverse.SeedTeam("Widget team");
        _dataverse.AddTeamMember(team, member);
        _dataverse.AssignTeamRole(team, _dataverse.SeedRole("Widget team role", "prvWritedvr_widget"));

        foreach (var user in new[] { direct, member, _dataverse.DefaultUserId })
        {
            Assert.Equal(4, (int)_dataverse.Execute(Request("dvr_Guarded"), user)["Doubled"]);
        }
    }
}
