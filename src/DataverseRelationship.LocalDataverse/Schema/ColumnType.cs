using System;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Schema;

/// <summary>Dataverse column types, each with the .NET type the SDK carries its values in.</summary>
public enum ColumnType
{
    /// <summary>Primary key or other unique identifier: <see cref="Guid"/>.</summary>
    UniqueIdentifier,
    /// <summary>Single line of text (nvarchar): <see cref="string"/>.</summary>
    Text,
    /// <summary>Multiple lines of text (ntext): <see cref="string"/>.</summary>
    Memo,
    /// <summary>Whole number (int): <see cref="int"/>.</summary>
    WholeNumber,
    /// <summary>Big integer: <see cref="long"/>.</summary>
    BigInt,
    /// <summary>Decimal number: <see cref="decimal"/>.</summary>
    DecimalNumber,
    /// <summary>Floating point number: <see cref="double"/>.</summary>
    FloatingPoint,
    /// <summary>Currency: <see cref="Money"/>.</summary>
    Currency,
    /// <summary>Yes/no (bit): <see cref="bool"/>.</summary>
    YesNo,
    /// <summary>Date and time or date only: <see cref="DateTime"/>.</summary>
    DateAndTime,
    /// <summary>Choice (picklist): <see cref="OptionSetValue"/>.</summary>
    Choice,
    /// <summary>Choices (multiselectpicklist): <see cref="OptionSetValueCollection"/>.</summary>
    Choices,
    /// <summary>statecode: <see cref="OptionSetValue"/>.</summary>
    State,
    /// <summary>statuscode: <see cref="OptionSetValue"/>.</summary>
    Status,
    /// <summary>Lookup: <see cref="EntityReference"/>.</summary>
    Lookup,
    /// <summary>Customer lookup (account or contact): <see cref="EntityReference"/>.</summary>
    Customer,
    /// <summary>Owner lookup (systemuser or team): <see cref="EntityReference"/>.</summary>
    Owner,
    /// <summary>Table name (EntityName): <see cref="string"/>.</summary>
    TableName,
}

/// <summary>How a date and time column stores its value (DateTimeBehavior).</summary>
public enum DateBehavior
{
    UserLocal = 1,
    DateOnly = 2,
    TimeZoneIndependent = 3,
}

internal static class ColumnTypes
{
    public static Type ClrType(ColumnType type) => type switch
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

    public static bool IsReference(ColumnType type) => type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;

    /// <summary>Maps the <c>&lt;Type&gt;</c> of a pac Entity.xml attribute.</summary>
    public static ColumnType? FromSolutionType(string solutionType) => solutionType.Trim().ToUpperInvariant() switch
    {
        "PRIMARYKEY" or "UNIQUEIDENTIFIER" => ColumnType.UniqueIdentifier,
        "NVARCHAR" => ColumnType.Text,
        "NTEXT" => ColumnType.Memo,
        "INT" => ColumnType.WholeNumber,
        "BIGINT" => ColumnType.BigInt,
        "DECIMAL" => ColumnType.DecimalNumber,
        "FLOAT" => ColumnType.FloatingPoint,
        "MONEY" => ColumnType.Currency,
        "BIT" => ColumnType.YesNo,
        "DATETIME" => ColumnType.DateAndTime,
        "PICKLIST" => ColumnType.Choice,
        "MULTISELECTPICKLIST" => ColumnType.Choices,
        "STATE" => ColumnType.State,
        "STATUS" => ColumnType.Status,
        "LOOKUP" => ColumnType.Lookup,
        "CUSTOMER" => ColumnType.Customer,
        "OWNER" => ColumnType.Owner,
        "ENTITYNAME" => ColumnType.TableName,
        _ => null,
    };
}
