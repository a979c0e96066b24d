using System;
using System.IO;
using System.Text;

namespace DataverseRelationship.Cli.Commands;

/// <summary>
/// A file a command writes (--report, --out): checked before any work starts, so a bad path costs nothing, and
/// written to a temporary file in the same folder that is renamed over the destination only when complete, so an
/// interrupted or disk-full run leaves the previous file as it was.
/// </summary>
public sealed class OutputFile
{
    private OutputFile(string option, string given, string fullPath)
    {
        Option = option;
        Given = given;
        FullPath = fullPath;
    }

    /// <summary>The option that named the file, e.g. "--report".</summary>
    public string Option { get; }

    /// <summary>The path as given.</summary>
    public string Given { get; }

    /// <summary>The absolute path.</summary>
    public string FullPath { get; }

    /// <summary>
    /// Checks that the file can be written: its folder exists, it is not a folder, and a file can be created next to
    /// it (created and deleted at once). Throws <see cref="BadInputException"/> (exit code 2) naming the option and why.
    /// </summary>
    public static OutputFile Prepare(string option, string path, CliConsole console)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(console);
        string full;
        try
        {
            full = Path.GetFullPath(path, console.CurrentDirectory);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new BadInputException($"{option} '{path}': not a usable file path ({ex.Message}).", ex);
        }

        string? folder = Path.GetDirectoryName(full);
        if (Directory.Exists(full))
        {
            throw new BadInputException($"{option} '{path}': is a folder; give a file name.");
        }

        if (folder is null || !Directory.Exists(folder))
        {
            throw new BadInputException($"{option} '{path}': the folder {folder} does not exist.");
        }

        var output = new OutputFile(option, path, full);
        string probe = output.TemporaryPath();
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{option} '{path}': cannot write in {folder} ({ex.Message}).", ex);
        }

        return output;
    }

    /// <summary>Writes the whole file through a temporary file renamed into place; an I/O error is a <see cref="ReportNotWrittenException"/> and leaves the destination untouched.</summary>
    public void Write(Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string temporary = TemporaryPath();
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, FullPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new ReportNotWrittenException($"{Option} '{Given}': cannot write the file ({ex.Message}); the previous file, if any, is unchanged.", ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private string TemporaryPath() =>
        Path.Combine(Path.GetDirectoryName(FullPath)!, "." + Path.GetFileName(FullPath) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The partial file stays behind (named .<file>.<id>.partial); the destination is what matters and is unchanged.
        }
    }
}
