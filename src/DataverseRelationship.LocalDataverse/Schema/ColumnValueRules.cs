using System;
using System.Globalization;
using System.Linq;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Schema;

/// <summary>Checks a value written to a column the way Dataverse does and returns the copy to store.</summary>
internal static class ColumnValueRules
{
    public static object? Normalize(TableMetadata table, string columnName, object? value)
    {
        var column = table.GetColumn(columnName);
        if (value == null)
        {
            return null;
        }

        var expected = column.ClrType;
        if (value.GetType() != expected)
        {
            // The wording of the fault Dataverse returns for a value of the wrong .NET type (no Microsoft page documents it;
            // emulators reproduce "Incorrect type of attribute value <type>"); the column and expected type are added here.
            throw new DataverseFaultException(
                PlatformErrorCodes.Unexpected,
                $"Incorrect type of attribute value {value.GetType().FullName} for column '{columnName}' (expected {expected.FullName}).");
        }

        switch (value)
        {
            case EntityReference reference:
                CheckReference(table, column, reference);
                return ValueCopy.CloneReference(reference);
            case string text:
                if (column.MaxLength is { } maxLength && text.Length > maxLength)
                {
                    throw new DataverseFaultException(
                        PlatformErrorCodes.InvalidArgument,
                        $"A validation error occurred. The length of the '{columnName}' attribute of the '{table.LogicalName}' entity exceeded the maximum allowed length of '{maxLength}'.");
                }

                return text;
            case DateTime date:
                var utc = date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : DateTime.SpecifyKind(date, DateTimeKind.Utc);

                // Date-only columns keep no time (https://learn.microsoft.com/power-apps/developer/data-platform/behavior-format-date-time-attribute).
                return column.DateBehavior == DateBehavior.DateOnly ? utc.Date : utc;
            case int number:
                CheckRange(table, column, number);
                return number;
            case long number:
                CheckRange(table, column, number);
                return number;
            case decimal number:
                CheckRange(table, column, number);
                return number;
            case double number:
                CheckRange(table, column, (decimal)number);
                return number;
            case Money money:
                CheckRange(table, column, money.Value);
                return new Money(money.Value);
            case OptionSetValue option:
                CheckOption(table, column, option.Value);
                return new OptionSetValue(option.Value);
            case OptionSetValueCollection options:
                foreach (var option in options)
                {
                    CheckOption(table, column, option.Value);
                }

                return ValueCopy.Clone(options);
            default:
                return ValueCopy.Clone(value);
        }
    }

    private static void CheckReference(TableMetadata table, ColumnMetadata column, EntityReference reference)
    {
        if (string.IsNullOrEmpty(reference.LogicalName))
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The lookup '{column.LogicalName}' of '{table.LogicalName}' has no LogicalName.");
        }

        if (reference.Id == Guid.Empty)
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The lookup '{column.LogicalName}' of '{table.LogicalName}' has an empty Id (alternate keys are not supported by the local Dataverse).");
        }

        if (column.Targets.Count > 0 && !column.Targets.Contains(reference.LogicalName, StringComparer.Ordinal))
        {
            throw new DataverseFaultException(
                PlatformErrorCodes.InvalidArgument,
                $"The lookup '{column.LogicalName}' of '{table.LogicalName}' cannot reference a '{reference.LogicalName}' row; it references {string.Join(" or ", column.Targets)}.");
        }
    }

    private static void CheckOption(TableMetadata table, ColumnMetadata column, int value)
    {
        if (column.AllowedValues is { } allowed && !allowed.Contains(value))
        {
            throw new DataverseFaultException(
                PlatformErrorCodes.InvalidArgument,
                string.Format(CultureInfo.InvariantCulture, "A validation error occurred. The value {0} of '{1}' on record of type '{2}' is outside the valid range.", value, column.LogicalName, table.LogicalName));
        }
    }

    private static void CheckRange(TableMetadata table, ColumnMetadata column, decimal value)
    {
        if ((column.MinValue is { } min && value < min) || (column.MaxValue is { } max && value > max))
        {
            throw new DataverseFaultException(
                PlatformErrorCodes.InvalidArgument,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "A validation error occurred. The value {0} of '{1}' on record of type '{2}' is outside the valid range. Accepted range: {3} to {4}.",
                    value,
                    column.LogicalName,
                    table.LogicalName,
                    column.MinValue?.ToString(CultureInfo.InvariantCulture) ?? "-",
                    column.MaxValue?.ToString(CultureInfo.InvariantCulture) ?? "-"));
        }
    }
}
