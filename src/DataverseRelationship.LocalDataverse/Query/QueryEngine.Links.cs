using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Query;

/// <summary>Link entities: flattening them, joining their rows and matching their criteria.</summary>
internal sealed partial class QueryEngine
{
    private void FlattenLinks(IEnumerable<LinkEntity> source, int parentIndex, TableMetadata parentTable, List<Link> links, Dictionary<string, int> aliasCounts)
    {
        foreach (var linkEntity in source)
        {
            var table = _schema.GetTable(linkEntity.LinkToEntityName);
            if (!string.IsNullOrEmpty(linkEntity.LinkFromEntityName) && linkEntity.LinkFromEntityName != parentTable.LogicalName)
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"Link to '{linkEntity.LinkToEntityName}' says it links from '{linkEntity.LinkFromEntityName}', but its parent is '{parentTable.LogicalName}'.");
            }

            parentTable.GetColumn(linkEntity.LinkFromAttributeName);
            table.GetColumn(linkEntity.LinkToAttributeName);
            string alias;
            if (!string.IsNullOrEmpty(linkEntity.EntityAlias))
            {
                alias = linkEntity.EntityAlias;
            }
            else
            {
                // Without an alias the platform names a link "<table><n>" (contact1, contact2...).
                var count = aliasCounts.GetValueOrDefault(table.LogicalName) + 1;
                aliasCounts[table.LogicalName] = count;
                alias = table.LogicalName + count.ToString(CultureInfo.InvariantCulture);
            }

            if (links.Any(l => l.Alias == alias))
            {
                throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The link alias '{alias}' is used twice in one query.");
            }

            var link = new Link(linkEntity, alias, links.Count + 1, parentIndex, table);
            links.Add(link);
            FlattenLinks(linkEntity.LinkEntities, link.Index, table, links, aliasCounts);
        }
    }

    private IEnumerable<StoredRow?[]> Join(IEnumerable<StoredRow?[]> rows, Link link)
    {
        var source = link.Source;
        var target = _store.Table(link.Table.LogicalName);
        var linkCriteria = source.LinkCriteria ?? new FilterExpression();
        var linkAliases = new Dictionary<string, Link>(StringComparer.Ordinal) { [link.Alias] = link };
        ValidateFilter(linkCriteria, link.Table, linkAliases);
        var filter = Resolved(linkCriteria, link.Table, linkAliases, link.Index);
        foreach (var row in rows)
        {
            var parent = row[link.ParentIndex < 0 ? 0 : link.ParentIndex];
            var matches = new List<StoredRow>();
            if (parent != null && parent.TryGetStored(source.LinkFromAttributeName, out var fromValue) && fromValue != null)
            {
                foreach (var candidate in LinkCandidates(target, link, fromValue))
                {
                    if (candidate.TryGetStored(source.LinkToAttributeName, out var toValue) && ValueComparer.AreEqual(fromValue, toValue)
                        && MatchesLinkCriteria(filter, candidate, link))
                    {
                        matches.Add(candidate);
                    }
                }
            }

            switch (source.JoinOperator)
            {
                case JoinOperator.Inner:
                case JoinOperator.Natural:
                    foreach (var match in matches)
                    {
                        yield return With(row, link.Index, match);
                    }

                    break;
                case JoinOperator.LeftOuter:
                    if (matches.Count == 0)
                    {
                        yield return row;
                    }

                    foreach (var match in matches)
                    {
                        yield return With(row, link.Index, match);
                    }

                    break;
                case JoinOperator.MatchFirstRowUsingCrossApply:
                    if (matches.Count > 0)
                    {
                        yield return With(row, link.Index, matches[0]);
                    }

                    break;
                case JoinOperator.In:
                case JoinOperator.Exists:
                case JoinOperator.Any:
                    if (matches.Count > 0)
                    {
                        yield return row;
                    }

                    break;
                case JoinOperator.NotAny:
                    if (matches.Count == 0)
                    {
                        yield return row;
                    }

                    break;
                default:
                    throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"The local Dataverse does not run the {source.JoinOperator} join (link to '{source.LinkToEntityName}').");
            }
        }
    }

    private static StoredRow?[] With(StoredRow?[] row, int index, StoredRow match)
    {
        var copy = (StoredRow?[])row.Clone();
        copy[index] = match;
        return copy;
    }

    private static IEnumerable<StoredRow> LinkCandidates(TableStore target, Link link, object fromValue)
    {
        var key = ValueComparer.Primitive(fromValue) as Guid?;
        if (key is { } id)
        {
            if (link.Source.LinkToAttributeName == link.Table.PrimaryIdColumn)
            {
                return target.Rows.TryGetValue(id, out var row) ? [row] : [];
            }

            if (target.IsIndexed(link.Source.LinkToAttributeName))
            {
                return target.Lookup(link.Source.LinkToAttributeName, id).Select(rowId => target.Rows[rowId]);
            }
        }

        return target.Rows.Values;
    }

    private bool MatchesLinkCriteria(RowFilter filter, StoredRow candidate, Link link)
    {
        if (filter.Conditions.Length == 0 && filter.Children.Length == 0)
        {
            return true;
        }

        var row = new StoredRow?[link.Index + 1];
        row[link.Index] = candidate;
        return Matches(filter, row);
    }
}
