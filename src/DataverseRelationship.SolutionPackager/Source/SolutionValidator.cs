using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.SolutionPackager.Source;

/// <summary>
/// Checks an unpacked solution for inconsistencies: within itself (ids, choices, root components, what steps, forms,
/// views and flows name) and, when <see cref="CodeExpectations"/> are given, against the plugin code (columns and types
/// the schema classes name, choice enums, plugin types that the platform can instantiate).
/// </summary>
public static partial class SolutionValidator
{
    /// <summary>The environment variable definition's default value holds at most this many characters (Memo, MaxLength 2000).</summary>
    public const int EnvironmentVariableDefaultValueMaxLength = 2000;

    private static readonly HashSet<string> ChoiceOptionSetTypes = new(StringComparer.OrdinalIgnoreCase) { "picklist" };

    /// <summary>Reads <paramref name="rootDirectory"/> and validates it; see <see cref="Validate(SolutionSource, CodeExpectations?)"/>.</summary>
    public static IReadOnlyList<ValidationFinding> Validate(string rootDirectory, CodeExpectations? code) =>
        Validate(SolutionSourceReader.Read(rootDirectory), code);

    /// <summary>Every inconsistency found, in a stable order; empty when the solution is consistent.</summary>
    public static IReadOnlyList<ValidationFinding> Validate(SolutionSource source, CodeExpectations? code)
    {
        ArgumentNullException.ThrowIfNull(source);
        var check = new Checker(source, code);
        check.All();
        return [.. source.ReadFindings, .. check.Findings];
    }

    private sealed class Checker(SolutionSource source, CodeExpectations? code)
    {
        public List<ValidationFinding> Findings { get; } = [];

        private string Prefix => source.Manifest?.CustomizationPrefix is { Length: > 0 } p ? p : code?.CustomizationPrefix ?? "";

        private void Add(FindingKind kind, string file, string message) => Findings.Add(new ValidationFinding(kind, file, message));

        public void All()
        {
            DuplicateIds();
            Manifest();
            RootComponents();
            OptionSets();
            Columns();
            CodeColumns();
            Steps();
            PluginAssemblies();
            CustomApis();
            Forms();
            Views();
            Flows();
            Settings();
        }

        // -------------------------------------------------------------- lookups

        /// <summary>The whole schema: the standard tables (<see cref="StandardTables"/>) with the solution's columns, and the solution's tables.</summary>
        private readonly SolutionSchema _schema = SolutionSchema.Of(source);

        private bool TableExists(string table) => _schema.FindTable(table) is not null;

        /// <summary>The column's type as solution XML names it, or null when the table has no such column.</summary>
        private string? ColumnType(string table, string column) => _schema.FindColumn(table, column)?.Type;

        private string? TableForEntitySet(string entitySet) => _schema.TableForEntitySet(entitySet);

        private bool ColumnExists(string table, string column) => ColumnType(table, column) is not null;

        // -------------------------------------------------------------- ids and manifest

        private void DuplicateIds()
        {
            foreach (var group in source.ComponentIds.GroupBy(i => i.Id).Where(g => g.Count() > 1))
            {
                var uses = string.Join("; ", group.Select(i => $"{i.Kind} in {i.File}"));
                Add(FindingKind.DuplicateId, group.First().File, $"id {group.Key} is used by more than one component: {uses}.");
            }
        }

