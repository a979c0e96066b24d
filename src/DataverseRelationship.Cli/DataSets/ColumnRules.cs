using System;
using System.Globalization;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>
/// One loaded row against its table's metadata: text no longer than the column's MaxLength, numbers within its
/// MinValue..MaxValue (the limits the local Dataverse enforces when the replay writes the row), dates within the
/// plausible years. Each value out of bounds is one problem naming the column, the value and the bound.
/// </summary>
public static class ColumnRules
{
    /// <summary>Reports every value of <paramref name="row"/> that its column does not admit.</summary>
    public static void Check(string table, int index, Entity row, TableMetadata? metadata, DataSetLoadOptions options, Action<string, int, string> report)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var (name, value) in row.Attributes)
        {
            if (value is DateTime date && !options.IsPlausible(date))
            {
                report(table, index, string.Create(CultureInfo.InvariantCulture,
                    $"{name} is {date:yyyy-MM-dd}; dates must fall within {options.PlausibleRange} (a year such as 0001 or 9999 usually stands for a missing date; --dates FROM-TO widens the range)"));
                continue;
            }

            if (metadata?.FindColumn(name) is not { } column)
            {
                continue;
            }

            if (value is string text && column.MaxLength is { } maxLength && text.Length > maxLength)
            {
                report(table, index, string.Create(CultureInfo.InvariantCulture,
                    $"{name} is {text.Length:#,##0} characters long; the column holds at most {maxLength:#,##0}"));
            }
            else if (Number(value) is { } number && OutOfRange(number, column) is { } bounds)
            {
                report(table, index, string.Create(CultureInfo.InvariantCulture, $"{name} is {number}; it must be {bounds}"));
            }
        }
    }

    private static decimal? Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        double f => f is > (double)decimal.MaxValue or < (double)decimal.MinValue ? null : (decimal)f,
        Money m => m.Value,
        _ => null,
    };

    private static string? OutOfRange(decimal value, ColumnMetadata column) => (column.MinValue, column.MaxValue) switch
    {
        ({ } min, { } max) when value < min || value > max => string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}"),
        ({ } min, null) when value < min => string.Create(CultureInfo.InvariantCulture, $"at least {min}"),
        (null, { } max) when value > max => string.Create(CultureInfo.InvariantCulture, $"at most {max}"),
        _ => null,
    };
}
