using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.SolutionModel;

/// <summary>Builds one standard (or custom table's system) table definition column by column.</summary>
internal sealed class StandardTableBuilder
{
    /// <summary>The range of a _base currency column (the platform computes it; Money's limits).</summary>
    public const decimal MoneyBaseLimit = 922337203685477m;

    private readonly List<ColumnDefinition> _columns = [];
    private readonly Dictionary<int, int> _defaultStatuses = [];
    private readonly string _source;

    public StandardTableBuilder(string logicalName, string entitySetName, string primaryIdColumn, string? primaryNameColumn, string source)
    {
        LogicalName = logicalName;
        EntitySetName = entitySetName;
        PrimaryIdColumn = primaryIdColumn;
        PrimaryNameColumn = primaryNameColumn;
        _source = source;
        Add(primaryIdColumn, "primarykey");
    }

    public string LogicalName { get; }

    public string EntitySetName { get; }

    public string PrimaryIdColumn { get; }

    public string? PrimaryNameColumn { get; }

    /// <summary>Adds (or replaces) a column of the given solution XML type.</summary>
    public StandardTableBuilder Add(string name, string type, Func<ColumnDefinition, ColumnDefinition>? details = null)
    {
        var column = new ColumnDefinition
        {
            File = _source,
            Table = LogicalName,
            LogicalName = name,
            Type = type,
            ValidForCreateApi = true,
            ValidForUpdateApi = true,
            Targets = type switch
            {
                "owner" => ["systemuser", "team"],
                "customer" => ["account", "contact"],
                _ => [],
            },
        };
        column = details?.Invoke(column) ?? column;
        _columns.RemoveAll(c => c.LogicalName == name);
        _columns.Add(column);
        return this;
    }

    public StandardTableBuilder Text(string name, int maxLength, string type = "nvarchar") => Add(name, type, c => c with { MaxLength = maxLength });

    public StandardTableBuilder Number(string name, string type, decimal min, decimal max) => Add(name, type, c => c with { MinValue = min, MaxValue = max });

    /// <summary>A choice (or state/status) whose values are first..last (labels are not needed by the model).</summary>
    public StandardTableBuilder Options(string name, string type, int first, int last) =>
        Add(name, type, c => c with { Options = Enumerable.Range(first, last - first + 1).Select(v => new OptionValue(v, "")).ToList() });

    public StandardTableBuilder Ref(string name, params string[] targets) => Add(name, "lookup", c => c with { Targets = targets });

    public StandardTableBuilder PlatformSet(string name, string type, params string[] targets) =>
        Add(name, type, c => c with { IsPlatformSet = true, ValidForCreateApi = false, ValidForUpdateApi = false, Targets = targets.Length > 0 ? targets : c.Targets });

    public StandardTableBuilder DateOnly(string name) => Add(name, "datetime", c => c with { DateTimeBehavior = 2 });

    public StandardTableBuilder DefaultStatus(int state, int status)
    {
        _defaultStatuses[state] = status;
        return this;
    }

    /// <summary>createdon/modifiedon/createdby/modifiedby/versionnumber, set by the platform.</summary>
    public StandardTableBuilder Audit() => PlatformSet("createdon", "datetime")
        .PlatformSet("modifiedon", "datetime")
        .PlatformSet("createdby", "lookup", "systemuser")
        .PlatformSet("modifiedby", "lookup", "systemuser")
        .PlatformSet("versionnumber", "bigint");

    /// <summary>ownerid (systemuser or team) and the owning* columns of a user-owned table.</summary>
    public StandardTableBuilder Owner() => Add("ownerid", "owner")
        .PlatformSet("owningbusinessunit", "lookup", "businessunit")
        .PlatformSet("owninguser", "lookup", "systemuser")
        .PlatformSet("owningteam", "lookup", "team");

    /// <summary>statecode 0 Active (status 1) / 1 Inactive (status 2).</summary>
    public StandardTableBuilder ActiveInactiveState() => Options("statecode", "state", 0, 1)
        .Options("statuscode", "status", 1, 2)
        .DefaultStatus(0, 1)
        .DefaultStatus(1, 2);

    /// <summary>transactioncurrencyid and exchangerate of a table with currency columns.</summary>
    public StandardTableBuilder Currency() => Ref("transactioncurrencyid", "transactioncurrency")
        .PlatformSet("exchangerate", "decimal");

    /// <summary>A currency column and its platform-computed <c>_base</c> companion.</summary>
    public StandardTableBuilder Money(string name, decimal? min = null, decimal? max = null) =>
        Add(name, "money", c => c with { MinValue = min, MaxValue = max })
        .Add(name + "_base", "money", c => c with { IsPlatformSet = true, ValidForCreateApi = false, ValidForUpdateApi = false, MinValue = -MoneyBaseLimit, MaxValue = MoneyBaseLimit });

    public TableDefinition Build() => new()
    {
        File = _source,
        LogicalName = LogicalName,
        EntitySetName = EntitySetName,
        DefinesTable = true,
        PrimaryIdColumn = PrimaryIdColumn,
        PrimaryNameColumn = PrimaryNameColumn,
        Columns = [.. _columns],
        DefaultStatuses = new Dictionary<int, int>(_defaultStatuses),
    };
}
