using System;
using System.Collections.Generic;
using System.Globalization;

namespace DataverseRelationship.Flows.Expressions;

/// <summary>
/// Parses the expression syntax of the workflow definition language: function calls, string literals in single quotes
/// ('' escapes a quote), numbers, true/false/null, and property access with [..], ?[..] and .name
/// (https://learn.microsoft.com/azure/logic-apps/workflow-definition-language-functions-reference).
/// </summary>
public sealed class ExpressionParser
{
    private readonly string _text;
    private int _at;

    private ExpressionParser(string text) => _text = text;

    /// <summary>Parses one whole expression; throws <see cref="FlowExpressionException"/> naming the text and position.</summary>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(text);
        var expression = parser.ParsePostfix();
        parser.SkipSpace();
        if (parser._at != text.Length)
        {
            throw parser.Error("unexpected '" + text[parser._at] + "'");
        }

        return expression;
    }

    private Expression ParsePostfix()
    {
        var expression = ParsePrimary();
        while (true)
        {
            SkipSpace();
            if (Peek('?') && _at + 1 < _text.Length && _text[_at + 1] == '[')
            {
                _at += 2;
                expression = new MemberExpression(expression, ParseIndex(), NullSafe: true);
            }
            else if (Peek('['))
            {
                _at++;
                expression = new MemberExpression(expression, ParseIndex(), NullSafe: false);
            }
            else if (Peek('.'))
            {
                _at++;
                expression = new MemberExpression(expression, new LiteralExpression(ReadIdentifier()), NullSafe: false);
            }
            else
            {
                return expression;
            }
        }
    }

    private Expression ParseIndex()
    {
        var key = ParsePostfix();
        SkipSpace();
        Expect(']');
        return key;
    }

    private Expression ParsePrimary()
    {
        SkipSpace();
        if (_at >= _text.Length)
        {
            throw Error("the expression ends too early");
        }

        var c = _text[_at];
        if (c == '\'')
        {
            return new LiteralExpression(ReadString());
        }

        if (char.IsDigit(c) || c == '-' || c == '+')
        {
            return new LiteralExpression(ReadNumber());
        }

        var name = ReadIdentifier();
        SkipSpace();
        if (!Peek('('))
        {
            return name switch
            {
                "true" => new LiteralExpression(true),
                "false" => new LiteralExpression(false),
                "null" => new LiteralExpression(null),
                _ => throw Error("'" + name + "' is neither a function call nor a literal"),
            };
        }

        _at++;
        var arguments = new List<Expression>();
        SkipSpace();
        if (Peek(')'))
        {
            _at++;
            return new CallExpression(name, arguments);
        }

        while (true)
        {
            arguments.Add(ParsePostfix());
            SkipSpace();
            if (Peek(','))
            {
                _at++;
                continue;
            }

            Expect(')');
            return new CallExpression(name, arguments);
        }
    }

    private string ReadString()
    {
        _at++;
        var value = new System.Text.StringBuilder();
        while (_at < _text.Length)
        {
            var c = _text[_at++];
            if (c != '\'')
            {
                value.Append(c);
            }
            else if (_at < _text.Length && _text[_at] == '\'')
            {
                value.Append('\'');
                _at++;
            }
            else
            {
                return value.ToString();
            }
        }

        throw Error("a string literal is not closed");
    }

    private object ReadNumber()
    {
        var start = _at;
        if (_text[_at] is '-' or '+')
        {
            _at++;
        }

        while (_at < _text.Length && (char.IsDigit(_text[_at]) || _text[_at] == '.'))
        {
            _at++;
        }

        var token = _text[start.._at];
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        throw Error("'" + token + "' is not a number");
    }

    private string ReadIdentifier()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] == '_'))
        {
            _at++;
        }

        if (start == _at)
        {
            throw Error(_at < _text.Length ? "unexpected '" + _text[_at] + "'" : "the expression ends too early");
        }

        return _text[start.._at];
    }

    private bool Peek(char c) => _at < _text.Length && _text[_at] == c;

    private void Expect(char c)
    {
        if (!Peek(c))
        {
            throw Error(_at < _text.Length ? "expected '" + c + "' but found '" + _text[_at] + "'" : "expected '" + c + "' at the end");
        }

        _at++;
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private FlowExpressionException Error(string reason) =>
        new("The expression '" + _text + "' is not valid at position " + _at.ToString(CultureInfo.InvariantCulture) + ": " + reason + ".");
}
