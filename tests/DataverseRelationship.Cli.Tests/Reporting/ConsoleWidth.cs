using System.IO;
using System.Linq;
using Spectre.Console;

namespace DataverseRelationship.Cli.Tests.Reporting;

/// <summary>Renders to a plain-text console of a given width and checks what a reader of that terminal would see.</summary>
public static class ConsoleWidth
{
    /// <summary>What <paramref name="write"/> prints on a console <paramref name="width"/> columns wide (no colours, no ANSI).</summary>
    public static string Render(int width, System.Action<IAnsiConsole> write)
    {
        using var writer = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        write(console);
        return writer.ToString();
    }

    public static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    /// <summary>Lines wider than <paramref name="width"/> terminal cells (none, on a report that fits).</summary>
    public static string[] Overlong(string text, int width) => Lines(text).Where(l => l.GetCellWidth() > width).ToArray();

    /// <summary>The one line that contains <paramref name="text"/> (fails when none or several do).</summary>
    public static string LineWith(string output, string text)
    {
        string[] matches = Lines(output).Where(l => l.Contains(text, System.StringComparison.Ordinal)).ToArray();
        Assert.True(matches.Length == 1, $"{matches.Length} lines contain '{text}' in:\n{output}");
        return matches[0];
    }
}
