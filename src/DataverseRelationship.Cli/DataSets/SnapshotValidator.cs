using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>Where a loaded row came from, for error messages: the file and the line or record.</summary>
public delegate DataSetProblem RowLocator(string table, int index, string reason);

/// <summary>
/// Checks loaded rows as a whole: unique ids, every lookup to account/contact/opportunity resolves, required names,
/// every value within its column's range and length as the replay's schema gives them (<see cref="DataSetLoadOptions.Schema"/>),
/// every date within the plausible years, and known values of every choice.
/// </summary>
public static class SnapshotValidator
{
    private static readonly HashSet<int> ConcessionValues = [.. Enum.GetValues<ConcessionChoice>().Select(v => (int)v)];
    private static readonly HashSet<int> CommitmentValues = [.. Enum.GetValues<CommitmentChoice>().Select(v => (int)v)];
    private static readonly HashSet<int> TacticValues = [.. Enum.GetValues<ProcurementTacticChoice>().Select(v => (int)v)];
    private static readonly HashSet<int> SellerConductValues = [.. Enum.GetValues<SellerConductChoice>().Select(v => (int)v)];

    /// <summary>The standard opportunity status reasons of each state (Open 1 In Progress, 2 On Hold; Won 3; Lost 4 Canceled, 5 Out-Sold).</summary>
    private static readonly Dictionary<int, int[]> StandardStatusReasons = new()
    {
        [0] = [1, 2],
        [1] = [3],
        [2] = [4, 5],
    };

    /// <summary>Adds every problem found to <paramref name="problems"/>, checking values against the default schema.</summary>
    public static void Validate(DataSetRows rows, ProblemLog problems, RowLocator locate) => Validate(rows, problems, locate, new DataSetLoadOptions());

    /// <summary>Adds every problem found to <paramref name="problems"/>.</summary>
    public static void Validate(DataSetRows rows, ProblemLog problems, RowLocator locate, DataSetLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(locate);
        void Report(string table, int index, string reason)
        {
            DataSetProblem p = locate(table, index, reason);
            problems.Add(p.File, p.Location, p.Reason);
        }

        void Unknown(string table, int index, string column, int value, string handling)
            => rows.AddUnknown(new UnknownOptionValue(locate(table, index, string.Empty), column, value, handling));

        SchemaCatalog schema = options.SchemaToCheck();
        void Columns(string table, IReadOnlyList<Entity> tableRows)
        {
            TableMetadata? metadata = schema.FindTable(table);
            for (int i = 0; i < tableRows.Count; i++)
            {
                ColumnRules.Check(table, i, tableRows[i], metadata, options, Report);
            }
        }

        Columns(AccountTable.LogicalName, rows.Accounts);
        Columns(ContactTable.LogicalName, rows.Contacts);
        Columns(OpportunityTable.LogicalName, rows.Opportunities);
        HashSet<Guid> accounts = UniqueIds(AccountTable.LogicalName, rows.Accounts, Report);
        HashSet<Guid> contacts = UniqueIds(ContactTable.LogicalName, rows.Contacts, Report);
        UniqueIds(OpportunityTable.LogicalName, rows.Opportunities, Report);

        bool Exists(EntityReference r) => r.LogicalName switch
        {
            AccountTable.LogicalName => accounts.Contains(r.Id),
            ContactTable.LogicalName => contacts.Contains(r.Id),
            _ => true,
        };

        void CheckLookup(string table, int index, Entity row, string column, params string[] targets)
        {
            if (!row.TryGetAttributeValue(column, out EntityReference? r) || r is null)
            {
                return;
            }

            if (!targets.Contains(r.LogicalName, StringComparer.Ordinal))
            {
                Report(table, index, $"{column} refers to a {r.LogicalName} row; it must refer to {string.Join(" or ", targets)}");
            }
            else if (!Exists(r))
            {
                Report(table, index, $"{column} refers to {r.LogicalName} {r.Id}, which is not in the data set");
            }
        }

        for (int i = 0; i < rows.Accounts.Count; i++)
        {
            Entity a = rows.Accounts[i];
            if (string.IsNullOrWhiteSpace(a.GetAttributeValue<string>(AccountTable.Name)))
            {
                Report(AccountTable.LogicalName, i, $"{AccountTable.Name} is required");
            }

            CheckLookup(AccountTable.LogicalName, i, a, AccountTable.CustomerSponsorId, ContactTable.LogicalName);
            CheckLookup(AccountTable.LogicalName, i, a, AccountTable.SellerSponsorId, SecurityTables.SystemUser);
        }

        for (int i = 0; i < rows.Contacts.Count; i++)
        {
            Entity c = rows.Contacts[i];
            CheckLookup(ContactTable.LogicalName, i, c, ContactTable.ParentCustomerId, AccountTable.LogicalName, ContactTable.LogicalName);
            // A role the solution does not know (an organisation's own accountrolecode value) is kept: such a contact is
            // not a decision maker or influencer, which is what the plugins read.
            if (c.GetAttributeValue<OptionSetValue>(ContactTable.AccountRoleCode) is { Value: not (1 or 2 or 3) } role)
            {
                Unknown(ContactTable.LogicalName, i, ContactTable.AccountRoleCode, role.Value, "kept; the contact does not count as a key contact");
            }

            CheckOption(ContactTable.LogicalName, i, c, ContactTable.StateCode, [0, 1], Report);
        }

        for (int i = 0; i < rows.Opportunities.Count; i++)
        {
            Entity o = rows.Opportunities[i];
            const string T = OpportunityTable.LogicalName;
            CheckLookup(T, i, o, OpportunityTable.ParentAccountId, AccountTable.LogicalName);
            CheckLookup(T, i, o, OpportunityTable.CustomerId, AccountTable.LogicalName, ContactTable.LogicalName);
            CheckOption(T, i, o, OpportunityTable.StateCode, [0, 1, 2], Report);
            CheckStatus(i, o, Report, Unknown);
            CheckChoices(T, i, o, OpportunityTable.Concessions, ConcessionValues, (int)ConcessionChoice.None, Report, Unknown);
            CheckChoices(T, i, o, OpportunityTable.Commitments, CommitmentValues, (int)CommitmentChoice.None, Report, Unknown);
            CheckChoices(T, i, o, OpportunityTable.ProcurementTactics, TacticValues, (int)ProcurementTacticChoice.None, Report, Unknown);
            CheckChoices(T, i, o, OpportunityTable.SellerConduct, SellerConductValues, (int)SellerConductChoice.None, Report, Unknown);
        }
    }

