using System;
using System.Globalization;
using DataverseRelationship.Engine;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Recalculation;

/// <summary>What one account recalculation did.</summary>
public sealed record RecalculationOutcome
{
    public Guid AccountId { get; init; }

    /// <summary>The account's stored columns changed (one Update was written).</summary>
    public bool Changed { get; init; }

    /// <summary>The effective tier changed (a dvr_tierchange row was written).</summary>
    public bool TierChanged { get; init; }

    /// <summary>Deals read to rebuild the ledger (0 when the stored ledger was used).</summary>
    public int DealsRead { get; init; }

    public AccountAssessment Assessment { get; init; } = new AccountAssessment();
}

/// <summary>
/// The shared account recalculation every step and Custom API uses. Reads the account with its ledger (one Retrieve,
/// unless the caller already holds the row), applies the change (a deal save's difference, nothing, or a rebuild from
/// the deals in one paged query), runs the engine on the ledger at the operation's time, then writes only the columns
/// whose values change, the ledger among them, in at most one Update through the SYSTEM service (which is what lets it
/// write computed columns: <see cref="RulesWrite"/>), and one dvr_tierchange row when the effective tier changes.
/// A save therefore costs the same few calls whatever the number of the account's deals.
/// </summary>
public static class AccountRecalculation
{
    /// <summary>Opportunities per page (the platform's maximum).</summary>
    public const int PageSize = 5000;

