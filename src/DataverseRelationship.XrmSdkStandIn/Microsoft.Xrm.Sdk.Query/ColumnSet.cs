using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>The columns a query returns: all of them (<see cref="AllColumns"/>) or the listed ones.</summary>
[DataContract(Name = "ColumnSet", Namespace = ContractNamespaces.Xrm2011)]
public sealed class ColumnSet : IExtensibleDataObject
{
    private readonly DataCollection<string> columns = new DataCollection<string>();

    public ColumnSet()
    {
    }

    /// <summary>All columns when true; <see cref="Columns"/> stays empty either way.</summary>
    public ColumnSet(bool allColumns)
    {
        AllColumns = allColumns;
    }

    public ColumnSet(params string[] columns)
    {
        this.columns.AddRange(columns);
    }

    public bool AllColumns { get; set; }

    public DataCollection<string> Columns => columns;

    public ExtensionDataObject ExtensionData { get; set; }

    public bool HasLazyFileAttribute { get; set; }

    public string LazyFileAttributeEntityName { get; set; }

    public string LazyFileAttributeKey { get; set; }

    public int LazyFileAttributeSizeLimit { get; set; }

    public Lazy<object> LazyFileAttributeValue { get; set; }

    /// <summary>Appends the column (no de-duplication).</summary>
    public void AddColumn(string column)
    {
        columns.Add(column);
    }

    /// <summary>Appends the columns in order (no de-duplication). A null array throws NullReferenceException, as the genuine SDK does.</summary>
    public void AddColumns(params string[] columns)
    {
        foreach (string column in columns)
        {
            this.columns.Add(column);
        }
    }
}
