using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace DataverseRelationship.Engine.Policies;

/// <summary>
/// A strict JSON reader (RFC 8259) for the policy document, with nothing but the base class library so it runs in
/// the plugins on .NET Framework 4.6.2. It builds the element tree <see cref="PolicySchema"/> walks (each value an
/// element with a <c>type</c> attribute, each member named by its <c>item</c> attribute) and refuses, naming the line
/// and column, what a lenient reader lets through: raw control characters, trailing commas, comments, single
/// quotes, duplicate keys, nesting deeper than <see cref="MaximumDepth"/> and anything after the document.
/// </summary>
internal sealed class PolicyJsonReader
{
    /// <summary>The deepest nesting of objects and arrays accepted (the policy itself needs 3).</summary>
    public const int MaximumDepth = 64;

    private readonly string _text;
    private int _position;

    private PolicyJsonReader(string text) => _text = text;

    /// <summary>Reads a whole document; throws <see cref="PolicyValidationException"/> naming the place of the first error.</summary>
    public static XElement Read(string text)
    {
        var reader = new PolicyJsonReader(text);
        if (reader.Peek() == '\uFEFF')
        {
            reader._position++;
        }

        reader.SkipWhitespace();
        var root = reader.ReadValue("root", string.Empty, 1);
        reader.SkipWhitespace();
        if (reader._position < text.Length)
        {
            throw reader.Error("(policy)", "unexpected " + reader.DescribeNext() + " after the end of the document");
        }

        return root;
    }

    private XElement ReadValue(string name, string path, int depth)
    {
        var element = new XElement(name);
        switch (Peek())
        {
            case '{':
                ReadObject(element, path, depth);
                return element;
            case '[':
                ReadArray(element, path, depth);
                return element;
            case '"':
                element.Add(new XAttribute("type", "string"), ReadString(path));
                return element;
            case 't':
                ReadWord("true", path);
                element.Add(new XAttribute("type", "boolean"), "true");
                return element;
            case 'f':
                ReadWord("false", path);
                element.Add(new XAttribute("type", "boolean"), "false");
                return element;
            case 'n':
                ReadWord("null", path);
                element.Add(new XAttribute("type", "null"));
                return element;
            default:
                if (Peek() == '-' || (Peek() >= '0' && Peek() <= '9'))
                {
                    element.Add(new XAttribute("type", "number"), ReadNumber(path));
                    return element;
                }

                throw Error(Place(path), "expected a value (an object, array, string, number, true, false or null) but found " + DescribeNext());
        }
    }

    private void ReadObject(XElement element, string path, int depth)
    {
        CheckDepth(path, depth);
        element.Add(new XAttribute("type", "object"));
        _position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (Peek() != '"')
            {
                var trailing = Peek() == '}';
                throw Error(Place(path), trailing ? "a comma is followed by '}' (trailing commas are not JSON)" : "expected a member name in double quotes but found " + DescribeNext());
            }

            var keyStart = _position;
            var key = ReadString(path);
            var memberPath = PolicySchema.Join(path, key);
            if (!seen.Add(key))
            {
                _position = keyStart;
                throw Error(memberPath, "appears more than once in the same object");
            }

            SkipWhitespace();
            Expect(':', memberPath, "a ':' after the member name");
            SkipWhitespace();
            var member = ReadValue("item", memberPath, depth + 1);
            member.Add(new XAttribute("item", key));
            element.Add(member);
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                SkipWhitespace();
                continue;
            }

