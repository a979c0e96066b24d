using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.DataSets.ConfigurationMigration;
using DataverseRelationship.Cli.DataSets.Csv;
using DataverseRelationship.Cli.DataSets.Limits;

namespace DataverseRelationship.Cli.Tests.DataSets;

/// <summary>
/// Issue 14, hostile and damaged input: each case is refused at load with a problem naming the file (and the record
/// or line where there is one), after reading at most a limit, never with a crash, a hang or gigabytes of memory.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private DataSetException Refused(byte[] zip, DataSetLoadOptions? options = null)
    {
        string path = _folder.File("export.zip");
        File.WriteAllBytes(path, zip);
        return Assert.Throws<DataSetException>(() => ConfigurationMigrationLoader.Load(path, options ?? new DataSetLoadOptions()));
    }

    private static DataSetProblem Only(DataSetException refused) => Assert.Single(refused.Problems);

    [Theory]
    [InlineData("1/1/0001 12:00:00 AM", "0001-01-01")]
    [InlineData("12/31/9999 11:59:59 PM", "9999-12-31")]
    [InlineData("2/3/1850 12:00:00 AM", "1850-02-03")]
    public void A_date_outside_the_plausible_years_is_refused_at_load_naming_the_record_and_column(string value, string shown)
    {
        string data = CmtExport.UsData.Replace("<field name=\"createdon\" value=\"6/1/2019 9:30:00 AM\" />", $"<field name=\"createdon\" value=\"{value}\" />", StringComparison.Ordinal);

        DataSetProblem problem = Only(Refused(CmtExport.Export(data)));

        Assert.Equal("export.zip!data.xml", problem.File);
        Assert.Equal($"line {CmtExport.LineOf(data, $"record id=\"{CmtExport.WonId}\"")}, opportunity record {CmtExport.WonId}", problem.Location);
        Assert.StartsWith($"createdon is {shown}; dates must fall within 1900-01-01 to 2100-12-31", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plausible_years_are_configurable()
    {
        string data = CmtExport.UsData.Replace("6/1/2019 9:30:00 AM", "2/3/1850 12:00:00 AM", StringComparison.Ordinal);
        string path = _folder.File("old.zip");
        File.WriteAllBytes(path, CmtExport.Export(data));

        DataSet loaded = ConfigurationMigrationLoader.Load(path, new DataSetLoadOptions { EarliestYear = 1800 });

        Assert.Equal(2, loaded.Counts.Opportunities);
    }

    [Theory]
    [InlineData("5000", "dvr_paymentdelaydays is 5000; it must be between 0 and 3650")]
    [InlineData("2147483647", "dvr_paymentdelaydays is 2147483647; it must be between 0 and 3650")]
    [InlineData("-1", "dvr_paymentdelaydays is -1; it must be between 0 and 3650")]
    public void A_value_outside_its_columns_range_in_the_solution_is_refused_at_load(string value, string reason)
    {
        string data = CmtExport.UsData.Replace("name=\"dvr_paymentdelaydays\" value=\"12\"", $"name=\"dvr_paymentdelaydays\" value=\"{value}\"", StringComparison.Ordinal);

        DataSetProblem problem = Only(Refused(CmtExport.Export(data)));

        Assert.Equal(reason, problem.Reason);
        Assert.EndsWith($"opportunity record {CmtExport.WonId}", problem.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_longer_than_its_column_is_refused_at_load()
    {
        string data = CmtExport.UsData.Replace("value=\"Contoso &amp; Sons\" />", $"value=\"{new string('n', 1_000_000)}\" />", StringComparison.Ordinal);

        DataSetProblem problem = Only(Refused(CmtExport.Export(data)));

        Assert.Equal("name is 1,000,000 characters long; the column holds at most 160", problem.Reason);
        Assert.EndsWith($"account record {CmtExport.AccountId}", problem.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_that_does_not_match_its_crc_is_refused()
    {
        DataSetProblem problem = Only(Refused(HostileExports.WithBytesChanged("Fleet analytics", "Fleet analytica"u8.ToArray())));

        Assert.Equal("export.zip!data.xml", problem.File);
        Assert.StartsWith("does not match its checksum (CRC-32 0x", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_byte_offset()
    {
        byte[] zip = HostileExports.WithBytesChanged("Fleet", [(byte)'F', 0xC3, 0x28, (byte)'e', (byte)'t']);
        int offset = CmtExport.Utf8(CmtExport.UsData).AsSpan().IndexOf("Fleet"u8) + 1;

        DataSetProblem problem = Only(Refused(zip));

        Assert.Equal("export.zip!data.xml", problem.File);
        Assert.Contains($"is not valid UTF-8 at byte offset {offset:#,##0}", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_data_xml_entries_are_refused()
    {
        byte[] zip = CmtExport.Zip(("data.xml", CmtExport.Utf8(CmtExport.UsData)), ("copy/data.xml", CmtExport.Utf8(CmtExport.UsData)), ("data_schema.xml", CmtExport.Utf8(CmtExport.Schema)));

        DataSetProblem problem = Only(Refused(zip));

        Assert.Equal("export.zip", problem.File);
        Assert.Contains("holds 2 entries named data.xml (data.xml, copy/data.xml)", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Zips_nested_two_thousand_deep_are_refused_at_the_depth_limit_without_overflowing_the_stack()
    {
        DataSetProblem problem = Only(Refused(HostileExports.Nested(2000)));

        Assert.Equal("export.zip!level.zip!level.zip!level.zip", problem.File);
        Assert.Contains("nested 4 deep; the loader reads zips nested at most 3 deep", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_deployer_style_nesting_within_the_limit_still_loads()
    {
        string path = _folder.File("package.zip");
        File.WriteAllBytes(path, HostileExports.Nested(3));

        Assert.Equal(2, ConfigurationMigrationLoader.Load(path, new DataSetLoadOptions()).Counts.Opportunities);
    }

    [Fact]
    public void More_entries_than_the_limit_are_refused()
    {
        byte[] zip = CmtExport.Zip(Enumerable.Range(0, 6).Select(i => ($"extra{i}.txt", new byte[1])).Append(("data.xml", CmtExport.Utf8(CmtExport.UsData))).ToArray());

        DataSetProblem problem = Only(Refused(zip, new DataSetLoadOptions { Limits = new LoadLimits { MaxEntries = 5 } }));

        Assert.Equal("declares 7 entries, more than the loader's limit of 5", problem.Reason);
    }

    [Fact]
    public void A_zip_declaring_millions_of_entries_is_refused_from_its_end_record_before_its_directory_is_read()
    {
        byte[] zip = CmtExport.Export(CmtExport.UsData);
        int end = zip.AsSpan().LastIndexOf([(byte)0x50, (byte)0x4B, (byte)0x05, (byte)0x06]);
        zip[end + 8] = zip[end + 10] = 0xFE;
        zip[end + 9] = zip[end + 11] = 0xFF;

        DataSetProblem problem = Only(Refused(zip));

        Assert.Equal("declares 65,534 entries, more than the loader's limit of 10,000", problem.Reason);
    }

    [Fact]
    public void A_zip64_end_record_is_read_for_the_entry_count()
    {
        string path = _folder.File("zip64.zip");
        using (var file = File.Create(path))
        using (var archive = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create))
        {
            for (int i = 0; i < 70_000; i++)
            {
                archive.CreateEntry($"e{i}", System.IO.Compression.CompressionLevel.NoCompression);
            }
        }

        using FileStream stream = File.OpenRead(path);
        Assert.Equal(70_000, ZipDirectory.DeclaredEntries(stream));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void More_decompressed_bytes_than_the_budget_are_refused_while_reading()
    {
        string padded = CmtExport.UsData.Replace("<m2mrelationships />", "<m2mrelationships />" + string.Concat(Enumerable.Repeat("<x a=\"" + Guid.NewGuid() + "\"/>", 5000)), StringComparison.Ordinal);

        DataSetProblem problem = Only(Refused(CmtExport.Export(padded), new DataSetLoadOptions { Limits = new LoadLimits { MaxDecompressedBytes = 100_000 } }));

        Assert.Equal("export.zip!data.xml", problem.File);
        Assert.Contains("decompresses to more than 100,000 bytes", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_bomb_is_refused_after_its_first_megabytes_with_bounded_memory()
    {
        string path = _folder.File("bomb.zip");
        HostileExports.WriteBomb(path, 100_000_000); // 400 MB of XML in under a megabyte
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        DataSetException refused = Assert.Throws<DataSetException>(() => ConfigurationMigrationLoader.Load(path, new DataSetLoadOptions()));

        Assert.Contains("expands more than 200 times its compressed size", Only(refused).Reason, StringComparison.Ordinal);
        Assert.Equal("bomb.zip!data.xml", Only(refused).File);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocated, 0, 64L << 20);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_value_of_a_billion_characters_from_a_small_file_is_refused_with_bounded_memory()
    {
        string path = _folder.File("long.zip");
        HostileExports.WriteLongValue(path, 1_200_000_000);
        Assert.InRange(new FileInfo(path).Length, 0, 8L << 20);
        long allocated = GC.GetAllocatedBytesForCurrentThread();

        DataSetException refused = Assert.Throws<DataSetException>(() => ConfigurationMigrationLoader.Load(path, new DataSetLoadOptions { Limits = new LoadLimits { MaxCompressionRatio = 2000 } }));

        Assert.Equal("long.zip!data.xml", Only(refused).File);
        Assert.Contains("holds a value longer than the loader's limit", Only(refused).Reason, StringComparison.Ordinal);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocated, 0, 256L << 20);
    }

    [Fact]
    public void A_csv_field_longer_than_dataverse_holds_is_refused_naming_the_line()
    {
        File.WriteAllText(_folder.File("account.csv"), "name\nContoso\n\"" + new string('x', LoadLimits.DataverseMaxTextLength + 1) + "\"\n");

        DataSetProblem problem = Only(Assert.Throws<DataSetException>(() => CsvDataSetLoader.LoadDirectory(_folder.Path)));

        Assert.Equal(new DataSetProblem("account.csv", "line 3", "a field is longer than 1,048,576 characters, the loader's limit (Dataverse holds at most 1,048,576 in a column)"), problem);
    }

    [Fact]
    public void Invalid_utf8_in_a_csv_file_is_refused_with_its_byte_offset_and_a_bom_is_accepted()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF, .. "name\nCaf"u8.ToArray(), 0xE9, (byte)'\n'];
        File.WriteAllBytes(_folder.File("account.csv"), bom);

        DataSetProblem problem = Only(Assert.Throws<DataSetException>(() => CsvDataSetLoader.LoadDirectory(_folder.Path)));

        Assert.Equal("account.csv", problem.File);
        Assert.StartsWith("is not valid UTF-8 at byte offset 11", problem.Reason, StringComparison.Ordinal);

        File.WriteAllBytes(_folder.File("account.csv"), [0xEF, 0xBB, 0xBF, .. "name\nCaf\u00e9\n"u8.ToArray()]);
        Assert.Equal("Caf\u00e9", CsvDataSetLoader.LoadDirectory(_folder.Path).Snapshot!.Accounts[0]["name"]);
    }
}
