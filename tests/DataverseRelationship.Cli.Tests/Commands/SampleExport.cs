using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Sample;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Tests.Commands;

/// <summary>
/// A slice of the built-in sample (its first accounts, with their contacts and deals as created) written the way
/// the loaders read it: a Configuration Migration package and a folder of CSV files, to mutate in the fuzz tests.
/// </summary>
public static class SampleExport
{
    /// <summary>The created rows of the sample's first <paramref name="accounts"/> accounts, their contacts and up to <paramref name="dealsPerAccount"/> deals each.</summary>
    public static IReadOnlyList<Entity> Rows(int accounts, int dealsPerAccount)
    {
        var created = SampleDataSet.Create().Events().Where(e => e.Kind == DataSetEventKind.Create).Select(e => e.Row!).ToList();
        var kept = created.Where(r => r.LogicalName == AccountTable.LogicalName).Take(accounts).ToList();
        var ids = kept.Select(a => a.Id).ToHashSet();
        kept.AddRange(created.Where(r => r.LogicalName == ContactTable.LogicalName && r.GetAttributeValue<EntityReference>(ContactTable.ParentCustomerId) is { } p && ids.Contains(p.Id)));
        kept.AddRange(created.Where(r => r.LogicalName == OpportunityTable.LogicalName && r.GetAttributeValue<EntityReference>(OpportunityTable.ParentAccountId) is { } p && ids.Contains(p.Id))
            .GroupBy(r => r.GetAttributeValue<EntityReference>(OpportunityTable.ParentAccountId).Id)
            .SelectMany(g => g.Take(dealsPerAccount)));
        var contactIds = kept.Where(r => r.LogicalName == ContactTable.LogicalName).Select(r => r.Id).ToHashSet();
        foreach (Entity account in kept.Where(r => r.LogicalName == AccountTable.LogicalName))
        {
            // Sponsors of accounts left out of the slice would dangle: keep only those inside it.
            if (account.GetAttributeValue<EntityReference>(AccountTable.CustomerSponsorId) is { } sponsor && !contactIds.Contains(sponsor.Id))
            {
                account.Attributes.Remove(AccountTable.CustomerSponsorId);
            }
        }

        return kept;
    }

    /// <summary>data_schema.xml and data.xml for the rows (field types from the values).</summary>
    public static (string Schema, string Data) Cmt(IReadOnlyList<Entity> rows)
    {
        var schema = new StringBuilder("<entities>\r\n");
        var data = new StringBuilder("<entities>\r\n");
        foreach (IGrouping<string, Entity> table in rows.GroupBy(r => r.LogicalName))
        {
            schema.Append(CultureInfo.InvariantCulture, $"  <entity name=\"{table.Key}\" primaryidfield=\"{table.Key}id\">\r\n    <fields>\r\n      <field name=\"{table.Key}id\" type=\"guid\" primaryKey=\"true\" />\r\n");
            foreach (var column in table.SelectMany(r => r.Attributes).GroupBy(a => a.Key).Select(g => g.First()))
            {
                string lookup = column.Value is EntityReference r ? $" lookupType=\"{r.LogicalName}\"" : string.Empty;
                schema.Append(CultureInfo.InvariantCulture, $"      <field name=\"{column.Key}\" type=\"{TypeOf(column.Value)}\"{lookup} />\r\n");
            }

            schema.Append("    </fields>\r\n  </entity>\r\n");
            data.Append(CultureInfo.InvariantCulture, $"  <entity name=\"{table.Key}\">\r\n    <records>\r\n");
            foreach (Entity row in table)
            {
                data.Append(CultureInfo.InvariantCulture, $"      <record id=\"{row.Id:D}\">\r\n");
                foreach (var (name, value) in row.Attributes)
                {
                    string lookup = value is EntityReference r ? $" lookupentity=\"{r.LogicalName}\"" : string.Empty;
                    data.Append(CultureInfo.InvariantCulture, $"        <field name=\"{name}\" value=\"{SecurityElement.Escape(Text(value))}\"{lookup} />\r\n");
                }

                data.Append("      </record>\r\n");
            }

            data.Append("    </records>\r\n  </entity>\r\n");
        }

        return (schema.Append("</entities>").ToString(), data.Append("</entities>").ToString());
    }

    /// <summary>account.csv, contact.csv and opportunity.csv (logical names as headers; multi-select values as numbers separated by ';').</summary>
    public static IReadOnlyDictionary<string, string> Csv(IReadOnlyList<Entity> rows)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (IGrouping<string, Entity> table in rows.GroupBy(r => r.LogicalName))
        {
            string[] columns = [table.Key + "id", .. table.SelectMany(r => r.Attributes.Keys).Distinct(StringComparer.Ordinal)];
            var text = new StringBuilder(string.Join(',', columns)).Append("\r\n");
            foreach (Entity row in table)
            {
                IEnumerable<string> cells = columns.Select(c => c == table.Key + "id" ? row.Id.ToString("D") : row.Attributes.TryGetValue(c, out object? v) ? CsvText(v) : string.Empty);
                text.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
            }

            files[table.Key + ".csv"] = text.ToString();
        }

        return files;
    }

    private static string TypeOf(object value) => value switch
    {
        string => "string",
        int => "number",
        decimal => "decimal",
        Money => "money",
        DateTime => "datetime",
        bool => "bool",
        OptionSetValue => "optionsetvalue",
        OptionSetValueCollection => "optionsetvaluecollection",
        EntityReference => "entityreference",
        Guid => "guid",
        _ => throw new ArgumentException($"No Configuration Migration type for {value.GetType().Name}.", nameof(value)),
    };

    private static string Text(object value) => value switch
    {
        DateTime d => d.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        Money m => m.Value.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        OptionSetValue o => o.Value.ToString(CultureInfo.InvariantCulture),
        OptionSetValueCollection c => "[-1," + string.Join(',', c.Select(o => o.Value.ToString(CultureInfo.InvariantCulture))) + ",-1]",
        EntityReference r => r.Id.ToString("D"),
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string CsvText(object value) => value switch
    {
        OptionSetValueCollection c => string.Join(';', c.Select(o => o.Value.ToString(CultureInfo.InvariantCulture))),
        _ => Text(value),
    };

    private static string Quote(string cell) => cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
