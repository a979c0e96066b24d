using System.Globalization;
using System.Text;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>
/// Text from a data set made harmless for a terminal: control characters (C0 but line breaks and tabs, DEL, C1 such as
/// U+009B, the one-byte CSI) are shown as <c>\x1B</c>-style escapes, and the bidirectional formatting characters that
/// reorder what a terminal shows (U+202A–U+202E, U+2066–U+2069) as <c>\u202E</c>, so a name like "ESC[2J" can neither
/// clear the screen nor disguise itself. Text without such characters is returned as it is.
/// </summary>
public static class TerminalText
{
    /// <summary>The text with every control and bidirectional formatting character escaped; line breaks and tabs are kept.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        int first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (IsBidiControl(c))
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else if (IsEscaped(c))
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }

    private static int IndexOfUnsafe(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsEscaped(text[i]) || IsBidiControl(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsEscaped(char c) => char.IsControl(c) && c is not '\n' and not '\r' and not '\t';

    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