    /// <summary>
    /// 0x80060882 ConcurrencyVersionMismatch: the row changed since it was read
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency).
    /// </summary>
    public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

    /// <summary>Recomputes one account and writes what changed.</summary>
    /// <param name="context">The plugin execution.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="policy">The policy in force.</param>
    /// <param name="change">What to do with the stored ledger.</param>
    /// <param name="account">The account row with <see cref="AccountMapping.ReadColumns"/> when the caller already read it; null to read it here.</param>
    /// <param name="keyContactCount">A key-contact count just recounted; null to keep the stored one.</param>
    /// <param name="contacts">Counts the account's key contacts: called when the ledger is rebuilt, so the recalculation corrects both.</param>
    /// <param name="history">Score-history columns the scheduled recalculation sets (the trend baseline, the last snapshot's
    /// date): the assessment reads them and they are written with the other changes.</param>
    public static RecalculationOutcome Recalculate(ILocalPluginContext context, Guid accountId, RelationshipPolicy policy, LedgerChange change, Entity? account = null, int? keyContactCount = null, Func<int>? contacts = null, Entity? history = null)
    {
        Argument.NotNull(context, nameof(context));
        Argument.NotNull(policy, nameof(policy));
        Argument.NotNull(change, nameof(change));
        var service = context.SystemService;
        var asOf = context.ExecutionContext.OperationCreatedOn;
        account ??= service.Retrieve(AccountTable.LogicalName, accountId, new ColumnSet(AccountMapping.ReadColumns));

        var fingerprint = PolicyFingerprint.Of(policy);
        var reason = "the recalculation rebuilds it";
        var storedLedger = account.GetAttributeValue<string>(AccountTable.RelationshipLedger);
        var ledger = change.RebuildFromDeals ? null : LedgerText.Read(storedLedger, fingerprint, out reason);
        if (ledger is not null && change.RebuildAfterDays is { } days && !(ledger.RebuiltOn > asOf.AddDays(-days)))
        {
            reason = ledger.RebuiltOn.HasValue
                ? "last rebuilt on " + ledger.RebuiltOn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ", " + days.ToString(CultureInfo.InvariantCulture) + " or more days ago"
                : "never rebuilt from the deals";
            ledger = null;
        }

        var dealsRead = 0;
        // Not rebuilt and changed means read from the stored text and a difference added: only its months are rewritten.
        var ledgerChanged = true;
        var rebuilt = false;
        if (ledger is null)
        {
            rebuilt = true;
            // Rebuilt in the same transaction as the save, after it: the query already sees the deal as saved, so no
            // difference is applied on top.
            ledger = ReadLedger(service, accountId, asOf, policy, out dealsRead);
            ledger.RebuiltOn = asOf.Date;
            keyContactCount = contacts?.Invoke() ?? keyContactCount;
            context.Trace("Account " + accountId.ToString("D") + ": ledger rebuilt from " + dealsRead.ToString(CultureInfo.InvariantCulture) + " opportunities (" + reason + ").");
        }
        else if (change.Difference is not null && !change.Difference.IsEmpty)
        {
            ledger.Add(change.Difference, 1m);
        }
        else
        {
            // Nothing to add: the stored text is the ledger, so it is neither written out again nor compared.
            ledgerChanged = false;
        }

        var inputs = account;
        if (history is not null)
        {
            inputs = new Entity(account.LogicalName, account.Id);
            foreach (var column in account.Attributes)
            {
                inputs[column.Key] = column.Value;
            }

            foreach (var column in history.Attributes)
            {
                inputs[column.Key] = column.Value;
            }
        }

        var facts = AccountMapping.ToFacts(inputs, asOf, keyContactCount);
        var assessment = RelationshipEngine.AssessAccount(facts, ledger, asOf, policy);
        var desired = AccountMapping.ToColumns(assessment, accountId, facts.KeyContactCount);
        desired[AccountTable.RelationshipLedger] = !ledgerChanged ? storedLedger
            : StoredLedger(rebuilt ? LedgerText.Write(ledger, fingerprint) : LedgerText.Rewrite(storedLedger!, ledger, change.Difference!, fingerprint), accountId, context);
        if (history is not null)
        {
            foreach (var column in history.Attributes)
            {
                desired[column.Key] = column.Value;
            }
        }

        // The explanation describes the last change (its tier part names the rule that decided: "Promoted ...", then
        // "Kept ..."), so it is written with a change of value, never on its own.
        var explanation = desired[AccountTable.ScoreExplanation];
        desired.Attributes.Remove(AccountTable.ScoreExplanation);
        var changes = desired.ChangesFrom(account);
        if (changes is not null)
        {
            if (!EntityValues.SameValue(account.GetAttributeValue<string>(AccountTable.ScoreExplanation), explanation))
            {
                changes[AccountTable.ScoreExplanation] = explanation;
            }

            changes[AccountTable.ScoresCalculatedOn] = asOf;
            Write(service, changes, account);
        }

        var tierChanged = assessment.TierChange is not null;
        if (tierChanged)
        {
            service.Create(AccountMapping.ToTierChangeRow(assessment, accountId, account.GetAttributeValue<string>(AccountTable.Name)));
        }

        context.Trace("Account " + accountId.ToString("D") + ": " + assessment.OpportunitiesConsidered.ToString(CultureInfo.InvariantCulture)
            + " opportunities in the window, ledger of " + ledger.MonthCount.ToString(CultureInfo.InvariantCulture) + " months, health " + StoredValues.Describe(assessment.Health)
            + ", tier " + TierNames.Describe(assessment.EffectiveTier)
            + (changes is null ? "; nothing changed, nothing written." : "; wrote " + string.Join(", ", changes.Attributes.Keys) + ".")
            + (tierChanged ? " Tier change recorded." : string.Empty));
        return new RecalculationOutcome
        {
            AccountId = accountId,
            Changed = changes is not null,
            TierChanged = tierChanged,
            DealsRead = dealsRead,
            Assessment = assessment,
        };
    }

    /// <summary>
    /// The ledger as stored; null (so the next save rebuilds it) in the unlikely case that it outgrows the column, which
    /// takes deals spread over more than a century of months.
    /// </summary>
    private static string? StoredLedger(string text, Guid accountId, ILocalPluginContext context)
    {
        if (text.Length <= StoredValues.LedgerLength)
        {
            return text;
        }

        context.Trace("Account " + accountId.ToString("D") + ": the ledger (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters) exceeds the column; it is left empty and rebuilt at each save.");
        return null;
    }

    /// <summary>
    /// The one Update, conditional on the row version read with the account (optimistic concurrency,
    /// https://learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency): a concurrent save on the
    /// same account that committed in between makes the platform refuse it, so neither save's deal is lost from the
    /// ledger; the whole save rolls back and can be repeated. A synchronous plugin cannot retry inside its transaction
    /// (a failed request aborts it), so the refusal is reported to the user instead of retried.
    /// </summary>
    private static void Write(IOrganizationService service, Entity changes, Entity account)
    {
        var version = account.RowVersion;
        if (string.IsNullOrEmpty(version) && account.GetAttributeValue<long?>(AccountTable.VersionNumber) is { } number)
        {
            version = number.ToString(CultureInfo.InvariantCulture);
        }

        // Through the SYSTEM service: that identity is what marks the write as the rules' own (RulesWrite).
        var request = new UpdateRequest { Target = changes };
        if (!string.IsNullOrEmpty(version))
        {
            changes.RowVersion = version;
            request.ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches;
        }

        try
        {
            service.Execute(request);
        }
        catch (Exception exception) when (PlatformFault.ErrorCodeOf(exception) == ConcurrencyVersionMismatch)
        {
            throw new InvalidPluginExecutionException(
                "The account " + (account.GetAttributeValue<string>(AccountTable.Name) ?? account.Id.ToString("D"))
                + " was changed by another save while this one was updating its relationship scores; nothing was saved. Save again.",
                exception);
        }
    }

    /// <summary>The account's ledger built from every one of its opportunities, read page by page in one query.</summary>
    public static AccountLedger ReadLedger(IOrganizationService service, Guid accountId, DateTime asOf, RelationshipPolicy policy, out int dealsRead)
    {
        Argument.NotNull(service, nameof(service));
        Argument.NotNull(policy, nameof(policy));
        var query = new QueryExpression(OpportunityTable.LogicalName)
        {
            ColumnSet = new ColumnSet(OpportunityMapping.FactColumns),
            PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
        };
        query.Criteria.AddCondition(OpportunityTable.ParentAccountId, ConditionOperator.Equal, accountId);
        query.AddOrder(OpportunityTable.Id, OrderType.Ascending);

        var ledger = new AccountLedger();
        dealsRead = 0;
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            foreach (var row in page.Entities)
            {
                ledger.Add(OpportunityMapping.ToFacts(row, asOf), policy);
                dealsRead++;
            }

            if (!page.MoreRecords)
            {
                return ledger;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }
}
