using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.SolutionPackager.Source;

// Ids, the manifest and root components.
public static partial class SolutionValidator
{
    private sealed partial class Checker
    {
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
    }
}
