using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.LocalDataverse.Observability;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Tests.Support;

/// <summary>Assertions on plugin executions and their service calls.</summary>
public static class Expect
{
    /// <summary>Service calls of one message made by the executions of <typeparamref name="TPlugin"/>.</summary>
    public static int Calls<TPlugin>(this IEnumerable<PluginExecution> executions, string message) =>
        executions.Where(e => e.PluginType == typeof(TPlugin)).Sum(e => e.Calls.TryGetValue(message, out var n) ? n : 0);

    /// <summary>Service calls of one message made by all executions.</summary>
    public static int Calls(this IEnumerable<PluginExecution> executions, string message) =>
        executions.Sum(e => e.Calls.TryGetValue(message, out var n) ? n : 0);

    /// <summary>How many times <typeparamref name="TPlugin"/> ran.</summary>
    public static int Runs<TPlugin>(this IEnumerable<PluginExecution> executions) => executions.Count(e => e.PluginType == typeof(TPlugin));

    /// <summary>Runs <paramref name="action"/> and returns the InvalidPluginExecutionException it must throw.</summary>
    public static InvalidPluginExecutionException Rejection(Action action)
    {
        var exception = Record.Exception(action);
        Assert.NotNull(exception);
        return Assert.IsType<InvalidPluginExecutionException>(exception);
    }

    public static int? Choice(this Entity row, string column) => row.GetAttributeValue<OptionSetValue>(column)?.Value;

    /// <summary>Applies <paramref name="change"/> to the row and returns it.</summary>
    public static Entity With(this Entity row, Action<Entity> change)
    {
        change(row);
        return row;
    }
}
