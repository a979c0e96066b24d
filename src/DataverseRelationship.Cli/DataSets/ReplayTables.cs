using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>The tables a data set replays and the columns a loader keeps for each (those Tables.cs names).</summary>
public static class ReplayTables
{
    private static readonly Dictionary<string, HashSet<string>> Columns = new(StringComparer.Ordinal)
    {
        [AccountTable.LogicalName] = NamedColumns(typeof(AccountTable)),
        [ContactTable.LogicalName] = NamedColumns(typeof(ContactTable)),
        [OpportunityTable.LogicalName] = NamedColumns(typeof(OpportunityTable)),
    };

    /// <summary>account, contact, opportunity.</summary>
    public static IReadOnlyCollection<string> Names => Columns.Keys;

    public static bool IsReplayed(string table) => Columns.ContainsKey(table);

    /// <summary>True when a loader keeps the column; other columns are checked but not held in memory.</summary>
    public static bool Keeps(string table, string column) => Columns.TryGetValue(table, out HashSet<string>? set) && set.Contains(column);

    /// <summary>The primary key column: accountid, contactid, opportunityid.</summary>
    public static string IdColumn(string table) => table switch
    {
        AccountTable.LogicalName => AccountTable.Id,
        ContactTable.LogicalName => ContactTable.Id,
        OpportunityTable.LogicalName => OpportunityTable.Id,
        _ => throw new ArgumentException($"{table} is not a replayed table.", nameof(table)),
    };

    private static HashSet<string> NamedColumns(Type table)
    {
        var names = table.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != "LogicalName")
            .Select(f => (string)f.GetRawConstantValue()!);
        return new HashSet<string>(names, StringComparer.Ordinal);
    }
}
