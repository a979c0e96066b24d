using System.IO;
using System.Linq;
using DataverseRelationship.Cli.DataSets.Csv;

namespace DataverseRelationship.Cli.Tests.DataSets;

public sealed class CsvRecordReaderTests
{
    private static string[][] Read(string csv) => CsvRecordReader.Read(new StringReader(csv)).Select(r => r.Fields.ToArray()).ToArray();

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        string[][] records = Read("a,\"b,c\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nx,,z\r\n");

        Assert.Equal(["a", "b,c", "say \"hi\"", "two\r\nlines"], records[0]);
        Assert.Equal(["x", "", "z"], records[1]);
        Assert.Equal(2, records.Length);
    }

    [Fact]
    public void Records_report_the_line_they_start_on_across_embedded_line_breaks()
    {
        int[] lines = CsvRecordReader.Read(new StringReader("h\n\"a\nb\"\n\nc\n")).Select(r => r.Line).ToArray();

        Assert.Equal([1, 2, 5], lines);
    }

    [Fact]
    public void Lf_cr_and_crlf_line_ends_and_a_missing_final_line_end_are_accepted()
    {
        Assert.Equal(3, Read("a\nb\rc").Length);
        Assert.Equal(["c"], Read("a\r\nb\r\nc")[2]);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_refused()
    {
        CsvFormatException e = Assert.Throws<CsvFormatException>(() => Read("a,b\"c\n"));

        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_refused()
    {
        CsvFormatException e = Assert.Throws<CsvFormatException>(() => Read("x\n\"a\"b,c\n"));

        Assert.Equal(2, e.Line);
        Assert.Equal("text 'b' follows the closing quote of a field (expected a comma or a line end)", e.Message);
    }
}
