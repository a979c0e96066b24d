using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.LocalDataverse.Schema;

/// <summary>One table: logical name, primary key, columns and the default status of each state.</summary>
public sealed class TableMetadata
{
    private readonly Dictionary<string, ColumnMetadata> _columns = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _defaultStatusByState = new();

    public TableMetadata(string logicalName, string primaryIdColumn, string? primaryNameColumn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        ArgumentException.ThrowIfNullOrWhiteSpace(primaryIdColumn);
        LogicalName = logicalName;
        PrimaryIdColumn = primaryIdColumn;
        PrimaryNameColumn = primaryNameColumn;
        AddColumn(new ColumnMetadata(primaryIdColumn, ColumnType.UniqueIdentifier));
    }

    public string LogicalName { get; }

    public string PrimaryIdColumn { get; }

    public string? PrimaryNameColumn { get; }

    /// <summary>The Web API entity set name (accounts, dvr_tierchanges), when the model says.</summary>
    public string? EntitySetName { get; init; }

    public IEnumerable<ColumnMetadata> Columns => _columns.Values;

    /// <summary>statecode value to its default statuscode.</summary>
    public IReadOnlyDictionary<int, int> DefaultStatusByState => _defaultStatusByState;

    /// <summary>Adds a column or replaces one of the same name.</summary>
    public TableMetadata AddColumn(ColumnMetadata column)
    {
        ArgumentNullException.ThrowIfNull(column);
        _columns[column.LogicalName] = column;
        return this;
    }

    /// <summary>Declares the default statuscode of a statecode.</summary>
    public TableMetadata WithDefaultStatus(int state, int status)
    {
        _defaultStatusByState[state] = status;
        return this;
    }

    public bool HasColumn(string logicalName) => _columns.ContainsKey(logicalName);

    public ColumnMetadata? FindColumn(string logicalName) => _columns.GetValueOrDefault(logicalName);

    /// <summary>The column, or a platform error naming the table and column as Dataverse does.</summary>
    public ColumnMetadata GetColumn(string logicalName) =>
        FindColumn(logicalName) ?? throw new DataverseFaultException(
            PlatformErrorCodes.QueryBuilderNoAttribute,
            $"'{LogicalName}' entity doesn't contain attribute with Name = '{logicalName}' and NameMapping = 'Logical'.");

    /// <summary>Columns whose values are indexed for equality lookups (references and non-key unique identifiers).</summary>
    internal IEnumerable<ColumnMetadata> IndexedColumns =>
        _columns.Values.Where(c => ColumnTypes.IsReference(c.Type)
            || (c.Type == ColumnType.UniqueIdentifier && c.LogicalName != PrimaryIdColumn));
}
