using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Recalculation;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Contacts;

/// <summary>
/// contact, Create / Update / Delete, PostOperation (40), synchronous. Update filters on parentcustomerid,
/// accountrolecode and statecode; Update and Delete carry a PreImage, Create and Update a PostImage, of those columns.
/// Whether the contact counts as a key contact (active, Decision Maker or Influencer) and for which account, before
/// (PreImage) and after (PostImage), gives each account a difference of −1, 0 or +1 to its stored dvr_keycontactcount;
/// only an account whose count was never stored is counted by a query. An account whose count does not change is
/// not touched.
/// Reads: per changed account its row with its ledger (one Retrieve) and the policy (one query).
/// Writes: the account's dvr_keycontactcount and whatever that changes (tier eligibility, scores) in one SYSTEM Update
/// at most, and a dvr_tierchange row when the tier changes. On re-parenting both accounts change.
/// </summary>
public sealed class RecountKeyContacts : PluginBase
{
    /// <summary>The columns whose change this type must react to: an Update step's FilteringAttributes must include them all
    /// (the solution validator reads this).</summary>
    public const string TriggerColumns = ContactTable.ParentCustomerId + "," + ContactTable.AccountRoleCode + "," + ContactTable.StateCode;

    /// <summary>The columns this type reads from its pre-image: the image's Attributes must include them all (the solution validator reads this).</summary>
    public const string PreImageColumns = TriggerColumns;

    /// <summary>The columns this type reads from its post-image (the solution validator reads this).</summary>
    public const string PostImageColumns = TriggerColumns;

    /// <summary>The registered pre-image alias.</summary>
    public const string PreImageAlias = "PreImage";

    /// <summary>The registered post-image alias.</summary>
    public const string PostImageAlias = "PostImage";

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
        var before = execution.MessageName is "Update" or "Delete" ? Image(execution.PreEntityImages, PreImageAlias) : null;
        var after = execution.MessageName is "Create" or "Update" ? Image(execution.PostEntityImages, PostImageAlias) : null;
        var differences = new List<KeyValuePair<Guid, int>>(2);
        Count(differences, before, -1);
        Count(differences, after, +1);
        differences.RemoveAll(d => d.Value == 0);
        if (differences.Count == 0)
        {
            context.Trace("No account's key contacts change; nothing to recompute.");
            return;
        }

        var policy = PolicySource.Read(context);
        foreach (var difference in differences)
        {
            var account = context.SystemService.Retrieve(AccountTable.LogicalName, difference.Key, new ColumnSet(AccountMapping.ReadColumns));
            var stored = account.GetAttributeValue<int?>(AccountTable.KeyContactCount);
            // Counted only when no count was ever stored (the contact's own change is already in what the query sees).
            var count = stored.HasValue ? stored.Value + difference.Value : CountKeyContacts(context.SystemService, difference.Key);
            AccountRecalculation.Recalculate(context, difference.Key, policy, LedgerChange.None, account, count < 0 ? 0 : count);
        }
    }

    /// <summary>Whether the contact is a key contact: active (statecode 0) and a Decision Maker or Influencer.</summary>
    public static bool IsKeyContact(Entity contact)
    {
        Argument.NotNull(contact, nameof(contact));
        var role = contact.GetAttributeValue<OptionSetValue>(ContactTable.AccountRoleCode)?.Value;
        var state = contact.GetAttributeValue<OptionSetValue>(ContactTable.StateCode)?.Value ?? 0;
        return state == 0 && (role == (int)ContactRole.DecisionMaker || role == (int)ContactRole.Influencer);
    }

    private static void Count(List<KeyValuePair<Guid, int>> differences, Entity? contact, int sign)
    {
        var accountId = AccountOf(contact);
        if (!accountId.HasValue || !IsKeyContact(contact!))
        {
            return;
        }

        var index = differences.FindIndex(d => d.Key == accountId.Value);
        if (index < 0)
        {
            differences.Add(new KeyValuePair<Guid, int>(accountId.Value, sign));
        }
        else
        {
            differences[index] = new KeyValuePair<Guid, int>(accountId.Value, differences[index].Value + sign);
        }
    }

    private static Entity Image(EntityImageCollection images, string alias) =>
        images.TryGetValue(alias, out var image) && image is not null
            ? image
            : throw new InvalidPluginExecutionException("RecountKeyContacts needs the image '" + alias + "' with the columns " + TriggerColumns + "; the step is registered without it.");

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
}
