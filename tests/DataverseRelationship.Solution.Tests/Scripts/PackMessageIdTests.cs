using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using DataverseRelationship.Solution.Tests.Packing;
using DataverseRelationship.SolutionPackager.Packing;

namespace DataverseRelationship.Solution.Tests.Scripts;

/// <summary>
/// pack.sh gives the steps on the Win and Lose messages of opportunity the target environment's sdkmessage ids, in a
/// staged copy of the source: read with pac env fetch, or given with --message-ids / DVR_WIN_MESSAGE_ID and
/// DVR_LOSE_MESSAGE_ID.
/// </summary>
public sealed class PackMessageIdTests
{
    private const string GeneratedWinId = "6fbc2f42-7445-4bd5-9454-63053bc1f125";
    private const string GeneratedLoseId = "52aba7fd-d917-466d-bbfe-4ca2ebef77ce";
    private const string WinId = "c1d3a5b7-0e2f-4a6c-8b9d-1f3e5a7c9b0d";
    private const string LoseId = "d2e4b6c8-1f3a-4b7d-9cae-2a4f6b8d0c1e";
    private const string WinStep = "SdkMessageProcessingSteps/{e9e2f7ed-152d-46d3-9fe2-3e319330226d}.xml";
    private const string LoseStep = "SdkMessageProcessingSteps/{9f2001ab-3853-49ee-9ec8-fd4fa0d0db44}.xml";

    /// <summary>CaptureDealBeforeClose's PreOperation steps, which read the deal before Win and Lose close it.</summary>
    private const string CaptureWinStep = "SdkMessageProcessingSteps/{15e4b21c-0034-4b31-ba37-66ab9f8ffac9}.xml";
    private const string CaptureLoseStep = "SdkMessageProcessingSteps/{fd6fbdff-260a-4dde-987b-2b3791843bfa}.xml";
    private const string UpdateStep = $"SdkMessageProcessingSteps/{SolutionSourceFixture.StepId}.xml";

    private const string Fetch =
        "<fetch><entity name='sdkmessage'><attribute name='sdkmessageid'/><attribute name='name'/><filter>" +
        "<condition attribute='name' operator='in'><value>Win</value><value>Lose</value></condition></filter></entity></fetch>";

    /// <summary>What pac env fetch prints: the connection, then a table aligned with spaces (its column order varies).</summary>
    private static readonly string IdFirstTable = $"""
        Connected as admin@contoso.onmicrosoft.com
        Connected to... Contoso Sales
        sdkmessageid                         name
        {LoseId} Lose
        {WinId} Win

        """;

    private static readonly string NameFirstTable = $"""
        Connected as admin@contoso.onmicrosoft.com
        Connected to... Contoso Sales
        name sdkmessageid
        Win  {WinId.ToUpperInvariant()}
        Lose {LoseId.ToUpperInvariant()}

        """;

    public static TheoryData<string, string, string> FetchTables() => new()
    {
        { IdFirstTable, WinId, LoseId },
        { NameFirstTable, WinId.ToUpperInvariant(), LoseId.ToUpperInvariant() },
    };

