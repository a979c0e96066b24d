using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DataverseRelationship.Flows.Expressions;

/// <summary>
/// The functions of the workflow definition language this runner supports: exactly those the solution's flows use
/// (https://learn.microsoft.com/azure/logic-apps/workflow-definition-language-functions-reference). Any other name is
/// refused when a definition is read.
/// </summary>
public static class ExpressionFunctions
{
    private delegate object? Function(IExpressionContext context, object?[] arguments);

    private static readonly Dictionary<string, (int Min, int Max, Function Body)> Library = new(StringComparer.Ordinal)
    {
        ["triggerOutputs"] = (0, 0, (c, _) => c.TriggerOutputs()),
        ["outputs"] = (1, 1, (c, a) => c.ActionOutputs(Text("outputs", a[0]))),
        ["variables"] = (1, 1, (c, a) => c.Variable(Text("variables", a[0]))),
        ["parameters"] = (1, 1, (c, a) => c.Parameter(Text("parameters", a[0]))),
        ["equals"] = (2, 2, (_, a) => FlowValue.AreEqual(a[0], a[1])),
        ["not"] = (1, 1, (_, a) => !Flag("not", a[0])),
        ["and"] = (1, int.MaxValue, (_, a) => a.All(v => Flag("and", v))),
        ["greater"] = (2, 2, (_, a) => Compare("greater", a[0], a[1]) > 0),
        ["greaterOrEquals"] = (2, 2, (_, a) => Compare("greaterOrEquals", a[0], a[1]) >= 0),
        ["length"] = (1, 1, (_, a) => Length(a[0])),
        ["first"] = (1, 1, (_, a) => First(a[0])),
        ["coalesce"] = (1, int.MaxValue, (_, a) => a.FirstOrDefault(v => v != null)),
        ["ticks"] = (1, 1, (_, a) => Time("ticks", a[0]).Ticks),
        ["utcNow"] = (0, 0, (c, _) => FlowValue.Timestamp(c.UtcNow)),
        ["addDays"] = (2, 2, (_, a) => FlowValue.Timestamp(Time("addDays", a[0]).AddDays(Whole("addDays", a[1])))),
        ["addMinutes"] = (2, 2, (_, a) => FlowValue.Timestamp(Time("addMinutes", a[0]).AddMinutes(Whole("addMinutes", a[1])))),
    };

    /// <summary>The supported function names.</summary>
    public static IReadOnlyCollection<string> Names => Library.Keys;

    /// <summary>Whether the runner supports the function.</summary>
    public static bool IsSupported(string name) => Library.ContainsKey(name);

    /// <summary>Calls a function with evaluated arguments.</summary>
    public static object? Call(string name, IExpressionContext context, object?[] arguments)
    {
        if (!Library.TryGetValue(name, out var function))
        {
            throw new FlowExpressionException("The function '" + name + "' is not supported by the local flow runner (supported: " + string.Join(", ", Names.Order(StringComparer.Ordinal)) + ").");
        }

        if (arguments.Length < function.Min || arguments.Length > function.Max)
        {
            throw new FlowExpressionException("The function '" + name + "' was given " + arguments.Length.ToString(CultureInfo.InvariantCulture) + " argument(s).");
        }

        return function.Body(context, arguments);
    }

    private static string Text(string function, object? value) =>
        value as string ?? throw new FlowExpressionException("The function '" + function + "' expects a string, not " + FlowValue.TypeName(value) + ".");

    private static bool Flag(string function, object? value) =>
        value as bool? ?? throw new FlowExpressionException("The function '" + function + "' expects booleans, not " + FlowValue.TypeName(value) + ".");

    private static long Whole(string function, object? value) =>
        value as long? ?? throw new FlowExpressionException("The function '" + function + "' expects an integer, not " + FlowValue.TypeName(value) + ".");

    private static DateTime Time(string function, object? value) =>
        FlowValue.ParseTimestamp(value as string)
        ?? throw new FlowExpressionException("The function '" + function + "' expects a timestamp string, not " + (value is string s ? "'" + s + "'" : FlowValue.TypeName(value)) + ".");

    private static int Compare(string function, object? left, object? right)
    {
        if (FlowValue.IsNumber(left) && FlowValue.IsNumber(right))
        {
            return Convert.ToDouble(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(right, CultureInfo.InvariantCulture));
        }

        if (left is string a && right is string b)
        {
            return string.CompareOrdinal(a, b);
        }

        throw new FlowExpressionException("The function '" + function + "' compares two numbers or two strings, not " + FlowValue.TypeName(left) + " and " + FlowValue.TypeName(right) + ".");
    }

    private static long Length(object? value) => value switch
    {
        string text => text.Length,
        IReadOnlyList<object?> list => list.Count,
        _ => throw new FlowExpressionException("The function 'length' expects a string or an array, not " + FlowValue.TypeName(value) + "."),
    };

    private static object? First(object? value) => value switch
    {
        string text => text.Length == 0 ? null : text[..1],
        IReadOnlyList<object?> list => list.Count == 0 ? null : list[0],
        _ => throw new FlowExpressionException("The function 'first' expects a string or an array, not " + FlowValue.TypeName(value) + "."),
    };
}
