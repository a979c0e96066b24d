namespace DataverseRelationship.SolutionModel;

/// <summary>Dataverse column types (AttributeTypeCode), as the local Dataverse stores them and Entity.xml names them (<see cref="ColumnTypes.FromSolutionType"/>).</summary>
public enum ColumnType
{
    /// <summary>Primary key or other unique identifier: Guid.</summary>
    UniqueIdentifier,
    /// <summary>Single line of text (nvarchar): string.</summary>
    Text,
    /// <summary>Multiple lines of text (ntext): string.</summary>
    Memo,
    /// <summary>Whole number (int): int.</summary>
    WholeNumber,
    /// <summary>Big integer: long.</summary>
    BigInt,
    /// <summary>Decimal number: decimal.</summary>
    DecimalNumber,
    /// <summary>Floating point number: double.</summary>
    FloatingPoint,
    /// <summary>Currency: Money.</summary>
    Currency,
    /// <summary>Yes/no (bit): bool.</summary>
    YesNo,
    /// <summary>Date and time or date only: DateTime.</summary>
    DateAndTime,
    /// <summary>Choice (picklist): OptionSetValue.</summary>
    Choice,
    /// <summary>Choices (multiselectpicklist): OptionSetValueCollection.</summary>
    Choices,
    /// <summary>statecode: OptionSetValue.</summary>
    State,
    /// <summary>statuscode: OptionSetValue.</summary>
    Status,
    /// <summary>Lookup: EntityReference.</summary>
    Lookup,
    /// <summary>Customer lookup (account or contact): EntityReference.</summary>
    Customer,
    /// <summary>Owner lookup (systemuser or team): EntityReference.</summary>
    Owner,
    /// <summary>Table name (EntityName): string.</summary>
    TableName,
}

/// <summary>How a date and time column stores its value (DateTimeBehavior).</summary>
public enum DateBehavior
{
    UserLocal = 1,
    DateOnly = 2,
    TimeZoneIndependent = 3,
}

/// <summary>The names solution XML gives column types (Entity.xml &lt;Type&gt;) and their <see cref="ColumnType"/>.</summary>
public static class ColumnTypes
{
    /// <summary>Lookups of any kind (lookup, customer, owner).</summary>
    public static bool IsReference(ColumnType type) => type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;

    /// <summary>Maps the <c>&lt;Type&gt;</c> of a pac Entity.xml attribute; null for a type the model does not store (virtual, partylist, ...).</summary>
    public static ColumnType? FromSolutionType(string solutionType)
    {
        System.ArgumentNullException.ThrowIfNull(solutionType);
        return solutionType.Trim().ToUpperInvariant() switch
        {
            "PRIMARYKEY" or "UNIQUEIDENTIFIER" => ColumnType.UniqueIdentifier,
            "NVARCHAR" => ColumnType.Text,
            "NTEXT" or "MEMO" => ColumnType.Memo,
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
}
