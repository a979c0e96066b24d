using System;
using System.Linq;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.SolutionPackager.Source;

// Cloud flows and what they reference.
public static partial class SolutionValidator
{
    private sealed partial class Checker
    {
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
    }
}