    [Theory]
    [MemberData(nameof(FetchTables))]
    public void Pack_with_pac_gives_the_staged_Win_and_Lose_steps_the_ids_the_environment_returns(string table, string win, string lose)
    {
        using var pac = new PacScript(withPac: true, withDotnet: true).Set("PACKER_DLL", PackerDll).AnswerFetch(table);
        var assembly = OfficialAssembly(pac);
        var source = SourceWithWinAndLoseSteps(pac, assembly);
        var before = Snapshot(source.Root);
        var outFolder = pac.Folder.Combine("out");
        var staged = Path.Combine(outFolder, "staged-src");

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", outFolder, "--assembly", assembly);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                $"env fetch --xml {Fetch}",
                $"solution pack --zipfile {outFolder}/DataverseRelationship_1.2.3.4.zip --folder {staged} --packagetype Both --map {outFolder}/pack-map.xml --useUnmanagedFileForMissingManaged",
            ],
            pac.PacCalls);
        Assert.Equal(win, MessageId(Path.Combine(staged, WinStep)));
        Assert.Equal(lose, MessageId(Path.Combine(staged, LoseStep)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(source.Root, UpdateStep)), File.ReadAllBytes(Path.Combine(staged, UpdateStep)));
        Assert.Equal(before, Snapshot(source.Root));
        Assert.Contains($"pass --message-ids {win},{lose} or set DVR_WIN_MESSAGE_ID={win} and DVR_LOSE_MESSAGE_ID={lose}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_SdkMessageId_of_a_staged_step_changes()
    {
        using var pac = new PacScript(withPac: true, withDotnet: true).Set("PACKER_DLL", PackerDll).AnswerFetch(IdFirstTable);
        var assembly = OfficialAssembly(pac);
        var source = SourceWithWinAndLoseSteps(pac, assembly);
        var staged = pac.Folder.Combine("out", "staged-src");

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", pac.Folder.Combine("out"), "--assembly", assembly);

        Assert.True(run.ExitCode == 0, run.ToString());
        var original = File.ReadAllText(Path.Combine(source.Root, WinStep));
        Assert.Equal(original.Replace(GeneratedWinId, WinId, StringComparison.Ordinal), File.ReadAllText(Path.Combine(staged, WinStep)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(source.Root, WinStep)).Take(3), File.ReadAllBytes(Path.Combine(staged, WinStep)).Take(3));
    }

    [Theory]
    [InlineData("Lose", "the sdkmessage id of Win")]
    [InlineData("Win", "the sdkmessage id of Lose")]
    public void Pack_with_pac_stops_when_the_environment_has_no_id_for_a_message(string present, string message)
    {
        var row = present == "Win" ? $"{WinId} Win" : $"{LoseId} Lose";
        using var pac = new PacScript(withPac: true, withDotnet: true).Set("PACKER_DLL", PackerDll)
            .AnswerFetch($"Connected as admin@contoso.onmicrosoft.com\nsdkmessageid                         name\n{row}\n");
        var assembly = OfficialAssembly(pac);
        var source = SourceWithWinAndLoseSteps(pac, assembly);

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", pac.Folder.Combine("out"), "--assembly", assembly);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("could not read " + message, run.Error, StringComparison.Ordinal);
        Assert.Contains("pac auth profile", run.Error, StringComparison.Ordinal);
        Assert.Contains("Dynamics 365 Sales", run.Error, StringComparison.Ordinal);
        Assert.Equal([$"env fetch --xml {Fetch}"], pac.PacCalls);
        Assert.False(Directory.Exists(pac.Folder.Combine("out", "staged-src")), "nothing is staged without both ids");
    }

    [Fact]
    public void Pack_with_pac_stops_when_the_fetch_fails_saying_what_to_check()
    {
        using var pac = new PacScript(withPac: true, withDotnet: true).AnswerFetch("Error: No profiles were found on this computer.\n", exitCode: 1);
        var source = SourceWithWinAndLoseSteps(pac, null);

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", pac.Folder.Combine("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pac env fetch failed: Error: No profiles were found", run.Error, StringComparison.Ordinal);
        Assert.Contains("pac auth profile", run.Error, StringComparison.Ordinal);
        Assert.Equal([$"env fetch --xml {Fetch}"], pac.PacCalls);
    }

    [Fact]
    public void Two_different_ids_for_one_message_stop_the_pack()
    {
        using var pac = new PacScript(withPac: true, withDotnet: true)
            .AnswerFetch($"sdkmessageid name\n{WinId} Win\n{LoseId} Lose\n{GeneratedWinId} Win\n");
        var source = SourceWithWinAndLoseSteps(pac, null);

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", pac.Folder.Combine("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"more than one sdkmessage named Win ({WinId}, {GeneratedWinId})", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_ids_on_the_command_line_skip_the_query()
    {
        using var pac = new PacScript(withPac: true, withDotnet: true).Set("PACKER_DLL", PackerDll).AnswerFetch(IdFirstTable);
        var assembly = OfficialAssembly(pac);
        var source = SourceWithWinAndLoseSteps(pac, assembly);
        var outFolder = pac.Folder.Combine("out");
        var staged = Path.Combine(outFolder, "staged-src");

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", outFolder, "--assembly", assembly, "--message-ids", $"{LoseId},{WinId}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [$"solution pack --zipfile {outFolder}/DataverseRelationship_1.2.3.4.zip --folder {staged} --packagetype Both --map {outFolder}/pack-map.xml --useUnmanagedFileForMissingManaged"],
            pac.PacCalls);
        Assert.Equal(LoseId, MessageId(Path.Combine(staged, WinStep)));
        Assert.Equal(WinId, MessageId(Path.Combine(staged, LoseStep)));
    }

    [Fact]
    public void Stage_only_writes_the_staged_copy_prints_its_path_and_packs_nothing()
    {
        using var pac = new PacScript(withPac: true, withDotnet: true).Set("PACKER_DLL", PackerDll).AnswerFetch(IdFirstTable);
        var assembly = OfficialAssembly(pac);
        var source = SourceWithWinAndLoseSteps(pac, assembly);
        var before = Snapshot(source.Root);
        var outFolder = pac.Folder.Combine("out");
        var staged = Path.Combine(outFolder, "staged-src");

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", outFolder, "--message-ids", $"{WinId},{LoseId}", "--stage-only");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(staged, run.Output.Trim());
        Assert.Empty(pac.PacCalls);
        Assert.Equal(WinId, MessageId(Path.Combine(staged, WinStep)));
        Assert.Equal(LoseId, MessageId(Path.Combine(staged, LoseStep)));
        Assert.Equal(before, Snapshot(source.Root));
        Assert.False(File.Exists(Path.Combine(outFolder, "DataverseRelationship_1.2.3.4.zip")));
    }

    [Fact]
    public void The_project_packer_packs_the_ids_from_the_environment_variables_into_the_zip()
    {
        using var pac = new PacScript(withPac: false, withDotnet: true).Set("PACKER_DLL", PackerDll)
            .Set("DVR_WIN_MESSAGE_ID", WinId).Set("DVR_LOSE_MESSAGE_ID", LoseId);
        var assembly = OfficialAssembly(pac);
        var source = SourceWithWinAndLoseSteps(pac, assembly);
        var before = Snapshot(source.Root);
        var outFolder = pac.Folder.Combine("out");

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", outFolder, "--assembly", assembly, "--type", "Managed");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"pack --source {outFolder}/staged-src --assembly {assembly}", run.Error, StringComparison.Ordinal);
        var steps = new UnpackedZip(Path.Combine(outFolder, "DataverseRelationship_1.2.3.4_managed.zip")).Customizations
            .Descendants("SdkMessageProcessingStep")
            .ToDictionary(step => (string)step.Attribute("Name")!, step => step.Element("SdkMessageId")!.Value, StringComparer.Ordinal);
        Assert.Equal(WinId, steps[StepName("Win")]);
        Assert.Equal(LoseId, steps[StepName("Lose")]);
        Assert.Equal(before, Snapshot(source.Root));
    }

    [Fact]
    public void The_project_packer_without_ids_stops_saying_why_they_are_needed()
    {
        using var pac = new PacScript(withPac: false);
        var source = SourceWithWinAndLoseSteps(pac, null);

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", pac.Folder.Combine("out"), "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("need the target environment's sdkmessage ids", run.Error, StringComparison.Ordinal);
        Assert.Contains("generated for this repository", run.Error, StringComparison.Ordinal);
        Assert.Contains("--message-ids WIN_GUID,LOSE_GUID", run.Error, StringComparison.Ordinal);
        Assert.Contains("DVR_WIN_MESSAGE_ID", run.Error, StringComparison.Ordinal);
        Assert.Contains(WinStep, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("--message-ids", WinId, "must be WIN_GUID,LOSE_GUID")]
    [InlineData("--message-ids", WinId + ",not-a-guid", "the sdkmessage id of Lose 'not-a-guid' is not a GUID")]
    [InlineData("DVR_WIN_MESSAGE_ID", WinId, "environment variable DVR_LOSE_MESSAGE_ID is not set")]
    [InlineData("DVR_LOSE_MESSAGE_ID", LoseId, "environment variable DVR_WIN_MESSAGE_ID is not set")]
    public void Bad_message_ids_stop_the_pack_naming_the_field(string field, string value, string message)
    {
        using var pac = new PacScript(withPac: true);
        var source = SourceWithWinAndLoseSteps(pac, null);
        string[] args = ["--source", source.Root, "--out", pac.Folder.Combine("out"), "--dry-run"];
        if (field.StartsWith("--", StringComparison.Ordinal))
        {
            args = [.. args, field, value];
        }
        else
        {
            pac.Set(field, value);
        }

        var run = pac.Run("pack.sh", args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(pac.PacCalls);
    }

    [Fact]
    public void Pack_dry_run_prints_the_fetch_and_the_substitution_and_writes_nothing()
    {
        using var pac = new PacScript(withPac: true).AnswerFetch(IdFirstTable);
        var source = SourceWithWinAndLoseSteps(pac, null);
        var outFolder = pac.Folder.Combine("out");
        var staged = Path.Combine(outFolder, "staged-src");

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", outFolder, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "pac env fetch --xml '" + Fetch.Replace("'", @"'\''", StringComparison.Ordinal) + "'",
                $"# copy {source.Root} to {staged}",
                $"# {staged}/{WinStep}: SdkMessageId = <the sdkmessageid of Win from the fetch> (Win)",
                $"# {staged}/{LoseStep}: SdkMessageId = <the sdkmessageid of Lose from the fetch> (Lose)",
                "dotnet build src/DataverseRelationship.Plugins -c Release -f net462 -p:XrmSdk=Official",
                $"dotnet run --project src/DataverseRelationship.SolutionPackager -c Release -- verify-assembly --assembly {PluginAssembly}",
                $"# {outFolder}/pack-map.xml maps PluginAssemblies/**/DataverseRelationship.Plugins.dll to {PluginAssembly}",
                $"pac solution pack --zipfile {outFolder}/DataverseRelationship_1.2.3.4.zip --folder {staged} --packagetype Both --map {outFolder}/pack-map.xml --useUnmanagedFileForMissingManaged",
            ],
            run.Lines);
        Assert.Empty(pac.PacCalls);
        Assert.False(Directory.Exists(outFolder), "a dry run writes nothing");
    }

    [Fact]
    public void Pack_dry_run_of_the_real_solution_names_its_Win_and_Lose_steps()
    {
        using var pac = new PacScript(withPac: false);
        var outFolder = pac.Folder.Combine("out");
        var staged = Path.Combine(outFolder, "staged-src");

        var run = pac.Run("pack.sh", "--out", outFolder, "--message-ids", $"{WinId},{LoseId}", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                $"# copy {Path.Combine(Repository.Root, "solution", "src")} to {staged}",
                $"# {staged}/{CaptureWinStep}: SdkMessageId = {WinId} (Win)",
                $"# {staged}/{WinStep}: SdkMessageId = {WinId} (Win)",
                $"# {staged}/{LoseStep}: SdkMessageId = {LoseId} (Lose)",
                $"# {staged}/{CaptureLoseStep}: SdkMessageId = {LoseId} (Lose)",
            ],
            run.Lines.Take(5));
        Assert.Contains($"pack --source {staged} --assembly {PluginAssembly}", run.Output, StringComparison.Ordinal);
        Assert.Equal(GeneratedWinId, MessageId(Path.Combine(Repository.Root, "solution", "src", WinStep)));
        Assert.Equal(GeneratedLoseId, MessageId(Path.Combine(Repository.Root, "solution", "src", LoseStep)));
    }

    [Fact]
    public void A_test_package_needs_no_message_ids()
    {
        using var pac = new PacScript(withPac: true).AnswerFetch(IdFirstTable);
        var source = SourceWithWinAndLoseSteps(pac, null);
        var outFolder = pac.Folder.Combine("out");

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", outFolder, "--test-package", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "dotnet build src/DataverseRelationship.Plugins -c Release -f net462 -p:XrmSdk=StandIn",
                $"dotnet run --project src/DataverseRelationship.SolutionPackager -c Release -- pack --source {source.Root} --assembly {PluginAssembly} --out {outFolder} --type Both --test-package",
            ],
            run.Lines);
        Assert.Empty(pac.PacCalls);
    }

    private static string PackerDll => typeof(DataverseRelationship.SolutionPackager.Program).Assembly.Location;

    private static string PluginAssembly =>
        Path.Combine(Repository.Root, "src", "DataverseRelationship.Plugins", "bin", "Release", "net462", "DataverseRelationship.Plugins.dll");

    private static string StepName(string message) => $"DataverseRelationship.Plugins.Accounts.ValidateTierOverride: {message} of opportunity";

    /// <summary>An official-shaped, signed plugin assembly that verify-assembly accepts.</summary>
    private static string OfficialAssembly(PacScript pac) =>
        EmittedAssembly.Write(Directory.CreateDirectory(pac.Folder.Combine("official")).FullName, "DataverseRelationship.Plugins",
            [EmittedAssembly.OfficialXrmSdk], EmittedAssembly.NetFramework462, Signing.StrongName);

    /// <summary>The fixture source plus a step on Win and one on Lose carrying the repository's generated ids.</summary>
    private static SolutionSourceFixture SourceWithWinAndLoseSteps(PacScript pac, string? assembly)
    {
        var source = assembly is null
            ? new SolutionSourceFixture(pac.Folder.Combine("src"))
            : new SolutionSourceFixture(pac.Folder.Combine("src"), PluginAssemblyInspector.Inspect(assembly).PublicKeyToken);
        source.Write(WinStep, Step("{e9e2f7ed-152d-46d3-9fe2-3e319330226d}", "Win", GeneratedWinId));
        source.Write(LoseStep, Step("{9f2001ab-3853-49ee-9ec8-fd4fa0d0db44}", "Lose", GeneratedLoseId));
        return source;
    }

    private static string Step(string id, string message, string messageId) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <SdkMessageProcessingStep Name="{StepName(message)}" SdkMessageProcessingStepId="{id}">
          <SdkMessageId>{messageId}</SdkMessageId>
          <PluginTypeName>DataverseRelationship.Plugins.Accounts.ValidateTierOverride</PluginTypeName>
          <PrimaryEntity>opportunity</PrimaryEntity>
          <Description>{StepName(message)}</Description>
          <Mode>0</Mode><Rank>1</Rank><Stage>40</Stage>
        </SdkMessageProcessingStep>
        """;

    private static string MessageId(string stepFile) => XDocument.Load(stepFile).Root!.Element("SdkMessageId")!.Value;

    /// <summary>Every file of a folder with its bytes, to show that packing leaves the source as it was.</summary>
    private static string Snapshot(string folder) =>
        string.Join('\n', Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => Path.GetRelativePath(folder, file) + " " + Convert.ToBase64String(File.ReadAllBytes(file))));
}