        private void Manifest()
        {
            if (source.Manifest is not { } m)
            {
                return;
            }

            if (m.UniqueName.Length == 0)
            {
                Add(FindingKind.InvalidManifest, m.File, "UniqueName is empty.");
            }

            if (!VersionPattern().IsMatch(m.Version))
            {
                Add(FindingKind.InvalidManifest, m.File, $"Version '{m.Version}' is not of the form a.b.c.d.");
            }

            if (m.Managed is < 0 or > 2)
            {
                Add(FindingKind.InvalidManifest, m.File, $"Managed is {m.Managed}; it must be 0 (unmanaged), 1 (managed) or 2 (both, in source).");
            }

            if (!PrefixPattern().IsMatch(m.CustomizationPrefix) || m.CustomizationPrefix.StartsWith("mscrm", StringComparison.OrdinalIgnoreCase))
            {
                Add(FindingKind.InvalidManifest, m.File, $"CustomizationPrefix '{m.CustomizationPrefix}' must be 2-8 letters or digits, starting with a letter, not 'mscrm'.");
            }

            if (m.OptionValuePrefix is < 10000 or > 99999)
            {
                Add(FindingKind.InvalidManifest, m.File, $"CustomizationOptionValuePrefix {m.OptionValuePrefix} must be between 10000 and 99999.");
            }

            if (code is null)
            {
                return;
            }

            if (code.PublisherUniqueName is { } u && !string.Equals(u, m.PublisherUniqueName, StringComparison.Ordinal))
            {
                Add(FindingKind.InvalidManifest, m.File, $"publisher UniqueName is '{m.PublisherUniqueName}' but the code says '{u}'.");
            }

            if (code.CustomizationPrefix is { } p && !string.Equals(p, m.CustomizationPrefix, StringComparison.Ordinal))
            {
                Add(FindingKind.InvalidManifest, m.File, $"CustomizationPrefix is '{m.CustomizationPrefix}' but the code says '{p}'.");
            }

            if (code.OptionValuePrefix is { } o && o != m.OptionValuePrefix)
            {
                Add(FindingKind.InvalidManifest, m.File, $"CustomizationOptionValuePrefix is {m.OptionValuePrefix} but the code says {o}.");
            }
        }

        private void RootComponents()
        {
            if (source.Manifest is not { } m)
            {
                return;
            }

            var roots = m.RootComponents;
            foreach (var table in source.Tables)
            {
                var root = roots.FirstOrDefault(r => r.Type == 1 && string.Equals(r.SchemaName, table.LogicalName, StringComparison.OrdinalIgnoreCase));
                if (root is null)
                {
                    Add(FindingKind.InvalidManifest, m.File, $"table {table.LogicalName} ({table.File}) has no root component of type 1.");
                }
                else if (table.DefinesTable && root.Behavior != 0)
                {
                    Add(FindingKind.InvalidManifest, m.File, $"table {table.LogicalName} is new in this solution; its root component needs behavior 0 (include subcomponents), not {root.Behavior}.");
                }
                else if (!table.DefinesTable && root.Behavior != 2)
                {
                    // An existing table the solution only adds columns to is a shell (<entity unmodified="1">): behavior 2,
                    // "include as shell only", as the pac-unpacked export meandtech2001/Apollo-HealthCare-Management-D365-CRM-
                    // lists contact and systemuser (Other/Solution.xml, commit 4af90e92); 1 would claim the table's metadata.
                    Add(FindingKind.InvalidManifest, m.File, $"existing table {table.LogicalName} is a shell carrying only the solution's columns (unmodified=\"1\"); its root component needs behavior 2 (shell only), not {root.Behavior}.");
                }
            }

            foreach (var root in roots.Where(r => r.Type == 1 && source.FindTable(r.SchemaName ?? "") is null))
            {
                Add(FindingKind.InvalidManifest, m.File, $"root component table '{root.SchemaName}' has no Entities/<name>/Entity.xml.");
            }

            Match(m, roots, 9, source.OptionSets.Select(o => o.Name), "choice", byName: true);
            Match(m, roots, 380, source.EnvironmentVariables.Select(v => v.SchemaName), "environment variable definition", byName: true);
            // Forms and views of a new table come along with it (behavior 0); those added to an existing table are root components.
            bool OfExistingTable(string table) => source.FindTable(table) is { DefinesTable: false };
            Match(m, roots, 60, source.Forms.Where(f => OfExistingTable(f.Table)).Select(f => f.Id.ToString()), "form", byName: false,
                source.Forms.Select(f => f.Id.ToString()));
            Match(m, roots, 26, source.Views.Where(v => OfExistingTable(v.Table)).Select(v => v.Id.ToString()), "view", byName: false,
                source.Views.Select(v => v.Id.ToString()));
            Match(m, roots, 29, source.Flows.Select(f => f.Id.ToString()), "flow", byName: false);
            Match(m, roots, 91, source.PluginAssemblies.Select(a => a.Id.ToString()), "plugin assembly", byName: false);
            Match(m, roots, 92, source.Steps.Select(s => s.Id.ToString()), "step", byName: false);
            Match(m, roots, 20, source.Roles.Select(r => r.Id.ToString()), "security role", byName: false);
            Match(m, roots, 70, source.FieldSecurityProfiles.Select(p => p.Id.ToString()), "field security profile", byName: false);

            // Columns come with their table's Entity.xml and plugin types with their assembly: real exports list neither
            // as root components (type 2 and 90 appear in none of the exports compared, e.g. the Apollo export above).
            foreach (var root in roots.Where(r => r.Type is 2 or 90))
            {
                var what = root.Type == 2 ? "column" : "plugin type";
                Add(FindingKind.InvalidManifest, m.File, $"root component of type {root.Type} ({what} {root.SchemaName ?? root.Id?.ToString() ?? "(unnamed)"}): "
                    + $"a {what} comes with its {(root.Type == 2 ? "table" : "plugin assembly")}; exported solutions do not list it.");
            }
        }

