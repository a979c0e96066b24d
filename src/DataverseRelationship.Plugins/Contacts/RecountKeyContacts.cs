using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Recalculation;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Contacts;

/// <summary>
/// contact, Create / Update / Delete, PostOperation (40), synchronous. Update filters on parentcustomerid,
/// accountrolecode and statecode; Update and Delete carry a PreImage of parentcustomerid.
/// Reads: the contact's account before and after (Target, PreImage), per account its key contacts (one paged query:
/// active, Decision Maker or Influencer), the policy, the account row and its opportunities.
/// Writes: the account's dvr_keycontactcount and whatever that changes (tier eligibility, scores) in one SYSTEM Update
/// at most, and a dvr_tierchange row when the tier changes. On re-parenting both accounts are recounted.
/// </summary>
public sealed class RecountKeyContacts : PluginBase
{
    /// <summary>The columns whose change this type must react to: an Update step's FilteringAttributes must include them all
    /// (the solution validator reads this).</summary>
    public const string TriggerColumns = ContactTable.ParentCustomerId + "," + ContactTable.AccountRoleCode + "," + ContactTable.StateCode;

    /// <summary>The columns this type reads from its pre-image: the image's Attributes must include them all (the solution validator reads this).</summary>
    public const string PreImageColumns = ContactTable.ParentCustomerId;

    /// <summary>The registered image alias.</summary>
    public const string PreImageAlias = "PreImage";

    public RecountKeyContacts()
        : base(null, null)
    {
    }

    public RecountKeyContacts(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(ILocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        execution.PreEntityImages.TryGetValue(PreImageAlias, out var image);
        var before = AccountOf(image);
        var accounts = new List<Guid>(2);
        if (execution.MessageName == "Delete")
        {
            Add(accounts, before);
        }
        else
        {
            var target = execution.InputParameters.TryGetValue("Target", out var value) ? value as Entity : null;
            var after = target is not null && target.Attributes.ContainsKey(ContactTable.ParentCustomerId) ? AccountOf(target) : before;
            Add(accounts, after);
            Add(accounts, before);
        }

        if (accounts.Count == 0)
        {
            context.Trace("The contact belongs to no account; nothing to recount.");
            return;
        }

        var policy = PolicySource.Read(context);
        foreach (var accountId in accounts)
        {
            var count = CountKeyContacts(context.SystemService, accountId);
            AccountRecalculation.Recalculate(context, accountId, policy, keyContactCount: count);
        }
    }

    /// <summary>Active contacts of the account who are decision makers or influencers (one paged query).</summary>
    public static int CountKeyContacts(IOrganizationService service, Guid accountId)
    {
        Argument.NotNull(service, nameof(service));
        var query = new QueryExpression(ContactTable.LogicalName)
        {
            ColumnSet = new ColumnSet(ContactTable.Id),
            PageInfo = new PagingInfo { Count = AccountRecalculation.PageSize, PageNumber = 1 },
        };
        query.Criteria.AddCondition(ContactTable.ParentCustomerId, ConditionOperator.Equal, accountId);
        query.Criteria.AddCondition(ContactTable.StateCode, ConditionOperator.Equal, 0);
        query.Criteria.AddCondition(ContactTable.AccountRoleCode, ConditionOperator.In, (int)ContactRole.DecisionMaker, (int)ContactRole.Influencer);
        query.AddOrder(ContactTable.Id, OrderType.Ascending);
        var count = 0;
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            count += page.Entities.Count;
            if (!page.MoreRecords)
            {
                return count;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    private static Guid? AccountOf(Entity? contact)
    {
        var reference = contact?.GetAttributeValue<EntityReference>(ContactTable.ParentCustomerId);
        return reference is not null && reference.LogicalName == AccountTable.LogicalName && reference.Id != Guid.Empty ? reference.Id : null;
    }

    private static void Add(List<Guid> accounts, Guid? accountId)
    {
        if (accountId.HasValue && !accounts.Contains(accountId.Value))
        {
            accounts.Add(accountId.Value);
        }
    }
}