    private static HashSet<Guid> UniqueIds(string table, IReadOnlyList<Entity> rows, Action<string, int, string> report)
    {
        var ids = new HashSet<Guid>();
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Id == Guid.Empty)
            {
                report(table, i, "the row has no id");
            }
            else if (!ids.Add(rows[i].Id))
            {
                report(table, i, $"{table} {rows[i].Id} appears more than once");
            }
        }

        return ids;
    }

    private static void CheckOption(string table, int index, Entity row, string column, int[] allowed, Action<string, int, string> report)
    {
        OptionSetValue? value = row.GetAttributeValue<OptionSetValue>(column);
        if (value is not null && !allowed.Contains(value.Value))
        {
            report(table, index, FormattableString.Invariant($"{column} is {value.Value}; allowed values are {string.Join(", ", allowed)}"));
        }
    }

    /// <summary>
    /// statuscode against statecode. A standard reason must belong to its state; an organisation's own status reason
    /// (a value such as 104800000) is replayed through its state (Won, or Lost as Canceled; open deals stay open) and
    /// reported. Without a statecode a custom reason cannot be placed and is an error.
    /// </summary>
    private static void CheckStatus(int index, Entity row, Action<string, int, string> report, Action<string, int, string, int, string> unknown)
    {
        int? state = row.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode)?.Value;
        int? status = row.GetAttributeValue<OptionSetValue>(OpportunityTable.StatusCode)?.Value;
        if (status is null)
        {
            return;
        }

        bool standard = StandardStatusReasons.Values.Any(v => v.Contains(status.Value));
        if (!standard)
        {
            if (state is null)
            {
                report(OpportunityTable.LogicalName, index, FormattableString.Invariant($"{OpportunityTable.StatusCode} {status} is not a standard status reason and there is no {OpportunityTable.StateCode} to replay it through"));
                return;
            }

            string handling = state switch
            {
                1 => "custom status reason, replayed as Won (statecode 1)",
                2 => "custom status reason, replayed as Lost, Canceled (statecode 2)",
                _ => "custom status reason, replayed as Open (statecode 0)",
            };
            unknown(OpportunityTable.LogicalName, index, OpportunityTable.StatusCode, status.Value, handling);
            row.Attributes.Remove(OpportunityTable.StatusCode);
            return;
        }

        if (state is null || !StandardStatusReasons.TryGetValue(state.Value, out int[]? reasons))
        {
            return;
        }

        if (!reasons.Contains(status.Value))
        {
            report(OpportunityTable.LogicalName, index, FormattableString.Invariant($"{OpportunityTable.StatusCode} {status} does not belong to {OpportunityTable.StateCode} {state}"));
        }
    }

    /// <summary>
    /// A multi-select column: "None" together with another value contradicts itself (an error); a value the solution
    /// does not define is reported and left out of the replayed row (when nothing known is left the column is not
    /// recorded: an unknown option is no evidence either way).
    /// </summary>
    private static void CheckChoices(string table, int index, Entity row, string column, HashSet<int> allowed, int none,
        Action<string, int, string> report, Action<string, int, string, int, string> unknown)
    {
        OptionSetValueCollection? values = row.GetAttributeValue<OptionSetValueCollection>(column);
        if (values is null)
        {
            return;
        }

        var known = new OptionSetValueCollection();
        foreach (OptionSetValue v in values)
        {
            if (allowed.Contains(v.Value))
            {
                known.Add(v);
            }
            else
            {
                unknown(table, index, column, v.Value, "not one of the solution's choices; left out of the replay");
            }
        }

        if (known.Any(v => v.Value == none) && known.Count > 1)
        {
            report(table, index, FormattableString.Invariant($"{column} holds None ({none}) together with other values; choose either None or the values that apply"));
        }

        if (known.Count != values.Count)
        {
            if (known.Count == 0)
            {
                row.Attributes.Remove(column);
            }
            else
            {
                row[column] = known;
            }
        }
    }
}
