using System;
using System.Collections.Generic;

namespace DataverseRelationship.Flows.Expressions;

/// <summary>
/// One string value of a definition: plain text, a whole expression ("@expr": any type) or text with interpolated
/// expressions ("...@{expr}...": always a string); "@@" at the start escapes a literal "@"
/// (https://learn.microsoft.com/azure/logic-apps/logic-apps-workflow-definition-language#expressions).
/// </summary>
public sealed class FlowTemplate
{
    private FlowTemplate(string text, Expression? whole, IReadOnlyList<object> parts)
    {
        Text = text;
        Whole = whole;
        Parts = parts;
    }

    /// <summary>The value as written in the definition.</summary>
    public string Text { get; }

    /// <summary>The expression when the whole value is one ("@expr"), else null.</summary>
    public Expression? Whole { get; }

    /// <summary>The pieces of an interpolated or plain string: <see cref="string"/> text and <see cref="Expression"/>s.</summary>
    public IReadOnlyList<object> Parts { get; }

    /// <summary>True when the value contains no expression.</summary>
    public bool IsPlain => Whole == null && Parts.Count <= 1 && (Parts.Count == 0 || Parts[0] is string);

    /// <summary>Every expression of the value (for checking the functions a definition uses).</summary>
    public IEnumerable<Expression> Expressions
    {
        get
        {
            if (Whole != null)
            {
                yield return Whole;
            }

            foreach (var part in Parts)
            {
                if (part is Expression expression)
                {
                    yield return expression;
                }
            }
        }
    }

    /// <summary>Parses a string value of the definition.</summary>
    public static FlowTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("@@", StringComparison.Ordinal))
        {
            return new FlowTemplate(text, null, [text[1..]]);
        }

        if (text.StartsWith('@') && !text.StartsWith("@{", StringComparison.Ordinal))
        {
            return new FlowTemplate(text, ExpressionParser.Parse(text[1..]), []);
        }

        var parts = new List<object>();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf("@{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(text[at..]);
                break;
            }

            if (open > at)
            {
                parts.Add(text[at..open]);
            }

            var close = ClosingBrace(text, open + 2);
            parts.Add(ExpressionParser.Parse(text[(open + 2)..close]));
            at = close + 1;
        }

        return new FlowTemplate(text, null, parts);
    }

    /// <summary>The "}" closing "@{", skipping braces inside string literals.</summary>
    private static int ClosingBrace(string text, int from)
    {
        var inString = false;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                inString = !inString;
            }
            else if (text[i] == '}' && !inString)
            {
                return i;
            }
        }

        throw new FlowExpressionException("The value '" + text + "' opens '@{' without closing it.");
    }
}
