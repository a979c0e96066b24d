using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseRelationship.Cli.DataSets.Csv;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>
/// A Web API value as the CSV cell the CSV loader reads back to the same value (<see cref="CsvColumnMap"/>,
/// docs/data-formats.md): numbers as JSON writes them (invariant), choices as their values, multi-select choices
/// separated by ';', lookups as GUIDs, dates as the ISO 8601 text the Web API returns, RFC 4180 quoting.
/// </summary>
internal static class CsvCells
{
    /// <summary>The Web API property a CSV column is read from (lookups: <c>_name_value</c>).</summary>
    public static string Property(CsvColumn column) => column.Kind is CsvValueKind.Lookup or CsvValueKind.Currency ? "_" + column.LogicalName + "_value" : column.LogicalName;

    public static string Text(CsvColumn column, JsonNode? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        string text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            _ => throw new FormatException($"{column.LogicalName}: the environment returned {value.ToJsonString()}, which is not a column value."),
        };
        return column.Kind == CsvValueKind.MultiChoice ? text.Replace(',', ';') : text;
    }

    /// <summary>One CSV record (no line end).</summary>
    public static string Record(string[] fields)
    {
        var line = new StringBuilder();
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            string f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (f.Length > 0 && (f[0] == ' ' || f[^1] == ' ')))
            {
                line.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(f);
            }
        }

        return line.ToString();
    }
}
