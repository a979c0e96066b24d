using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DataverseRelationship.Cli.DataSets.Csv;

/// <summary>One CSV record and the line it starts on (1-based).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A CSV file that breaks RFC 4180 at a given line.</summary>
public sealed class CsvFormatException : Exception
{
    public CsvFormatException()
    {
    }

    public CsvFormatException(string message)
        : base(message)
    {
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CsvFormatException(int line, string message)
        : base(message) => Line = line;

    public int Line { get; }
}

/// <summary>
/// Reads RFC 4180 CSV one record at a time: comma-separated, fields with commas, quotes or line breaks enclosed in
/// double quotes, a quote inside a quoted field doubled; CRLF, LF or CR line ends; blank lines skipped.
/// </summary>
public static class CsvRecordReader
{
    /// <summary>The most fields a record may have.</summary>
    public const int MaxFields = 10_000;

    /// <summary>Reads records; a field longer than <paramref name="maxFieldLength"/> characters or a record of more than <see cref="MaxFields"/> fields is a <see cref="CsvFormatException"/>.</summary>
    public static IEnumerable<CsvRecord> Read(TextReader reader, int maxFieldLength = Limits.LoadLimits.DataverseMaxTextLength)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFieldLength, 1);
        int line = 1;
        var field = new StringBuilder();
        var fields = new List<string>();
        while (true)
        {
            int start = line;
            fields.Clear();
            bool endOfFile = ReadRecord(reader, field, fields, ref line, maxFieldLength);
            bool blank = fields.Count == 1 && fields[0].Length == 0;
            if (!blank)
            {
                yield return new CsvRecord(start, fields.ToArray());
            }

            if (endOfFile)
            {
                yield break;
            }
        }
    }

    /// <summary>Reads one record into <paramref name="fields"/>; returns true at the end of the input.</summary>
    private static bool ReadRecord(TextReader reader, StringBuilder field, List<string> fields, ref int line, int maxFieldLength)
    {
        field.Clear();
        bool quoted = false;
        bool afterQuote = false;
        bool fieldStart = true;
        int quoteLine = line;
        while (true)
        {
            if (field.Length > maxFieldLength)
            {
                throw new CsvFormatException(quoted ? quoteLine : line, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a field is longer than {maxFieldLength:#,##0} characters, the loader's limit (Dataverse holds at most {Limits.LoadLimits.DataverseMaxTextLength:#,##0} in a column)"));
            }

            int c = reader.Read();
            if (quoted)
            {
                if (c == -1)
                {
                    throw new CsvFormatException(quoteLine, "a quoted field is not closed before the end of the file");
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && reader.Peek() != '\n'))
                    {
                        line++;
                    }

                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case -1:
                    fields.Add(field.ToString());
                    return true;
                case ',':
                    if (fields.Count >= MaxFields)
                    {
                        throw new CsvFormatException(line, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a row has more than {MaxFields:#,##0} fields"));
                    }

                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    fieldStart = true;
                    continue;
                case '\r' or '\n':
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    line++;
                    fields.Add(field.ToString());
                    return reader.Peek() == -1;
                case '"' when fieldStart:
                    quoted = true;
                    quoteLine = line;
                    fieldStart = false;
                    continue;
                case '"':
                    throw new CsvFormatException(line, "a double quote inside a field that is not enclosed in quotes (enclose the field in quotes and double the quote)");
                default:
                    if (afterQuote)
                    {
                        throw new CsvFormatException(line, $"text '{(char)c}' follows the closing quote of a field (expected a comma or a line end)");
                    }

                    fieldStart = false;
                    field.Append((char)c);
                    continue;
            }
        }
    }
}
