using System;
using System.Linq;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.SolutionPackager.Source;

// Choices and columns, and the columns the code names.
public static partial class SolutionValidator
{
    private sealed partial class Checker
    {
        private void OptionSets()
        {
            var prefix = source.Manifest?.OptionValuePrefix ?? code?.OptionValuePrefix;
            var localSets = source.Tables.SelectMany(t => t.Columns).Where(c => c.LocalOptionSet is not null).Select(c => c.LocalOptionSet!);
            foreach (var set in source.OptionSets.Concat(localSets).Where(s => ChoiceOptionSetTypes.Contains(s.OptionSetType)))
            {
                foreach (var duplicate in set.Options.GroupBy(o => o.Value).Where(g => g.Count() > 1))
                {
                    Add(FindingKind.InvalidChoice, set.File, $"choice {set.Name} has value {duplicate.Key} more than once.");
                }

                if (prefix is { } p && p > 0)
                {
                    var low = (long)p * 10000;
                    foreach (var option in set.Options.Where(o => o.Value < low || o.Value > low + 9999))
                    {
                        Add(FindingKind.InvalidChoice, set.File,
                            $"choice {set.Name} value {option.Value} ({option.Label}) is outside the option value prefix range {low}-{low + 9999}.");
                    }
                }
            }

            foreach (var expected in code?.Choices ?? [])
            {
                var set = source.FindOptionSet(expected.OptionSetName);
                if (set is null)
                {
                    Add(FindingKind.MissingOptionSet, "OptionSets", $"choice {expected.OptionSetName} (enum {expected.EnumName}) is not defined in OptionSets/.");
                    continue;
                }

                var values = set.Options.Select(o => o.Value).ToHashSet();
                foreach (var missing in expected.Values.Where(v => !values.Contains(v)))
                {
                    Add(FindingKind.InvalidChoice, set.File, $"choice {set.Name} lacks value {missing} that enum {expected.EnumName} has.");
                }

                foreach (var extra in values.Where(v => !expected.Values.Contains(v)).Order())
                {
                    Add(FindingKind.InvalidChoice, set.File, $"choice {set.Name} has value {extra} that enum {expected.EnumName} does not have.");
                }
            }
        }

        /// <summary>A new table lists the system columns every exported custom table carries, named as exports name them.</summary>
        private void SystemColumns(TableDefinition table)
        {
            foreach (var schemaName in CustomTableSystemColumns.SchemaNames)
            {
                var column = table.FindColumn(schemaName.ToLowerInvariant());
                if (column is null)
                {
                    Add(FindingKind.MissingColumn, table.File, $"new table {table.LogicalName} lacks the system column {schemaName}, which every exported custom table carries.");
                }
                else if (!string.Equals(column.SchemaName, schemaName, StringComparison.Ordinal))
                {
                    Add(FindingKind.MalformedFile, table.File, $"new table {table.LogicalName}: <attribute PhysicalName=\"{column.SchemaName}\"> should be PhysicalName=\"{schemaName}\", as exports write it.");
                }
            }
        }

