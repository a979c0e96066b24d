using System;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.DataSets.Csv;

namespace DataverseRelationship.Cli.Tests.DataSets;

public sealed class CsvRoundTripProperties
{
    private static readonly Gen<string> Field = Gen.String[Gen.Char["ab ,\"\r\n;é1"], 0, 12];

    /// <summary>Writes records the RFC 4180 way: every field quoted, quotes doubled, CRLF between records.</summary>
    private static string Write(string[][] records)
    {
        var sb = new StringBuilder();
        foreach (string[] record in records)
        {
            sb.Append(string.Join(',', record.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append("\r\n");
        }

        return sb.ToString();
    }

    [Fact]
    public void Any_quoted_records_read_back_field_for_field()
    {
        Gen.Int[1, 5].SelectMany(width => Field.Array[width, width].Array[1, 8])
            .Sample(records =>
            {
                string[][] read = CsvRecordReader.Read(new StringReader(Write(records))).Select(r => r.Fields.ToArray()).ToArray();
                string[][] expected = records.Where(r => !(r.Length == 1 && r[0].Length == 0)).ToArray();
                return read.Length == expected.Length && read.Zip(expected).All(p => p.First.SequenceEqual(p.Second));
            });
    }

    [Fact]
    public void Invariant_decimals_parse_back_to_the_same_value()
    {
        Gen.Decimal.Where(d => Math.Abs(d) < 1_000_000_000_000m).Select(d => decimal.Round(d, 4))
            .Sample(d => ColumnValues.ParseDecimal(d.ToString(System.Globalization.CultureInfo.InvariantCulture), out _) == d);
    }
}
