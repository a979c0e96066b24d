using System;
using System.Collections.Generic;

namespace DataverseRelationship.LocalDataverse.Schema;

/// <summary>One column of a table: its type, the tables a lookup may point to, and its valid range.</summary>
public sealed class ColumnMetadata
{
    public ColumnMetadata(string logicalName, ColumnType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        LogicalName = logicalName;
        Type = type;
    }

    public string LogicalName { get; }

    public ColumnType Type { get; }

    /// <summary>Tables a lookup may reference; empty means any table (custom lookups whose targets live in Relationships.xml).</summary>
    public IReadOnlyList<string> Targets { get; init; } = Array.Empty<string>();

    /// <summary>Smallest accepted number (whole, decimal, float, currency), when the metadata says.</summary>
    public decimal? MinValue { get; init; }

    /// <summary>Largest accepted number, when the metadata says.</summary>
    public decimal? MaxValue { get; init; }

    /// <summary>Longest accepted text, when the metadata says.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Date-and-time behaviour (date only columns drop the time).</summary>
    public DateBehavior DateBehavior { get; init; } = DateBehavior.UserLocal;

    /// <summary>The values a choice column accepts; null when the options are not known.</summary>
    public IReadOnlySet<int>? AllowedValues { get; init; }

    /// <summary>Set only by the platform (createdon, modifiedon, _base currency columns, fullname...).</summary>
    public bool IsPlatformSet { get; init; }

    /// <summary>The .NET type a value of this column must have.</summary>
    public Type ClrType => ColumnClrTypes.Of(Type);
}
