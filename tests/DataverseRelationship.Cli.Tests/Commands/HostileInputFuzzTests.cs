using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CsCheck;
using DataverseRelationship.Cli.Commands;
using DataverseRelationship.Cli.Tests.DataSets;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Tests.Commands;

/// <summary>
/// Issue 14, "Done when": mutants of a slice of the built-in sample (as a Configuration Migration package and as a CSV
/// folder) and of the default policy, run through dvrel preview in process. Every run ends in exit 0, or exit 2 with a
/// message naming the file; never exit 1, a stack trace or a hang. Deterministic (fixed seeds and iteration counts)
/// and bounded in time (each run is given a deadline, the whole test a budget): each test draws its whole array of
/// mutants from one fixed seed.
/// </summary>
public sealed partial class HostileInputFuzzTests : IDisposable
{
    private const int Iterations = 100;
    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(60);

    /// <summary>Values a damaged or hostile export holds where a good one holds a value.</summary>
    private static readonly string[] HostileValues =
    [
        string.Empty, "0", "-1", "5000", "2147483647", "-2147483648", "99999999999999999999", "1e400", "NaN", "-0", "1,5",
        "1/1/0001 12:00:00 AM", "12/31/9999 11:59:59 PM", "0001-01-01", "9999-12-31T23:59:59Z", "2024-02-30", "13/13/2024",
        "[-1,999,-1]", "[-1,418700000", "True", "maybe", "00000000-0000-0000-0000-000000000000", "7d3e1c52-8a1b-4c6e-9f1d-2b4a6c8e0a99",
        "\u001b[2J\u001b[31mred", "\u009b31m", "\u202Eevil", "\"", "a\r\nb", new string('x', 5000), "&#x1B;", "&#0;", "&lt;&amp;",
    ];

    private static readonly IReadOnlyList<Entity> Rows = SampleExport.Rows(accounts: 2, dealsPerAccount: 15);

