using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Spectre.Console;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>
/// Text that must fit the console width: names cut with an ellipsis (never wrapped), legends packed entry by entry,
/// indented paragraphs, and the line that says how much of a list was left out. Widths are terminal cells.
/// </summary>
public static class ConsoleText
{
    /// <summary>What ends a cut value.</summary>
    public const string Ellipsis = "…";

    /// <summary>The option that lists every account, tier change and rejected event kept.</summary>
    public const string AllOption = "--all";

    /// <summary>Terminal cells the text takes (wide characters count two).</summary>
    public static int Width(string text) => Single(text).GetCellWidth();

    /// <summary>The text on one line, cut to <paramref name="width"/> cells with a trailing "…" when longer.</summary>
    public static string Fit(string text, int width)
    {
        string line = Single(text);
        if (line.GetCellWidth() <= width)
        {
            return line;
        }

        if (width <= 0)
        {
            return string.Empty;
        }

        var cut = new StringBuilder();
        int used = 0;
        foreach (Rune rune in line.EnumerateRunes())
        {
            int w = rune.ToString().GetCellWidth();
            if (used + w > width - 1)
            {
                break;
            }

            cut.Append(rune.ToString());
            used += w;
        }

        return cut.ToString().TrimEnd() + Ellipsis;
    }

    /// <summary>The note under a shortened list: "… and 4 more accounts (use --all to list them)".</summary>
    public static string More(int hidden, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{Ellipsis} and {ReportText.Count(hidden)} more {what} (use {AllOption} to list them)");

    /// <summary>
    /// Entries ("CLV = customer lifetime value") joined by " · " into lines of at most <paramref name="width"/> cells;
    /// an entry is never split across lines.
    /// </summary>
    public static IReadOnlyList<string> Pack(IEnumerable<string> entries, int width, string separator = " · ")
    {
        ArgumentNullException.ThrowIfNull(entries);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string entry in entries)
        {
            if (line.Length > 0 && Width(line.ToString()) + Width(separator) + Width(entry) > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? separator : string.Empty).Append(entry);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Writes a heading (bold) on its own line, then the text indented by two cells; both wrap at words.</summary>
    public static void WriteParagraph(IAnsiConsole console, string heading, string text)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Write(new Text(Single(heading), new Style(decoration: Decoration.Bold)));
        console.WriteLine();
        if (text.Length > 0)
        {
            WriteIndented(console, text);
        }
    }

    /// <summary>Writes one text indented by two cells under a heading, wrapped to the console width.</summary>
    public static void WriteIndented(IAnsiConsole console, string text)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Write(new Padder(new Text(Single(text)), new Padding(2, 0, 0, 0)));
    }

    /// <summary>Writes lines of plain text, each wrapped at spaces to the console width (a word is never split).</summary>
    public static void WriteLines(IAnsiConsole console, IEnumerable<string> lines, Style? style = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(lines);
        foreach (string line in lines.SelectMany(l => Pack(Single(l).Split(' '), console.Profile.Width, " ")))
        {
            console.Write(new Text(line, style));
            console.WriteLine();
        }
    }

    /// <summary>The text on one line: control and bidirectional characters escaped (<see cref="TerminalText"/>), line breaks and tabs as spaces.</summary>
    private static string Single(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string safe = TerminalText.Safe(text);
        return safe.AsSpan().IndexOfAny('\n', '\r', '\t') < 0 ? safe : safe.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
    }
}
