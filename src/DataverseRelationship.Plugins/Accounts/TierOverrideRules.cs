using System;
using System.Globalization;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Accounts;

/// <summary>
/// The rules for a manual tier override: a reason and an expiry are required, the expiry lies in the future and within
/// the policy's <c>tiers.maximumOverrideDays</c>, and only holders of the solution's "Relationship Manager" role (by id, directly or through a team) may set, change or clear one.
/// </summary>
public static class TierOverrideRules
{
    /// <summary>Whether the Target touches any of the override columns.</summary>
    public static bool TouchesOverride(Entity target)
    {
        Argument.NotNull(target, nameof(target));
        return target.Attributes.ContainsKey(AccountTable.TierOverride)
            || target.Attributes.ContainsKey(AccountTable.TierOverrideReason)
            || target.Attributes.ContainsKey(AccountTable.TierOverrideExpiresOn);
    }

    /// <summary>
    /// Validates the override the row will hold after the save (<paramref name="row"/> = PreImage overlaid with the
    /// Target), checks the user's role and completes the <paramref name="target"/>: who set it, or cleared companions.
    /// </summary>
    /// <remarks><paramref name="policy"/> is called only when an override is set: removing one needs no policy.</remarks>
    public static void Apply(ILocalPluginContext context, Entity target, Entity row, DateTime now, Func<RelationshipPolicy> policy)
    {
        Argument.NotNull(policy, nameof(policy));
        Argument.NotNull(context, nameof(context));
        Argument.NotNull(target, nameof(target));
        Argument.NotNull(row, nameof(row));
        var userId = context.ExecutionContext.UserId;
        var tier = ChoiceMapping.ToTier(row.GetChoice(AccountTable.TierOverride), AccountTable.TierOverride);
        if (!HoldsRelationshipManagerRole(context.SystemService, userId))
        {
            throw new InvalidPluginExecutionException(
                "Only users with the \"" + SecurityTables.RelationshipManagerRole + "\" security role may set, change or remove a tier override (dvr_tieroverride).");
        }

        if (!tier.HasValue)
        {
            // The override is removed: its reason, expiry and author go with it.
            // (The PreImage does not carry the author, so all three are cleared.)
            target[AccountTable.TierOverrideReason] = null;
            target[AccountTable.TierOverrideExpiresOn] = null;
            target[AccountTable.TierOverrideSetBy] = null;

            context.Trace("Tier override removed.");
            return;
        }

        if (string.IsNullOrWhiteSpace(row.GetAttributeValue<string>(AccountTable.TierOverrideReason)))
        {
            throw new InvalidPluginExecutionException("A tier override needs a reason: fill in dvr_tieroverridereason (why the account is set to " + TierNames.Describe(tier.Value) + ").");
        }

        var maximumOverrideDays = policy().Tiers.MaximumOverrideDays;
        var expires = row.GetAttributeValue<DateTime?>(AccountTable.TierOverrideExpiresOn)
            ?? throw new InvalidPluginExecutionException("A tier override needs an expiry date: fill in dvr_tieroverrideexpireson (at most " + maximumOverrideDays.ToString(CultureInfo.InvariantCulture) + " days ahead).");
        if (expires <= now)
        {
            throw new InvalidPluginExecutionException(
                "The tier override's expiry dvr_tieroverrideexpireson (" + expires.ToString("u", CultureInfo.InvariantCulture) + ") must be in the future.");
        }

        if (expires > now.AddDays(maximumOverrideDays))
        {
            throw new InvalidPluginExecutionException(
                "The tier override's expiry dvr_tieroverrideexpireson (" + expires.ToString("u", CultureInfo.InvariantCulture) + ") is more than "
                + maximumOverrideDays.ToString(CultureInfo.InvariantCulture) + " days ahead; choose an earlier date.");
        }

        target[AccountTable.TierOverrideSetBy] = new EntityReference(SecurityTables.SystemUser, userId);
        context.Trace("Tier override to " + TierNames.Describe(tier.Value) + " until " + expires.ToString("u", CultureInfo.InvariantCulture) + " accepted.");
    }

    /// <summary>
    /// Whether the user holds the solution's Relationship Manager role, directly or through a team: one RetrieveMultiple.
    /// The role is matched by id, never by name (anyone who may create a role could name one alike): the root business
    /// unit's role keeps the solution's id, and Dataverse's copy of it in each child business unit has its own id with
    /// parentrootroleid = the root role's id (role table reference,
    /// https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/role). A user holds the
    /// privileges of their own roles and of their teams' roles ("inherited privileges from their team membership",
    /// https://learn.microsoft.com/power-apps/developer/data-platform/security-access-coding), so both links count.
    /// </summary>
    public static bool HoldsRelationshipManagerRole(IOrganizationService service, Guid userId)
    {
        Argument.NotNull(service, nameof(service));
        var roleId = new Guid(SecurityTables.RelationshipManagerRoleId);
        var query = new QueryExpression(SecurityTables.Role)
        {
            ColumnSet = new ColumnSet(SecurityTables.RoleId),
            TopCount = 1,
        };
        var role = new FilterExpression(LogicalOperator.Or);
        role.AddCondition(SecurityTables.RoleId, ConditionOperator.Equal, roleId);
        role.AddCondition(SecurityTables.ParentRootRoleId, ConditionOperator.Equal, roleId);
        query.Criteria.AddFilter(role);

        var direct = query.AddLink(SecurityTables.SystemUserRoles, SecurityTables.RoleId, SecurityTables.RoleId, JoinOperator.LeftOuter);
        direct.EntityAlias = "direct";
        direct.LinkCriteria.AddCondition(SecurityTables.SystemUserId, ConditionOperator.Equal, userId);
        var teamRole = query.AddLink(SecurityTables.TeamRoles, SecurityTables.RoleId, SecurityTables.RoleId, JoinOperator.LeftOuter);
        teamRole.EntityAlias = "teamrole";
        var member = teamRole.AddLink(SecurityTables.TeamMembership, SecurityTables.TeamId, SecurityTables.TeamId, JoinOperator.LeftOuter);
        member.EntityAlias = "member";
        member.LinkCriteria.AddCondition(SecurityTables.SystemUserId, ConditionOperator.Equal, userId);

        var held = new FilterExpression(LogicalOperator.Or);
        held.AddCondition("direct", SecurityTables.SystemUserRoleId, ConditionOperator.NotNull);
        held.AddCondition("member", SecurityTables.TeamMembershipId, ConditionOperator.NotNull);
        query.Criteria.AddFilter(held);
        return service.RetrieveMultiple(query).Entities.Count > 0;
    }
}
