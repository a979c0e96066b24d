using System;
using System.Globalization;
using System.Linq;
using DataverseRelationship.Cli.DataSets;

namespace DataverseRelationship.Cli.Tests.DataSets;

public sealed class ColumnValuesTests
{
    [Theory]
    [InlineData("2022-12-01T20:37:21.7774483Z", "2022-12-01T20:37:21.7774483", DateTimeKind.Utc)]
    [InlineData("2024-03-01T14:30:00+02:00", "2024-03-01T12:30:00.0000000", DateTimeKind.Utc)]
    [InlineData("5/2/2019 6:15:35 PM", "2019-05-02T18:15:35.0000000", DateTimeKind.Utc)]
    [InlineData("12/31/2019 12:00:00 AM", "2019-12-31T00:00:00.0000000", DateTimeKind.Utc)]
    [InlineData("2019-08-01", "2019-08-01T00:00:00.0000000", DateTimeKind.Unspecified)]
    [InlineData("3/1/2024", "2024-03-01T00:00:00.0000000", DateTimeKind.Unspecified)]
    public void Dates_in_export_forms_parse_to_the_instant_and_kind_they_mean(string text, string expected, DateTimeKind kind)
    {
        DateTime? value = ColumnValues.ParseDateTime(text, out string? error);

        Assert.Null(error);
        Assert.Equal(expected, value!.Value.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        Assert.Equal(kind, value.Value.Kind);
    }

    [Theory]
    [InlineData("120000000.0000", "120000000")]
    [InlineData("12.5000000000", "12.5")]
    [InlineData("-3", "-3")]
    [InlineData("1e4", "10000")]
    public void Padded_and_plain_numbers_parse_invariantly(string text, string expected)
        => Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), ColumnValues.ParseDecimal(text, out _));

    [Theory]
    [InlineData("1,000")]
    [InlineData("12,5")]
    [InlineData("$12")]
    [InlineData("")]
    public void Thousands_separators_decimal_commas_and_symbols_are_refused(string text)
    {
        Assert.Null(ColumnValues.ParseDecimal(text, out string? error));
        Assert.Equal($"'{text}' is not a number (use digits with '.' as the decimal point, no thousands separators)", error);
    }

    [Fact]
    public void The_multi_select_form_drops_its_padding()
    {
        Assert.Equal([418700001, 418700003], ColumnValues.ParseOptionSetCollection("[-1,418700001,418700003,-1]", out _)!.ToArray().Select(v => v.Value));
        Assert.Empty(ColumnValues.ParseOptionSetCollection("[-1,-1]", out _)!);
        Assert.Null(ColumnValues.ParseOptionSetCollection("[-1,x,-1]", out string? error));
        Assert.Equal("'[-1,x,-1]' is not a list of choice values like [-1,418700001,-1]", error);
    }
}
