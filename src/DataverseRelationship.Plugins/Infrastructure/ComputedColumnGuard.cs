using System;
using System.Collections.Generic;
using System.Globalization;
using DataverseRelationship.Engine.Model;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Infrastructure;

/// <summary>
/// Keeps users' hands off the columns the relationship rules compute: a user's Create or Update that sets one to a
/// value other than the stored one is refused, naming the column; one that sends the stored value again (a full-row
/// write-back of an unchanged row) has the column removed from the Target, so the save goes through and nothing
/// downstream sees a write. The rules' own writes (<see cref="RulesWrite"/>) pass untouched. Reads only the Target and
/// the pre-image: no service call.
/// </summary>
public static class ComputedColumnGuard
{
    /// <summary>The registered pre-image alias of the guard steps.</summary>
    public const string PreImageAlias = "PreImage";

    private static readonly char[] Separator = { ',' };

    /// <summary>The comma-separated list as a column array (a table's <c>Computed</c> constant).</summary>
    public static string[] Columns(string computed) =>
        Argument.NotNull(computed, nameof(computed)).Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Refuses or strips the computed columns in the Target of the executing Create or Update.</summary>
    /// <param name="context">The plugin execution.</param>
    /// <param name="computed">The table's computed columns.</param>
    /// <param name="hint">Further advice for a refused column, or null (e.g. how to set a tier by hand).</param>
    public static void Apply(ILocalPluginContext context, IReadOnlyList<string> computed, Func<string, string?> hint)
    {
        Argument.NotNull(context, nameof(context));
        Argument.NotNull(computed, nameof(computed));
        Argument.NotNull(hint, nameof(hint));
        var execution = context.ExecutionContext;
        if (RulesWrite.IsRulesWrite(execution))
        {
            context.Trace("Write by the relationship rules (SYSTEM, from within a plugin): computed columns accepted.");
            return;
        }

        if (!execution.InputParameters.TryGetValue("Target", out var value) || value is not Entity target)
        {
            return;
        }

        // Create has no stored row: only an empty value is "the stored value" there.
        execution.PreEntityImages.TryGetValue(PreImageAlias, out var image);
        var refused = new List<string>();
        var unchanged = new List<string>();
        foreach (var column in computed)
        {
            if (!target.Attributes.TryGetValue(column, out var sent))
            {
                continue;
            }

            object? stored = null;
            image?.Attributes.TryGetValue(column, out stored);
            (EntityValues.SameValue(stored, sent) ? unchanged : refused).Add(column);
        }

        if (refused.Count > 0)
        {
            var advice = hint(refused[0]);
            throw new InvalidPluginExecutionException(
                Describe(refused) + (refused.Count == 1 ? " is" : " are") + " computed by the relationship rules and cannot be written"
                + " (" + (target.Id == Guid.Empty ? "a new " + target.LogicalName : target.LogicalName + " " + target.Id.ToString("D", CultureInfo.InvariantCulture)) + "). Nothing was saved."
                + (advice is null ? string.Empty : " " + advice));
        }

        foreach (var column in unchanged)
        {
            target.Attributes.Remove(column);
        }

        if (unchanged.Count > 0)
        {
            context.Trace("Unchanged computed columns dropped from the Target: " + string.Join(", ", unchanged) + ".");
        }
    }

    private static string Describe(List<string> columns) => columns.Count switch
    {
        1 => columns[0],
        _ => string.Join(", ", columns.GetRange(0, columns.Count - 1)) + " and " + columns[columns.Count - 1],
    };
}
