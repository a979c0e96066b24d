using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DataverseRelationship.Flows.Expressions;

/// <summary>Evaluates parsed expressions and templates against a run's <see cref="IExpressionContext"/>.</summary>
public static class ExpressionEvaluator
{
    /// <summary>The value of an expression.</summary>
    public static object? Evaluate(Expression expression, IExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(context);
        return expression switch
        {
            LiteralExpression literal => literal.Value,
            CallExpression call => ExpressionFunctions.Call(call.Function, context, call.Arguments.Select(a => Evaluate(a, context)).ToArray()),
            MemberExpression member => Select(Evaluate(member.Target, context), Evaluate(member.Key, context), member.NullSafe),
            _ => throw new FlowExpressionException("Unknown expression " + expression.GetType().Name + "."),
        };
    }

    /// <summary>The value of a template: the expression's value, or the interpolated string.</summary>
    public static object? Evaluate(FlowTemplate template, IExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Whole != null)
        {
            return Evaluate(template.Whole, context);
        }

        if (template.IsPlain)
        {
            return template.Parts.Count == 0 ? string.Empty : (string)template.Parts[0];
        }

        var text = new StringBuilder();
        foreach (var part in template.Parts)
        {
            text.Append(part is Expression expression ? FlowValue.ToText(Evaluate(expression, context)) : (string)part);
        }

        return text.ToString();
    }

    /// <summary>
    /// x['key'] and x?['key']. A key with "/" (Power Automate's <c>['body/accountid']</c>) walks the path when the object
    /// has no property of that exact name. ?[..] gives null for a null target or a missing property; [..] refuses both.
    /// </summary>
    private static object? Select(object? target, object? key, bool nullSafe)
    {
        if (target == null)
        {
            return nullSafe ? null : throw new FlowExpressionException("Cannot select '" + FlowValue.ToText(key) + "' of null (use ?[...] to allow a missing value).");
        }

        switch (target, key)
        {
            case (IDictionary<string, object?> obj, string name):
                if (obj.TryGetValue(name, out var value))
                {
                    return value;
                }

                if (name.Contains('/', StringComparison.Ordinal))
                {
                    object? current = obj;
                    foreach (var segment in name.Split('/'))
                    {
                        current = Select(current, segment, nullSafe);
                        if (current == null)
                        {
                            return null;
                        }
                    }

                    return current;
                }

                return nullSafe ? null : throw new FlowExpressionException("The property '" + name + "' does not exist; the object has " + string.Join(", ", obj.Keys.Select(k => "'" + k + "'")) + ".");
            case (IReadOnlyList<object?> list, long index):
                return index >= 0 && index < list.Count ? list[(int)index]
                    : nullSafe ? null : throw new FlowExpressionException("The index " + index.ToString(CultureInfo.InvariantCulture) + " is outside the array of " + list.Count.ToString(CultureInfo.InvariantCulture) + ".");
            default:
                throw new FlowExpressionException("Cannot select " + FlowValue.TypeName(key) + " '" + FlowValue.ToText(key) + "' of a " + FlowValue.TypeName(target) + ".");
        }
    }
}
