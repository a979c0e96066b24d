using DataverseRelationship.Plugins.Contacts;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Recalculation;

/// <summary>
/// Custom API dvr_RecalculateAccount (bound to account), main operation.
/// Reads: the Target account, every one of its opportunities (paged) to rebuild its ledger from scratch and its key
/// contacts (one paged query) to recount them, correcting any drift, and the policy. Writes: the account's changed computed columns and ledger (one SYSTEM Update at most), a
/// dvr_tierchange row when the tier changes; response Changed (whether anything was written).
/// </summary>
public sealed class RecalculateAccountApi : PluginBase
{
    public RecalculateAccountApi()
        : base(null, null)
    {
    }

    public RecalculateAccountApi(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(ILocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        if (!execution.InputParameters.TryGetValue("Target", out var value) || value is not EntityReference target || target.LogicalName != AccountTable.LogicalName)
        {
            throw new InvalidPluginExecutionException(CustomApis.RecalculateAccount + " needs the account to recompute as its Target.");
        }

        var policy = PolicySource.Read(context);
        var outcome = AccountRecalculation.Recalculate(context, target.Id, policy, LedgerChange.Rebuild, contacts: () => RecountKeyContacts.CountKeyContacts(context.SystemService, target.Id));
        execution.OutputParameters[CustomApis.ChangedParameter] = outcome.Changed;
    }
}
