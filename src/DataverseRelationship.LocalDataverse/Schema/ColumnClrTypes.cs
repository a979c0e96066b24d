using System;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Schema;

/// <summary>The .NET type the SDK carries a column type's values in.</summary>
internal static class ColumnClrTypes
{
    public static Type Of(ColumnType type) => type switch
    {
        ColumnType.UniqueIdentifier => typeof(Guid),
        ColumnType.Text or ColumnType.Memo or ColumnType.TableName => typeof(string),
        ColumnType.WholeNumber => typeof(int),
        ColumnType.BigInt => typeof(long),
        ColumnType.DecimalNumber => typeof(decimal),
        ColumnType.FloatingPoint => typeof(double),
        ColumnType.Currency => typeof(Money),
        ColumnType.YesNo => typeof(bool),
        ColumnType.DateAndTime => typeof(DateTime),
        ColumnType.Choice or ColumnType.State or ColumnType.Status => typeof(OptionSetValue),
        ColumnType.Choices => typeof(OptionSetValueCollection),
        ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => typeof(EntityReference),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };
}