        private void Columns()
        {
            var prefix = Prefix;
            foreach (var table in source.Tables)
            {
                if (table.DefinesTable && prefix.Length > 0 && !table.LogicalName.StartsWith(prefix + "_", StringComparison.OrdinalIgnoreCase))
                {
                    Add(FindingKind.InvalidManifest, table.File, $"new table {table.LogicalName} does not start with the publisher prefix '{prefix}_'.");
                }

                foreach (var duplicate in table.Columns.GroupBy(c => c.LogicalName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                {
                    Add(FindingKind.MalformedFile, table.File, $"column {table.LogicalName}.{duplicate.Key} is defined more than once.");
                }

                if (table.DefinesTable && !StandardTables.All.ContainsKey(table.LogicalName))
                {
                    SystemColumns(table);
                }

                foreach (var column in table.Columns.Where(c => c.IsCustomField))
                {
                    var where = $"column {table.LogicalName}.{column.LogicalName}";
                    if (prefix.Length > 0 && !column.LogicalName.StartsWith(prefix + "_", StringComparison.OrdinalIgnoreCase))
                    {
                        Add(FindingKind.InvalidManifest, table.File, $"{where} does not start with the publisher prefix '{prefix}_'.");
                    }

                    if (column.Type is "picklist" or "multiselectpicklist")
                    {
                        if (column.OptionSetName is { } name)
                        {
                            if (source.FindOptionSet(name) is null)
                            {
                                Add(FindingKind.MissingOptionSet, table.File, $"{where} uses choice {name}, which OptionSets/ does not define.");
                            }
                        }
                        else if (column.LocalOptionSet is null)
                        {
                            Add(FindingKind.MissingOptionSet, table.File, $"{where} is a choice column without OptionSetName or a local option set.");
                        }
                    }

                    if (column.Type == "decimal" && (column.MinValue is null || column.MaxValue is null || column.Accuracy is null))
                    {
                        Add(FindingKind.MalformedFile, table.File, $"{where} is decimal but lacks MinValue, MaxValue or Accuracy.");
                    }

                    if (column.Type is "nvarchar" or "ntext" && column.MaxLength is null)
                    {
                        Add(FindingKind.MalformedFile, table.File, $"{where} is text but lacks MaxLength.");
                    }

                    if (column.Type == "datetime" && column.DateTimeBehavior is null)
                    {
                        Add(FindingKind.MalformedFile, table.File, $"{where} is datetime but lacks Behavior.");
                    }

                    if (column.Type == "money" && !IsBaseCompanion(column) && table.FindColumn(column.LogicalName + "_base") is null)
                    {
                        Add(FindingKind.MissingColumn, table.File, $"{where} is money but its companion {column.LogicalName}_base is missing.");
                    }

                    if (column.Type == "lookup" && !source.Relationships.Any(r =>
                            string.Equals(r.ReferencingTable, table.LogicalName, StringComparison.OrdinalIgnoreCase)
                            && string.Equals(r.ReferencingAttribute, column.LogicalName, StringComparison.OrdinalIgnoreCase)))
                    {
                        Add(FindingKind.MissingRelationship, table.File, $"{where} is a lookup but no relationship in Other/Relationships names it.");
                    }
                }
            }

            foreach (var relationship in source.Relationships)
            {
                if (!TableExists(relationship.ReferencedTable))
                {
                    Add(FindingKind.MissingTable, relationship.File, $"relationship {relationship.Name} points to table {relationship.ReferencedTable}, which does not exist.");
                }

                if (!ColumnExists(relationship.ReferencingTable, relationship.ReferencingAttribute))
                {
                    Add(FindingKind.MissingColumn, relationship.File, $"relationship {relationship.Name} names column {relationship.ReferencingTable}.{relationship.ReferencingAttribute}, which does not exist.");
                }
            }
        }

        private void CodeColumns()
        {
            if (code is null)
            {
                return;
            }

            var prefix = Prefix;
            foreach (var expected in code.Columns)
            {
                var where = $"{expected.Member} ({expected.Table}.{expected.LogicalName})";
                var isCustom = prefix.Length > 0 && expected.LogicalName.StartsWith(prefix + "_", StringComparison.OrdinalIgnoreCase);
                if (!TableExists(expected.Table))
                {
                    Add(FindingKind.MissingTable, "Entities", $"{where}: table {expected.Table} is neither defined by the solution nor a known standard table.");
                    continue;
                }

                var table = source.FindTable(expected.Table);
                var column = table?.FindColumn(expected.LogicalName);
                var file = table?.File ?? "Entities";
                string? actualType = column?.Type;
                if (column is null)
                {
                    actualType = isCustom ? null : ColumnType(expected.Table, expected.LogicalName);
                    if (actualType is null)
                    {
                        Add(FindingKind.MissingColumn, file, isCustom
                            ? $"{where} is named by the code but the solution does not define it."
                            : $"{where} is named by the code but is not a known standard column of {expected.Table}.");
                        continue;
                    }
                }

                if (expected.Type is { } type && !string.Equals(type, actualType, StringComparison.OrdinalIgnoreCase))
                {
                    Add(FindingKind.ColumnTypeMismatch, file, $"{where}: the code says {type}, the solution defines {actualType}.");
                    continue;
                }

                if (column is null)
                {
                    continue;
                }

                if (expected.OptionSetName is { } set && !string.Equals(set, column.OptionSetName, StringComparison.OrdinalIgnoreCase))
                {
                    Add(FindingKind.ColumnTypeMismatch, file, $"{where}: the code says choice {set}, the solution uses {column.OptionSetName ?? "a local option set"}.");
                }

                if (expected.DateTimeBehavior == 2 && column.DateTimeBehavior != 2)
                {
                    Add(FindingKind.ColumnTypeMismatch, file, $"{where}: the code says date only (Behavior 2), the solution has Behavior {column.DateTimeBehavior}.");
                }

                if (expected.Type == "datetime" && expected.DateTimeBehavior is null && column.DateTimeBehavior == 2)
                {
                    Add(FindingKind.ColumnTypeMismatch, file, $"{where}: the code says date and time, the solution has date only (Behavior 2).");
                }

                if (expected.MinValue is { } min && expected.MaxValue is { } max && (column.MinValue != min || column.MaxValue != max))
                {
                    Add(FindingKind.ColumnTypeMismatch, file, $"{where}: the code says range {min}..{max}, the solution's <MinValue>..<MaxValue> is {column.MinValue}..{column.MaxValue} (regenerate {SchemaCode.RelativePath} if the solution is right).");
                }

                if (expected.LookupTarget is { } target && !source.Relationships.Any(r =>
                        string.Equals(r.ReferencingTable, expected.Table, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(r.ReferencingAttribute, expected.LogicalName, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(r.ReferencedTable, target, StringComparison.OrdinalIgnoreCase)))
                {
                    Add(FindingKind.ColumnTypeMismatch, file, $"{where}: the code says a lookup to {target}, but no relationship makes it point there.");
                }
            }

            // The other direction: every custom column the solution adds is one the code knows.
            var named = code.Columns.Select(c => $"{c.Table}.{c.LogicalName}").ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var table in source.Tables)
            {
                foreach (var column in table.Columns.Where(c => c.IsCustomField && !IsBaseCompanion(c) && c.Type != "primarykey"))
                {
                    if (!named.Contains($"{table.LogicalName}.{column.LogicalName}"))
                    {
                        Add(FindingKind.UnnamedColumn, table.File, $"column {table.LogicalName}.{column.LogicalName} is defined but no schema class names it.");
                    }
                }
            }
        }
    }
}