    private readonly TemporaryFolder _folder = new();
    private readonly Dictionary<int, int> _outcomes = [];
    private int _run;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Mutated_configuration_migration_packages_are_replayed_or_refused_naming_the_file()
    {
        (string schema, string data) = SampleExport.Cmt(Rows);
        File.WriteAllBytes(_folder.File("sample.zip"), CmtExport.Zip(("data.xml", CmtExport.Utf8(data)), ("data_schema.xml", CmtExport.Utf8(schema))));
        CommandRun baseline = Preview(_folder.File("sample.zip"));
        Assert.True(baseline.ExitCode == ExitCodes.Success, baseline.Error);
        var clock = Stopwatch.StartNew();
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Int[0, HostileValues.Length - 1], Gen.Byte).Array[Iterations].Sample(
            cases => Each(cases, ((int Kind, int At, int Value, byte Byte) c) =>
            {
                (int kind, int at, int value, byte b) = c;
                string file = $"package{++_run}.zip";
                File.WriteAllBytes(_folder.File(file), MutatePackage(schema, data, kind, at, HostileValues[value], b));
                AssertReplayedOrRefused(Preview(_folder.File(file)), file);
            }),
            seed: "0N0XIzNsQ0O2",
            iter: 1,
            threads: 1);
        AssertBothOutcomes();
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Mutated_csv_folders_are_replayed_or_refused_naming_the_file()
    {
        IReadOnlyDictionary<string, string> files = SampleExport.Csv(Rows);
        string[] names = [.. files.Keys.Order(StringComparer.Ordinal)];
        string unmutated = Path.Combine(_folder.Path, "sample");
        Directory.CreateDirectory(unmutated);
        foreach ((string name, string text) in files)
        {
            File.WriteAllText(Path.Combine(unmutated, name), text);
        }

        CommandRun baseline = Preview(unmutated);
        Assert.True(baseline.ExitCode == ExitCodes.Success, baseline.Error);
        var clock = Stopwatch.StartNew();
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, names.Length - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, HostileValues.Length - 1], Gen.Byte).Array[Iterations].Sample(
            cases => Each(cases, ((int Kind, int Target, int At, int Value, byte Byte) c) =>
            {
                (int kind, int target, int at, int value, byte b) = c;
                string folder = Path.Combine(_folder.Path, $"csv{++_run}");
                Directory.CreateDirectory(folder);
                foreach ((string name, string text) in files)
                {
                    byte[] bytes = Encoding.UTF8.GetBytes(text);
                    File.WriteAllBytes(Path.Combine(folder, name), name == names[target] ? MutateCsv(bytes, kind, at, HostileValues[value], b) : bytes);
                }

                AssertReplayedOrRefused(Preview(folder), names);
            }),
            seed: "0N0XIzNsQ0O3",
            iter: 1,
            threads: 1);
        AssertBothOutcomes();
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Mutated_policies_are_run_under_or_refused_naming_the_policy_file()
    {
        string folder = Path.Combine(_folder.Path, "base");
        Directory.CreateDirectory(folder);
        foreach ((string name, string text) in SampleExport.Csv(Rows))
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        // A policy that fits the environment variable (2,000 characters) and names fields of every kind.
        const string policy = "{\r\n  \"version\": \"fuzz-1\",\r\n  \"deals\": {\r\n    \"mode\": \"warn\",\r\n    \"transactionalDiscountCap\": 5,\r\n    \"acceptedCommitments\": [\"volume\", \"prepayment\"]\r\n  },\r\n  \"health\": { \"goodFrom\": 80, \"fairFrom\": 60.5 },\r\n  \"tiers\": { \"preferred\": { \"minimumKeyContacts\": 2, \"requireJointAccountPlan\": false } }\r\n}";
        File.WriteAllText(_folder.File("policy.json"), policy);
        CommandRun baseline = Run("preview", folder, "--policy", _folder.File("policy.json"), "--json", "--no-flows", "--recalculate-every", "0");
        Assert.True(baseline.ExitCode == ExitCodes.Success, baseline.Error);
        string[] insertions = [" ", "\r\n", "\t", "\u0001", "\u001b", ",", ",}", "]", "{", "\"version\":\"x\",", "\"__type\":\"A:#B\",", "\"mode\":\"warn\",", new string('[', 200), "1e400", "-", "\"", "\\", "\uFEFF", "\uD800"];
        var clock = Stopwatch.StartNew();
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Int[0, insertions.Length - 1], Gen.Int[0, HostileValues.Length - 1]).Array[Iterations].Sample(
            cases => Each(cases, ((int Kind, int At, int Insertion, int Value) c) =>
            {
                (int kind, int at, int insertion, int value) = c;
                string file = $"policy{++_run}.json";
                File.WriteAllBytes(_folder.File(file), Wtf8(MutatePolicy(policy, kind, at, insertions[insertion], HostileValues[value])));
                CommandRun run = Run("preview", folder, "--policy", _folder.File(file), "--json", "--no-flows", "--recalculate-every", "0");
                AssertReplayedOrRefused(run, file);
                if (run.ExitCode == ExitCodes.BadInput)
                {
                    Assert.Contains("--policy", run.Error, StringComparison.Ordinal);
                }
            }),
            seed: "0N0XIzNsQ0O4",
            iter: 1,
            threads: 1);
        AssertBothOutcomes();
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Bomb_packages_are_refused_by_dvrel_with_exit_code_2_naming_the_file()
    {
        string nested = _folder.File("nested.zip");
        File.WriteAllBytes(nested, HostileExports.Nested(2000));
        string bomb = _folder.File("bomb.zip");
        HostileExports.WriteBomb(bomb, 100_000_000);
        string value = _folder.File("value.zip");
        HostileExports.WriteLongValue(value, 1_200_000_000);

        foreach (string file in new[] { nested, bomb, value })
        {
            CommandRun run = Preview(file);

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Contains(Path.GetFileName(file) + "!", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Terminal_escape_sequences_in_names_reach_the_console_escaped()
    {
        string folder = Path.Combine(_folder.Path, "escapes");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "account.csv"), "name,createdon\n\"\u001b]0;owned\u0007\u001b[2JClear\u009b31m Corp\u202E\",2024-01-01\n");
        File.WriteAllText(Path.Combine(folder, "opportunity.csv"), "name,parentaccountid,estimatedvalue,createdon\nDeal,\u001b[2JClear\u009b31m Corp\u202E,\u001b[31m100,2024-01-02\n");

        CommandRun refused = Preview(folder);
        File.WriteAllText(Path.Combine(folder, "opportunity.csv"), "name,estimatedvalue,createdon\nDeal,100,2024-01-02\n");
        CommandRun replayed = Run("preview", folder, "--no-flows", "--recalculate-every", "0", "--all");

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("\\x1B[31m100", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, replayed.ExitCode);
        Assert.Contains("\\x1B[2JClear\\x9B31m Corp\\u202E", replayed.Output, StringComparison.Ordinal);
        foreach (string text in new[] { refused.Error, replayed.Output })
        {
            Assert.DoesNotContain(text, c => c is '\u001b' or '\u0007' or '\u009b' or '\u202E');
        }
    }

    /// <summary>Runs every case of one deterministic sample (the seed fixes the whole array, so every run sees the same mutants).</summary>
    private static void Each<T>(T[] cases, Action<T> run)
    {
        foreach (T c in cases)
        {
            run(c);
        }
    }

    private CommandRun Preview(string path) => Run("preview", path, "--json", "--no-flows", "--recalculate-every", "0");

    /// <summary>Runs dvrel in process with a deadline: a run that does not end in time is a hang.</summary>
    private CommandRun Run(params string[] args)
    {
        Task<CommandRun> run = Task.Run(() => CommandRun.In(_folder.Path, args));
        Assert.True(run.Wait(RunDeadline), $"dvrel {string.Join(' ', args)} did not finish within {RunDeadline.TotalSeconds} s");
        return run.Result;
    }

    /// <summary>Both outcomes occurred: the mutants exercised the replay as well as the refusals.</summary>
    private void AssertBothOutcomes()
    {
        Assert.True(_outcomes.GetValueOrDefault(ExitCodes.Success) > 0, "no mutant was replayed");
        Assert.True(_outcomes.GetValueOrDefault(ExitCodes.BadInput) > 0, "no mutant was refused");
    }

    private void AssertReplayedOrRefused(CommandRun run, params string[] files)
    {
        _outcomes[run.ExitCode] = _outcomes.GetValueOrDefault(run.ExitCode) + 1;
        Assert.True(run.ExitCode is ExitCodes.Success or ExitCodes.BadInput, $"exit code {run.ExitCode}: {run.Error}");
        Assert.DoesNotMatch(StackFrame(), run.Error);
        Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
        if (run.ExitCode == ExitCodes.BadInput)
        {
            Assert.True(files.Any(f => run.Error.Contains(f, StringComparison.Ordinal)), $"the message names none of {string.Join(", ", files)}: {run.Error}");
        }
    }

    private static byte[] MutatePackage(string schema, string data, int kind, int at, string value, byte b)
    {
        byte[] Package(string d) => CmtExport.Zip(("data.xml", CmtExport.Utf8(d)), ("data_schema.xml", CmtExport.Utf8(schema)));
        switch (kind)
        {
            case 0:
                byte[] zip = Package(data);
                zip[at % zip.Length] = b;
                return zip;
            case 1:
                byte[] xml = CmtExport.Utf8(data);
                xml[at % xml.Length] = b;
                return CmtExport.Zip(("data.xml", xml), ("data_schema.xml", CmtExport.Utf8(schema)));
            case 2:
                MatchCollection values = ValueAttribute().Matches(data);
                Match chosen = values[at % values.Count];
                return Package(string.Concat(data.AsSpan(0, chosen.Index), $"value=\"{value}\"", data.AsSpan(chosen.Index + chosen.Length)));
            case 3:
                MatchCollection records = Record().Matches(data);
                Match record = records[at % records.Count];
                bool duplicate = (at & 1) == 0;
                return Package(string.Concat(data.AsSpan(0, record.Index), duplicate ? record.Value + record.Value : string.Empty, data.AsSpan(record.Index + record.Length)));
            case 4:
                byte[] whole = Package(data);
                return whole[..(at % whole.Length)];
            default:
                return CmtExport.Zip(("data.xml", CmtExport.Utf8(data)), ("data_schema.xml", CmtExport.Utf8(schema)), ($"more/{(at % 2 == 0 ? "data.xml" : "data_schema.xml")}", CmtExport.Utf8(at % 3 == 0 ? data : value)));
        }
    }

    private static byte[] MutateCsv(byte[] bytes, int kind, int at, string value, byte b)
    {
        string text = Encoding.UTF8.GetString(bytes);
        string[] lines = text.Split("\r\n");
        switch (kind)
        {
            case 0:
                byte[] copy = [.. bytes];
                copy[at % copy.Length] = b;
                return copy;
            case 1:
                int line = 1 + (at % Math.Max(1, lines.Length - 2));
                string[] cells = lines[line].Split(',');
                cells[(at / 7) % cells.Length] = value.Contains('"', StringComparison.Ordinal) || value.Contains(',', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)
                    ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                    : value;
                lines[line] = string.Join(',', cells);
                return Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
            case 2:
                int removed = at % Math.Max(1, lines.Length - 1);
                return Encoding.UTF8.GetBytes(string.Join("\r\n", (at & 1) == 0 ? lines.Where((_, i) => i != removed) : lines.Take(removed + 1).Append(lines[removed]).Concat(lines.Skip(removed + 1))));
            case 3:
                return bytes[..(at % bytes.Length)];
            default:
                return [.. bytes[..(at % bytes.Length)], b, .. bytes[(at % bytes.Length)..]];
        }
    }

    /// <summary>The text as UTF-8, except that a lone surrogate becomes the bytes a lenient writer emits for it (ED A0 80): invalid UTF-8.</summary>
    private static byte[] Wtf8(string text)
    {
        byte[] bytes = new UTF8Encoding(false, false).GetBytes(text.Replace("\uD800", "\uFFFD", StringComparison.Ordinal));
        for (int i = bytes.AsSpan().IndexOf("\uFFFD"u8); i >= 0; i = bytes.AsSpan().IndexOf("\uFFFD"u8))
        {
            bytes[i] = 0xED;
            bytes[i + 1] = 0xA0;
            bytes[i + 2] = 0x80;
        }

        return bytes;
    }

    private static string MutatePolicy(string policy, int kind, int at, string insertion, string value)
    {
        int position = at % policy.Length;
        switch (kind)
        {
            case 0:
                return policy.Insert(position, insertion);
            case 1:
            case 2:
                MatchCollection numbers = Number().Matches(policy);
                Match chosen = numbers[at % numbers.Count];
                string replacement = kind == 1 ? (value.Length == 0 ? "null" : value) : (at % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return string.Concat(policy.AsSpan(0, chosen.Index), replacement, policy.AsSpan(chosen.Index + chosen.Length));
            default:
                return policy.Remove(position, 1);
        }
    }

    [GeneratedRegex("value=\"[^\"]*\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("<record id=\"[^\"]*\">.*?</record>\r\n", RegexOptions.Singleline)]
    private static partial Regex Record();

    [GeneratedRegex("-?[0-9]+(\\.[0-9]+)?")]
    private static partial Regex Number();

    [GeneratedRegex("^\\s+at \\S+\\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
