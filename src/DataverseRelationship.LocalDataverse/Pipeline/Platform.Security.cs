using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>
/// Security roles and privileges: a user holds the privileges of the roles assigned to them (systemuserroles) and of
/// the roles of every team they belong to (teammembership, teamroles): "privileges a system user has through their
/// roles, and inherited privileges from their team membership"
/// (https://learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.retrieveuserprivilegebyprivilegenamerequest).
/// </summary>
internal sealed partial class Platform
{
    /// <summary>
    /// The System Administrator role the default user holds: "this role is all powerful and can't be edited"
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/security-access-coding), so it holds every privilege.
    /// </summary>
    public Guid SystemAdministratorRoleId { get; } = new("5a5e0000-0000-4000-8000-0000000000ad");

    /// <summary>The roles a user holds, directly and through their teams.</summary>
    public HashSet<Guid> RolesOf(Guid userId)
    {
        var roles = new HashSet<Guid>();
        var direct = Store.Table("systemuserroles");
        foreach (var id in direct.Lookup("systemuserid", userId))
        {
            if (direct.Rows[id].GetStored("roleid") is Guid role)
            {
                roles.Add(role);
            }
        }

        var memberships = Store.Table("teammembership");
        var teamRoles = Store.Table("teamroles");
        foreach (var id in memberships.Lookup("systemuserid", userId))
        {
            if (memberships.Rows[id].GetStored("teamid") is not Guid team)
            {
                continue;
            }

            foreach (var link in teamRoles.Lookup("teamid", team))
            {
                if (teamRoles.Rows[link].GetStored("roleid") is Guid role)
                {
                    roles.Add(role);
                }
            }
        }

        return roles;
    }

    /// <summary>Whether a user holds a privilege at any depth (SYSTEM and System Administrators hold all).</summary>
    public bool HoldsPrivilege(Guid userId, Guid privilegeId)
    {
        if (userId == SystemUserId)
        {
            return true;
        }

        var roles = RolesOf(userId);
        if (roles.Contains(SystemAdministratorRoleId))
        {
            return true;
        }

        var links = Store.Table("roleprivileges");
        return links.Lookup("privilegeid", privilegeId).Any(id => links.Rows[id].GetStored("roleid") is Guid role && roles.Contains(role));
    }

    /// <summary>The id of a privilege by name, creating the privilege row when a solution first names it.</summary>
    public Guid PrivilegeId(string name)
    {
        var table = Store.Table("privilege");
        foreach (var row in table.Rows.Values)
        {
            if (string.Equals(row.GetStored("name") as string, name, StringComparison.Ordinal))
            {
                return row.Id;
            }
        }

        var id = Guid.NewGuid();
        var draft = Store.Draft("privilege");
        draft.Set("privilegeid", id);
        draft.Set("name", name);
        Store.Write(draft, id);
        return id;
    }

    /// <summary>
    /// Refuses a caller without the privilege, in the platform's wording for a missing privilege ("Principal user (Id=…,
    /// type=8, roleCount=…, privilegeCount=…, accessMode=0), is missing prvReadincident privilege (Id=…) on OTC=112 for
    /// entity 'incident'. context.Caller=…", as Microsoft Learn's Customer Service troubleshooting quotes it);
    /// a privilege on no table (a Custom API's) is reported with OTC=0 and an empty entity, as Dataverse does for prvBulkDelete.
    /// </summary>
    public void DemandPrivilege(Guid userId, string privilegeName)
    {
        var privilegeId = PrivilegeId(privilegeName);
        if (HoldsPrivilege(userId, privilegeId))
        {
            return;
        }

        var roles = RolesOf(userId);
        var links = Store.Table("roleprivileges");
        var privilegeCount = links.Rows.Values.Count(r => r.GetStored("roleid") is Guid role && roles.Contains(role));
        throw new DataverseFaultException(
            PlatformErrorCodes.PrivilegeDenied,
            $"Principal user (Id={userId}, type=8, roleCount={roles.Count}, privilegeCount={privilegeCount}, accessMode=0), is missing {privilegeName} privilege (Id={privilegeId}) on OTC=0 for entity ''. context.Caller={userId}");
    }

    /// <summary>Gives a role a privilege (a roleprivileges row); <paramref name="depthMask"/> 1 Basic, 2 Local, 4 Deep, 8 Global.</summary>
    public void GrantPrivilege(Guid roleId, string privilegeName, int depthMask)
    {
        var id = Guid.NewGuid();
        var draft = Store.Draft("roleprivileges");
        draft.Set("roleprivilegeid", id);
        draft.Set("roleid", roleId);
        draft.Set("privilegeid", PrivilegeId(privilegeName));
        draft.Set("privilegedepthmask", depthMask);
        Store.Write(draft, id);
    }

    /// <summary>The depth mask of a role privilege's level in solution XML (Basic, Local, Deep, Global).</summary>
    public static int DepthMask(string level) => level switch
    {
        "Basic" => 1,
        "Local" => 2,
        "Deep" => 4,
        "Global" => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "A role privilege level is Basic, Local, Deep or Global."),
    };
}
