using System;
using System.Collections.Generic;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Tests.Sample;

/// <summary>
/// Walks events the way a Dataverse would see them and returns the first one that could not run: a change to a row
/// that does not exist (yet or any more), a lookup to a missing row, a close of a closed deal, or time going back.
/// </summary>
public static class ReplayConsistency
{
    public static string? FirstProblem(IEnumerable<DataSetEvent> events)
    {
        var live = new HashSet<(string, Guid)>();
        var closed = new HashSet<Guid>();
        DateTime previous = DateTime.MinValue;
        foreach (DataSetEvent e in events)
        {
            if (e.At < previous)
            {
                return "out of order: " + e.Describe();
            }

            previous = e.At;
            var target = (e.Target.LogicalName, e.Target.Id);
            if (e.Kind == DataSetEventKind.Create)
            {
                if (!live.Add(target))
                {
                    return "created twice: " + e.Describe();
                }
            }
            else if (!live.Contains(target))
            {
                return "target missing: " + e.Describe();
            }

            if (e.Row is not null)
            {
                foreach (KeyValuePair<string, object> column in e.Row.Attributes)
                {
                    if (column.Value is EntityReference r && r.LogicalName != SecurityTables.SystemUser && !live.Contains((r.LogicalName, r.Id)))
                    {
                        return $"lookup {column.Key} to a missing row: " + e.Describe();
                    }
                }
            }

            switch (e.Kind)
            {
                case DataSetEventKind.Win or DataSetEventKind.Lose when !closed.Add(e.Target.Id):
                    return "closed twice: " + e.Describe();
                case DataSetEventKind.Update or DataSetEventKind.Reparent when closed.Contains(e.Target.Id):
                    return "changed after its close: " + e.Describe();
                case DataSetEventKind.Delete:
                    live.Remove(target);
                    break;
            }
        }

        return null;
    }
}