        private void Match(SolutionManifest m, IReadOnlyList<RootComponent> roots, int type, IEnumerable<string> defined, string what, bool byName,
            IEnumerable<string>? alsoAllowed = null)
        {
            var definedSet = defined.Select(d => d.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var allowed = (alsoAllowed ?? []).Select(d => d.ToLowerInvariant()).Concat(definedSet).ToHashSet(StringComparer.Ordinal);
            var declared = roots.Where(r => r.Type == type)
                .Select(r => (byName ? r.SchemaName : r.Id?.ToString())?.ToLowerInvariant() ?? "(unnamed)").ToHashSet(StringComparer.Ordinal);
            foreach (var missing in definedSet.Except(declared).Order(StringComparer.Ordinal))
            {
                Add(FindingKind.InvalidManifest, m.File, $"{what} {missing} has no root component of type {type}.");
            }

            foreach (var extra in declared.Except(allowed).Order(StringComparer.Ordinal))
            {
                Add(FindingKind.InvalidManifest, m.File, $"root component {what} {extra} (type {type}) is not in the solution source.");
            }
        }

        private static bool IsBaseCompanion(ColumnDefinition column) =>
            column.Type == "money" && column.LogicalName.EndsWith("_base", StringComparison.OrdinalIgnoreCase);

        // -------------------------------------------------------------- choices and columns

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

        // -------------------------------------------------------------- steps, plugin types, custom APIs

        private void Steps()
        {
            var types = source.PluginAssemblies.SelectMany(a => a.PluginTypes.Select(t => (Assembly: a, Type: t))).ToList();
            foreach (var step in source.Steps)
            {
                var where = $"step '{step.Name}'";
                if (!TableExists(step.PrimaryEntity))
                {
                    Add(FindingKind.MissingTable, step.File, $"{where}: PrimaryEntity {step.PrimaryEntity} does not exist.");
                }

                if (step.MessageName is null)
                {
                    Add(FindingKind.InvalidStep, step.File, $"{where}: the message is neither a known SdkMessageId nor named as '<type>: <Message> of <table>'.");
                }

                if (step.Stage is not (10 or 20 or 40))
                {
                    Add(FindingKind.InvalidStep, step.File, $"{where}: Stage {step.Stage} is not 10, 20 or 40.");
                }

                if (step.Mode is not (0 or 1) || (step.Mode == 1 && step.Stage != 40))
                {
                    Add(FindingKind.InvalidStep, step.File, $"{where}: Mode {step.Mode} is not valid at stage {step.Stage} (asynchronous steps run at stage 40 only).");
                }

                if (step.FilteringAttributes.Count > 0 && step.MessageName != "Update")
                {
                    Add(FindingKind.InvalidStep, step.File, $"{where}: filtering attributes apply to Update only.");
                }

                foreach (var column in step.FilteringAttributes.Where(c => !ColumnExists(step.PrimaryEntity, c)))
                {
                    Add(FindingKind.MissingColumn, step.File, $"{where}: filtering attribute {step.PrimaryEntity}.{column} does not exist.");
                }

                foreach (var image in step.Images)
                {
                    Image(step, image, where);
                }

                var registered = types.FirstOrDefault(t => t.Type.Id == step.PluginTypeId);
                if (registered.Type is null)
                {
                    Add(FindingKind.MissingPluginType, step.File, $"{where}: PluginTypeId {step.PluginTypeId} is not a PluginType of any plugin assembly.");
                }
                else
                {
                    if (!string.Equals(registered.Type.TypeName, step.PluginClrTypeName, StringComparison.Ordinal))
                    {
                        Add(FindingKind.MissingPluginType, step.File, $"{where}: PluginTypeName names {step.PluginClrTypeName} but PluginTypeId {step.PluginTypeId} is {registered.Type.TypeName}.");
                    }

                    var assemblyPart = step.PluginTypeName.Contains(',', StringComparison.Ordinal) ? step.PluginTypeName[(step.PluginTypeName.IndexOf(',', StringComparison.Ordinal) + 1)..].Trim() : null;
                    if (assemblyPart is not null && !string.Equals(assemblyPart, registered.Assembly.FullName, StringComparison.Ordinal))
                    {
                        Add(FindingKind.MissingPluginType, step.File, $"{where}: PluginTypeName names assembly '{assemblyPart}' but the registration is '{registered.Assembly.FullName}'.");
                    }
                }

                ClrType(step.PluginClrTypeName, step.File, where);
                ImagesTheCodeReads(step, where);
                ColumnsTheCodeNeeds(step, where);
            }
        }

        /// <summary>A plugin type that declares <c>PreImageAlias</c> (or <c>PostImageAlias</c>) reads that image: its Update and Delete
        /// steps (its stage 40 Create and Update steps) must register it under that alias.</summary>
        private void ImagesTheCodeReads(StepDefinition step, string where)
        {
            var type = code?.PluginAssembly.GetType(step.PluginClrTypeName, throwOnError: false);
            if (type is null)
            {
                return;
            }

            foreach (var (field, isPre) in new[] { ("PreImageAlias", true), ("PostImageAlias", false) })
            {
                if (type.GetField(field, BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } constant
                    || constant.GetRawConstantValue() is not string alias)
                {
                    continue;
                }

                var applies = isPre ? step.MessageName is "Update" or "Delete" : step.Stage == 40 && step.MessageName is "Create" or "Update";
                var registered = step.Images.Any(i => i.Alias == alias && (isPre ? i.ImageType is 0 or 2 : i.ImageType is 1 or 2));
                if (applies && !registered)
                {
                    Add(FindingKind.InvalidStep, step.File, $"{where}: {type.Name} reads the {(isPre ? "pre" : "post")}-image '{alias}' ({type.Name}.{field}) but the step does not register it.");
                }
            }
        }

        /// <summary>
        /// A plugin type declares (as consts the validator reads) <c>TriggerColumns</c>, the columns whose change it must react to,
        /// and <c>PreImageColumns</c>, the columns it reads from its pre-image. An Update step with filtering attributes fires only
        /// when one of them changes (https://learn.microsoft.com/power-apps/developer/data-platform/best-practices/business-logic/include-filtering-attributes-plugin-registration),
        /// and an image holds only the attributes it lists: a missing one makes the plugin silently ignore that column.
        /// </summary>
        private void ColumnsTheCodeNeeds(StepDefinition step, string where)
        {
            var type = code?.PluginAssembly.GetType(step.PluginClrTypeName, throwOnError: false);
            if (type is null)
            {
                return;
            }

            if (step.MessageName == "Update" && step.FilteringAttributes.Count > 0 && Declared(type, "TriggerColumns") is { } triggers)
            {
                foreach (var column in triggers.Where(c => !step.FilteringAttributes.Contains(c, StringComparer.OrdinalIgnoreCase)))
                {
                    Add(FindingKind.InvalidStep, step.File,
                        $"{where}: <FilteringAttributes> lacks {column}, which {type.Name}.TriggerColumns says the plugin reacts to; a change of {column} alone would not run it.");
                }
            }

            foreach (var (prefix, isPre) in new[] { ("Pre", true), ("Post", false) })
            {
                var alias = type.GetField(prefix + "ImageAlias", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
                var applies = isPre ? step.MessageName is "Update" or "Delete" : step.Stage == 40 && step.MessageName is "Create" or "Update";
                if (applies && Declared(type, prefix + "ImageColumns") is { } needed
                    && step.Images.FirstOrDefault(i => i.Alias == alias && (isPre ? i.ImageType is 0 or 2 : i.ImageType is 1 or 2)) is { } image && image.Attributes.Count > 0)
                {
                    foreach (var column in needed.Where(c => !image.Attributes.Contains(c, StringComparer.OrdinalIgnoreCase)))
                    {
                        Add(FindingKind.InvalidStep, step.File,
                            $"{where}, image '{image.Alias}': <Attributes> lacks {column}, which {type.Name}.{prefix}ImageColumns says the plugin reads from the {prefix.ToLowerInvariant()}-image.");
                    }
                }
            }
        }

        private static string[]? Declared(Type type, string field) =>
            type.GetField(field, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } constant && constant.GetRawConstantValue() is string list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : null;

        private void Image(StepDefinition step, StepImageDefinition image, string where)
        {
            var name = $"{where}, image '{image.Alias}'";
            if (image.Alias.Length == 0)
            {
                Add(FindingKind.InvalidStep, step.File, $"{where}: an image has no EntityAlias.");
            }

            if (image.ImageType is < 0 or > 2)
            {
                Add(FindingKind.InvalidStep, step.File, $"{name}: ImageType {image.ImageType} is not 0 (pre), 1 (post) or 2 (both).");
            }

            var expectedProperty = step.MessageName switch
            {
                "Create" => "id",
                "Update" or "Delete" => "Target",
                _ => null,
            };
            if (expectedProperty is null)
            {
                Add(FindingKind.InvalidStep, step.File, $"{name}: images are supported on Create, Update and Delete only, not {step.MessageName}.");
            }
            else if (!string.Equals(image.MessagePropertyName, expectedProperty, StringComparison.OrdinalIgnoreCase))
            {
                Add(FindingKind.InvalidStep, step.File, $"{name}: MessagePropertyName is '{image.MessagePropertyName}'; {step.MessageName} images use '{expectedProperty}'.");
            }

            var hasPre = image.ImageType is 0 or 2;
            var hasPost = image.ImageType is 1 or 2;
            if (hasPre && step.MessageName == "Create")
            {
                Add(FindingKind.InvalidStep, step.File, $"{name}: a Create step has no pre-image.");
            }

            if (hasPost && (step.MessageName == "Delete" || step.Stage != 40))
            {
                Add(FindingKind.InvalidStep, step.File, $"{name}: post-images exist only at stage 40 and not on Delete.");
            }

            foreach (var column in image.Attributes.Where(c => !ColumnExists(step.PrimaryEntity, c)))
            {
                Add(FindingKind.MissingColumn, step.File, $"{name}: image attribute {step.PrimaryEntity}.{column} does not exist.");
            }
        }

        private void ClrType(string typeName, string file, string where)
        {
            if (code is null)
            {
                return;
            }

            var type = code.PluginAssembly.GetType(typeName, throwOnError: false);
            if (type is null)
            {
                Add(FindingKind.MissingPluginType, file, $"{where}: plugin type {typeName} does not exist in {code.PluginAssembly.GetName().Name}.");
                return;
            }

            if (!type.IsPublic || !type.IsClass || type.IsAbstract)
            {
                Add(FindingKind.InvalidPluginType, file, $"{where}: plugin type {typeName} must be a public, non-abstract class.");
            }

            if (!type.GetInterfaces().Any(i => i.FullName == "Microsoft.Xrm.Sdk.IPlugin"))
            {
                Add(FindingKind.InvalidPluginType, file, $"{where}: plugin type {typeName} does not implement Microsoft.Xrm.Sdk.IPlugin.");
            }

            var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
            var usable = constructors.Any(c => c.GetParameters().Length == 0)
                || constructors.Any(c => c.GetParameters() is { Length: 2 } p && p.All(x => x.ParameterType == typeof(string)));
            if (!usable)
            {
                Add(FindingKind.InvalidPluginType, file, $"{where}: plugin type {typeName} needs a public parameterless or (string unsecureConfig, string secureConfig) constructor.");
            }
        }

        private void PluginAssemblies()
        {
            foreach (var assembly in source.PluginAssemblies)
            {
                foreach (var duplicate in assembly.PluginTypes.GroupBy(t => t.TypeName, StringComparer.Ordinal).Where(g => g.Count() > 1))
                {
                    Add(FindingKind.MissingPluginType, assembly.File, $"plugin type {duplicate.Key} is registered more than once.");
                }

                foreach (var type in assembly.PluginTypes)
                {
                    if (!string.Equals(type.AssemblyQualifiedName, $"{type.TypeName}, {assembly.FullName}", StringComparison.Ordinal))
                    {
                        Add(FindingKind.MissingPluginType, assembly.File, $"plugin type {type.TypeName}: AssemblyQualifiedName '{type.AssemblyQualifiedName}' does not name the assembly '{assembly.FullName}'.");
                    }

                    ClrType(type.TypeName, assembly.File, $"plugin type registration {type.TypeName}");
                }

                if (code is not null)
                {
                    var actual = code.PluginAssembly.GetName();
                    var token = Convert.ToHexString(actual.GetPublicKeyToken() ?? []).ToLowerInvariant();
                    var expected = $"{actual.Name}, Version={actual.Version}, Culture=neutral, PublicKeyToken={(token.Length == 0 ? "null" : token)}";
                    if (!string.Equals(expected, assembly.FullName, StringComparison.OrdinalIgnoreCase))
                    {
                        Add(FindingKind.MissingPluginType, assembly.File, $"the registration names '{assembly.FullName}' but the built plugin assembly is '{expected}'.");
                    }
                }
            }
        }

        private void CustomApis()
        {
            var typeIds = source.PluginAssemblies.SelectMany(a => a.PluginTypes).ToDictionary(t => t.Id);
            foreach (var api in source.CustomApis)
            {
                var where = $"custom API {api.UniqueName}";
                if (api.PluginTypeId is not { } id || !typeIds.TryGetValue(id, out var type))
                {
                    Add(FindingKind.MissingPluginType, api.File, $"{where}: plugintypeid {api.PluginTypeId} is not a PluginType of any plugin assembly.");
                }
                else
                {
                    ClrType(type.TypeName, api.File, where);
                }

                if (api.BindingType is not (0 or 1 or 2))
                {
                    Add(FindingKind.InvalidCustomApi, api.File, $"{where}: bindingtype {api.BindingType} is not 0 (global), 1 (entity) or 2 (entity collection).");
                }
                else if (api.BindingType == 0 && api.BoundEntity is not null)
                {
                    Add(FindingKind.InvalidCustomApi, api.File, $"{where}: a global API has no bound entity, but names {api.BoundEntity}.");
                }
                else if (api.BindingType != 0 && (api.BoundEntity is null || !TableExists(api.BoundEntity)))
                {
                    Add(FindingKind.MissingTable, api.File, $"{where}: bound entity '{api.BoundEntity}' does not exist.");
                }

                // https://learn.microsoft.com/power-apps/developer/data-platform/custom-api#secure-your-custom-api-with-a-privilege
                if (api.ExecutePrivilegeName is null)
                {
                    Add(FindingKind.InvalidCustomApi, api.File, $"{where}: names no execute privilege (executeprivilegename), so any user may run it.");
                }
                else
                {
                    CheckPrivilegeName(api.ExecutePrivilegeName, api.File, where);
                }

                foreach (var field in api.RequestParameters.Concat(api.ResponseProperties))
                {
                    if (field.Type is < 0 or > 12)
                    {
                        Add(FindingKind.InvalidCustomApi, field.File, $"{where}: {field.Name} has type {field.Type}, which is not a custom API type (0-12).");
                    }
                }

                foreach (var duplicate in api.RequestParameters.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
                             .Concat(api.ResponseProperties.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)))
                {
                    Add(FindingKind.InvalidCustomApi, api.File, $"{where}: {duplicate.Key} is defined more than once.");
                }
            }

            foreach (var name in code?.CustomApiNames ?? [])
            {
                if (!source.CustomApis.Any(a => a.UniqueName == name))
                {
                    Add(FindingKind.InvalidCustomApi, "customapis", $"custom API {name} is named by the code but customapis/{name}/customapi.xml is missing.");
                }
            }

            foreach (var field in code?.CustomApiFieldNames ?? [])
            {
                if (!source.CustomApis.Any(a => a.RequestParameters.Concat(a.ResponseProperties).Any(f => f.Name == field)))
                {
                    Add(FindingKind.InvalidCustomApi, "customapis", $"custom API parameter {field} is named by the code but no custom API defines it.");
                }
            }
        }

        // -------------------------------------------------------------- forms, views, flows

        private void Forms()
        {
            foreach (var form in source.Forms)
            {
                foreach (var field in form.Fields.Where(f => !ColumnExists(form.Table, f.Column)))
                {
                    Add(FindingKind.MissingColumn, form.File, $"form '{form.Name}': field {form.Table}.{field.Column} does not exist.");
                }
            }
        }

        private void Views()
        {
            foreach (var view in source.Views)
            {
                var where = $"view '{view.Name}'";
                if (view.FetchEntity is null || !string.Equals(view.FetchEntity, view.Table, StringComparison.OrdinalIgnoreCase))
                {
                    Add(FindingKind.MissingTable, view.File, $"{where}: FetchXML entity '{view.FetchEntity}' is not the view's table {view.Table}.");
                    continue;
                }

                foreach (var column in view.Columns.Where(c => !ColumnExists(view.Table, c)))
                {
                    Add(FindingKind.MissingColumn, view.File, $"{where}: column {view.Table}.{column} does not exist.");
                }

                foreach (var condition in view.Conditions)
                {
                    if (!ColumnExists(view.Table, condition.Column))
                    {
                        Add(FindingKind.MissingColumn, view.File, $"{where}: condition column {view.Table}.{condition.Column} does not exist.");
                        continue;
                    }

                    var column = source.FindTable(view.Table)?.FindColumn(condition.Column);
                    if (column?.OptionSetName is { } setName && source.FindOptionSet(setName) is { } set && condition.Value is { } text
                        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && set.Options.All(o => o.Value != value))
                    {
                        Add(FindingKind.InvalidChoice, view.File, $"{where}: condition {condition.Column} = {value} is not a value of choice {set.Name}.");
                    }
                }
            }
        }

        private void Flows()
        {
            var references = source.ConnectionReferences.Select(r => r.LogicalName).ToHashSet(StringComparer.Ordinal);
            foreach (var flow in source.Flows)
            {
                var where = $"flow '{flow.Name}'";
                if (flow.Category != 5)
                {
                    Add(FindingKind.InvalidFlow, flow.File, $"{where}: Category {flow.Category} is not 5 (modern flow).");
                }

                if (flow.PrimaryEntity is { } primary && primary != "none" && !TableExists(primary))
                {
                    Add(FindingKind.MissingTable, flow.File, $"{where}: PrimaryEntity {primary} does not exist.");
                }

                foreach (var name in flow.ConnectionReferenceNames.Where(n => !references.Contains(n)))
                {
                    Add(FindingKind.MissingConnectionReference, flow.File, $"{where}: connection reference {name} is not defined in Customizations.xml.");
                }

                foreach (var reference in flow.References)
                {
                    FlowReference(flow, reference, where);
                }
            }
        }

        private void FlowReference(FlowDefinition flow, FlowReference reference, string where)
        {
            var at = $"{where} ({reference.Where})";
            switch (reference.Kind)
            {
                case FlowReferenceKind.Connection:
                    Add(FindingKind.MissingConnectionReference, flow.File, $"{at}: connection '{reference.Name}' is not among the flow's connection references.");
                    break;
                case FlowReferenceKind.Table when !TableExists(reference.Name):
                    Add(FindingKind.MissingTable, flow.File, $"{at}: table {reference.Name} does not exist.");
                    break;
                case FlowReferenceKind.EntitySet when TableForEntitySet(reference.Name) is null:
                    Add(FindingKind.MissingTable, flow.File, $"{at}: entity set {reference.Name} is not the entity set of any table.");
                    break;
                case FlowReferenceKind.Column:
                    var table = reference.Table is null ? null : TableExists(reference.Table) ? reference.Table : TableForEntitySet(reference.Table);
                    if (table is not null && FlowColumn(table, reference.Name) is null)
                    {
                        Add(FindingKind.MissingColumn, flow.File, $"{at}: column {table}.{reference.Name} does not exist.");
                    }

                    break;
                case FlowReferenceKind.CustomApi when !source.CustomApis.Any(a => a.UniqueName == reference.Name):
                    Add(FindingKind.InvalidCustomApi, flow.File, $"{at}: custom API {reference.Name} does not exist.");
                    break;
                case FlowReferenceKind.CustomApiRequestParameter:
                    if (source.CustomApis.FirstOrDefault(a => a.UniqueName == reference.Table) is { } api && api.RequestParameters.All(p => p.Name != reference.Name))
                    {
                        Add(FindingKind.InvalidCustomApi, flow.File, $"{at}: {reference.Table} has no request parameter {reference.Name}.");
                    }

                    break;
                case FlowReferenceKind.CustomApiResponseProperty:
                    if (source.CustomApis.FirstOrDefault(a => a.UniqueName == reference.Table) is { } called && called.ResponseProperties.All(p => p.Name != reference.Name))
                    {
                        Add(FindingKind.InvalidCustomApi, flow.File, $"{at}: {reference.Table} has no response property {reference.Name}.");
                    }

                    break;
            }
        }

        /// <summary>The column a flow's name stands for: Web API lookup values (_x_value), @odata.bind keys and navigation properties (x_table_table) resolve to x.</summary>
        private string? FlowColumn(string table, string name)
        {
            var plain = name.Split('@')[0];
            if (plain.StartsWith('_') && (plain.EndsWith("_value", StringComparison.Ordinal) || plain.EndsWith("_type", StringComparison.Ordinal)))
            {
                plain = plain[1..plain.LastIndexOf('_')];
            }

            if (ColumnExists(table, plain))
            {
                return plain;
            }

            for (var i = plain.LastIndexOf('_'); i > 0; i = plain.LastIndexOf('_', i - 1))
            {
                if (ColumnType(table, plain[..i]) is "lookup" or "customer" or "owner")
                {
                    return plain[..i];
                }
            }

            return null;
        }

        // -------------------------------------------------------------- environment variables, roles, field security

        private void Settings()
        {
            foreach (var variable in source.EnvironmentVariables)
            {
                var where = $"environment variable {variable.SchemaName}";
                if (variable.Type is < 100000000 or > 100000005)
                {
                    Add(FindingKind.InvalidSetting, variable.File, $"{where}: type {variable.Type} is not 100000000-100000005.");
                }

                if (variable.DefaultValue is { } value)
                {
                    if (value.Length > EnvironmentVariableDefaultValueMaxLength)
                    {
                        Add(FindingKind.InvalidSetting, variable.File, $"{where}: the default value has {value.Length} characters; at most {EnvironmentVariableDefaultValueMaxLength} fit.");
                    }

                    if (variable.Type == 100000003 && !IsJson(value, out var error))
                    {
                        Add(FindingKind.InvalidSetting, variable.File, $"{where}: type JSON but the default value is not valid JSON: {error}");
                    }
                }
            }

            foreach (var name in code?.EnvironmentVariableNames ?? [])
            {
                if (!source.EnvironmentVariables.Any(v => v.SchemaName == name))
                {
                    Add(FindingKind.InvalidSetting, "environmentvariabledefinitions", $"environment variable {name} is named by the code but not defined.");
                }
            }

            foreach (var id in code?.RoleIds ?? [])
            {
                if (!source.Roles.Any(r => r.Id == id))
                {
                    Add(FindingKind.InvalidSetting, "Roles", $"security role id {id} is named by the code but no role in Roles/ has it.");
                }
            }

            foreach (var role in source.Roles)
            {
                foreach (var privilege in role.Privileges)
                {
                    CheckPrivilegeName(privilege, role.File, $"security role '{role.Name}'");
                }
            }

            foreach (var name in code?.RoleNames ?? [])
            {
                if (!source.Roles.Any(r => r.Name == name))
                {
                    Add(FindingKind.InvalidSetting, "Roles", $"security role '{name}' is named by the code but Roles/ does not define it.");
                }
            }

            var permitted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var profile in source.FieldSecurityProfiles)
            {
                foreach (var permission in profile.Permissions)
                {
                    permitted.Add($"{permission.Table}.{permission.Column}");
                    var column = source.FindTable(permission.Table)?.FindColumn(permission.Column);
                    if (column is null)
                    {
                        Add(FindingKind.MissingColumn, profile.File, $"field security profile '{profile.Name}': column {permission.Table}.{permission.Column} does not exist.");
                    }
                    else if (!column.IsSecured)
                    {
                        Add(FindingKind.InvalidSetting, profile.File, $"field security profile '{profile.Name}': column {permission.Table}.{permission.Column} is not IsSecured.");
                    }
                }
            }

            foreach (var column in source.Tables.SelectMany(t => t.Columns).Where(c => c.IsSecured && !permitted.Contains($"{c.Table}.{c.LogicalName}")))
            {
                Add(FindingKind.InvalidSetting, column.File, $"column {column.Table}.{column.LogicalName} is IsSecured but no field security profile grants it.");
            }
        }

        /// <summary>A table privilege (prv + Create, Read, Write, Delete, Append, AppendTo, Assign or Share + the table) must name a table that exists.</summary>
        private void CheckPrivilegeName(string privilege, string file, string where)
        {
            var match = TablePrivilegePattern().Match(privilege);
            if (match.Success && !TableExists(match.Groups["table"].Value.ToLowerInvariant()))
            {
                Add(FindingKind.MissingTable, file, $"{where}: privilege {privilege} names table {match.Groups["table"].Value}, which neither the solution nor the standard tables define.");
            }
        }

        private static bool IsJson(string value, out string error)
        {
            try
            {
                using var document = JsonDocument.Parse(value);
                error = "";
                return true;
            }
            catch (JsonException ex)
            {
                error = ex.Message;
                return false;
            }
        }
    }

    [GeneratedRegex(@"^prv(AppendTo|Append|Create|Read|Write|Delete|Assign|Share)(?<table>[A-Za-z][A-Za-z0-9_]*)$")]
    private static partial Regex TablePrivilegePattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{1,7}$")]
    private static partial Regex PrefixPattern();
}