            Expect('}', Place(path), "',' or '}'");
            return;
        }
    }

    private void ReadArray(XElement element, string path, int depth)
    {
        CheckDepth(path, depth);
        element.Add(new XAttribute("type", "array"));
        _position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return;
        }

        var index = 0;
        while (true)
        {
            var itemPath = Place(path) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            if (Peek() == ']')
            {
                throw Error(itemPath, "a comma is followed by ']' (trailing commas are not JSON)");
            }

            element.Add(ReadValue("item", itemPath, depth + 1));
            index++;
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                SkipWhitespace();
                continue;
            }

            Expect(']', Place(path), "',' or ']'");
            return;
        }
    }

    private string ReadString(string path)
    {
        var start = _position;
        _position++;
        StringBuilder? builder = null;
        var runStart = _position;
        while (true)
        {
            if (_position >= _text.Length)
            {
                _position = start;
                throw Error(Place(path), "a string is not closed before the end of the document");
            }

            var c = _text[_position];
            if (c == '"')
            {
                var tail = _text.Substring(runStart, _position - runStart);
                _position++;
                return builder is null ? tail : builder.Append(tail).ToString();
            }

            if (c < ' ')
            {
                throw Error(Place(path), "a raw control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " inside a string (write it as an escape such as \\n or \\u0009)");
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _position - runStart);
            builder.Append(ReadEscape(path));
            runStart = _position;
        }
    }

    private char ReadEscape(string path)
    {
        var at = _position;
        _position++;
        var c = Peek();
        _position++;
        switch (c)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                var code = 0;
                var digits = 0;
                while (digits < 4 && HexDigit(Peek()) is int digit)
                {
                    code = (code * 16) + digit;
                    _position++;
                    digits++;
                }

                if (digits == 4)
                {
                    return (char)code;
                }

                break;
        }

        _position = at;
        throw Error(Place(path), "an invalid escape sequence in a string (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u followed by four hex digits)");
    }

    private static int? HexDigit(char c) =>
        c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : (int?)null;

    private string ReadNumber(string path)
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!Digits())
        {
            throw NotANumber(start, path);
        }

        if (Peek() == '.')
        {
            _position++;
            if (!Digits())
            {
                throw NotANumber(start, path);
            }
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _position++;
            if (Peek() == '+' || Peek() == '-')
            {
                _position++;
            }

            if (!Digits())
            {
                throw NotANumber(start, path);
            }
        }

        if (char.IsLetterOrDigit(Peek()) || Peek() == '.')
        {
            throw NotANumber(start, path);
        }

        return _text.Substring(start, _position - start);
    }

    private bool Digits()
    {
        var start = _position;
        while (Peek() >= '0' && Peek() <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private PolicyValidationException NotANumber(int start, string path)
    {
        _position = start;
        return Error(Place(path), "is not a JSON number (digits with an optional '-', '.' fraction and exponent; no leading zeros, '+', NaN or Infinity)");
    }

    private void ReadWord(string word, string path)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0
            || char.IsLetterOrDigit(_text.Length > _position + word.Length ? _text[_position + word.Length] : ' '))
        {
            throw Error(Place(path), "expected a value but found " + DescribeNext());
        }

        _position += word.Length;
    }

    private void CheckDepth(string path, int depth)
    {
        if (depth > MaximumDepth)
        {
            throw Error(Place(path), "nests objects and arrays more than " + MaximumDepth.ToString(CultureInfo.InvariantCulture) + " levels deep");
        }
    }

    private void Expect(char c, string path, string what)
    {
        if (Peek() != c)
        {
            throw Error(path, "expected " + what + " but found " + DescribeNext());
        }

        _position++;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && (_text[_position] == ' ' || _text[_position] == '\t' || _text[_position] == '\n' || _text[_position] == '\r'))
        {
            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private string DescribeNext()
    {
        if (_position >= _text.Length)
        {
            return "the end of the document";
        }

        var c = _text[_position];
        return c < ' ' || c == '\u007F' || char.IsSurrogate(c) || char.IsWhiteSpace(c)
            ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : "'" + c + "'";
    }

    private static string Place(string path) => path.Length == 0 ? "(policy)" : path;

    /// <summary>An error at the current position: the field is the JSON path, the reason ends with the line and column.</summary>
    private PolicyValidationException Error(string field, string reason)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < _position && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = _position - lineStart + 1;
        return new PolicyValidationException(field, reason + " (line " + line.ToString(CultureInfo.InvariantCulture) + ", column " + column.ToString(CultureInfo.InvariantCulture) + ")");
    }
}
