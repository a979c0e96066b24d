using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataverseRelationship.SolutionModel;
using DataverseRelationship.SolutionPackager.Packing;

namespace DataverseRelationship.SolutionPackager;

/// <summary>Command-line entry point of the packer.</summary>
public static class Program
{
    /// <summary>Bad command line or a missing input path.</summary>
    public const int BadInput = 2;

    /// <summary>Packing failed: an assembly was refused or the solution source is incomplete.</summary>
    public const int Failure = 1;

    private const string Usage = """
        usage:
          DataverseRelationship.SolutionPackager pack --source <folder> --assembly <dll> [--assembly <dll> ...] --out <folder>
                                                      [--type Unmanaged|Managed|Both] [--test-package]
          DataverseRelationship.SolutionPackager verify-assembly --assembly <dll> [--test-package]
          DataverseRelationship.SolutionPackager verify-package --zip <zip>
          DataverseRelationship.SolutionPackager validate --source <folder>
          DataverseRelationship.SolutionPackager generate-schema --source <folder> --out <file>

        pack             packs the unpacked solution (pac layout) into <UniqueName>_<Version>.zip and/or
                         <UniqueName>_<Version>_managed.zip, mapping each --assembly over the source's copy.
                         --type defaults to Both.
        verify-assembly  checks that a plugin assembly may be deployed: it references
                         Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35 and not
                         the offline stand-in, is strong-name signed and targets .NET Framework 4.6.2.
        verify-package   checks a zip before import: not a test package, every plugin assembly in it deployable.
        validate         checks the unpacked solution's consistency (the Source validator) and lists every finding.
        generate-schema  writes the plugin code's column names from the solution (SolutionColumns.g.cs:
                         --source solution/src --out src/DataverseRelationship.Plugins/Schema/SolutionColumns.g.cs)
                         and, next to it, the choices' labels (SolutionChoiceLabels.g.cs).
        --test-package   accept an assembly built against the offline SDK stand-in; the zips are named
                         *_TEST-DO-NOT-IMPORT* and their description says DO NOT IMPORT.
        exit codes: 0 success, 1 packing failed or assembly refused, 2 bad command line or missing path.
        """;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs one command, writing to the given streams; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Count == 0 ? error : output).WriteLine(Usage);
            return args.Count == 0 ? BadInput : 0;
        }
        try
        {
            var options = CommandLine.Parse(args.Skip(1).ToList());
            return args[0] switch
            {
                "pack" => Pack(options, output, error),
                "verify-assembly" => VerifyAssembly(options, output, error),
                "verify-package" => VerifyPackage(options, output, error),
                "validate" => Validate(options, output, error),
                "generate-schema" => GenerateSchema(options, output),
                _ => throw new CommandLineException($"unknown command '{args[0]}' (expected pack, verify-assembly, verify-package, validate or generate-schema)"),
            };
        }
        catch (CommandLineException e)
        {
            error.WriteLine("error: " + e.Message);
            error.WriteLine(Usage);
            return BadInput;
        }
        catch (PackingException e)
        {
            error.WriteLine("error: " + e.Message);
            return Failure;
        }
        catch (IOException e)
        {
            error.WriteLine("error: " + e.Message);
            return Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine("error: " + e.Message);
            return Failure;
        }
    }

    private static int Pack(CommandLine options, TextWriter output, TextWriter error)
    {
        options.Allow("--source", "--assembly", "--out", "--type", "--test-package");
        var source = options.Single("--source");
        if (!Directory.Exists(source))
        {
            throw new CommandLineException($"--source: folder '{source}' does not exist");
        }
        var assemblies = options.All("--assembly");
        if (assemblies.Count == 0)
        {
            throw new CommandLineException("--assembly: give the built plugin assembly (src/DataverseRelationship.Plugins/bin/Release/net462/DataverseRelationship.Plugins.dll)");
        }
        foreach (var assembly in assemblies.Where(a => !File.Exists(a)))
        {
            throw new CommandLineException($"--assembly: file '{assembly}' does not exist");
        }
        var outFolder = options.Single("--out");
        var typeText = options.Optional("--type") ?? nameof(PackageType.Both);
        if (!Enum.TryParse<PackageType>(typeText, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(typeText, out _))
        {
            throw new CommandLineException($"--type: '{typeText}' is not Unmanaged, Managed or Both");
        }
        var testPackage = options.Flag("--test-package");

        var result = SolutionPacker.Pack(new PackRequest(source, assemblies, outFolder, type, testPackage));
        foreach (var assembly in result.Assemblies)
        {
            var problems = assembly.DeploymentProblems();
            output.WriteLine(problems.Count == 0
                ? $"assembly {assembly.FullName}: deployable ({assembly.TargetFramework}, signed, references {PluginAssemblyFacts.OfficialXrmSdk})"
                : $"assembly {assembly.FullName}: NOT deployable ({string.Join("; ", problems)})");
        }
        foreach (var warning in result.Warnings)
        {
            error.WriteLine("warning: " + warning);
        }
        foreach (var zip in result.Zips)
        {
            output.WriteLine($"packed {(zip.Managed ? "managed" : "unmanaged")} {zip.Path} ({zip.EntryNames.Count} entries)");
        }
        if (testPackage)
        {
            output.WriteLine("TEST PACKAGE: built for tests only, DO NOT IMPORT into any environment.");
        }
        return 0;
    }

    private static int VerifyAssembly(CommandLine options, TextWriter output, TextWriter error)
    {
        options.Allow("--assembly", "--test-package");
        var path = options.Single("--assembly");
        if (!File.Exists(path))
        {
            throw new CommandLineException($"--assembly: file '{path}' does not exist");
        }
        var facts = PluginAssemblyInspector.Inspect(path);
        var problems = facts.DeploymentProblems();
        if (problems.Count == 0)
        {
            output.WriteLine($"deployable: {facts.FullName}");
            return 0;
        }
        if (options.Flag("--test-package"))
        {
            output.WriteLine($"test package only, DO NOT IMPORT: {facts.FullName}: {string.Join("; ", problems)}");
            return 0;
        }
        error.WriteLine($"error: assembly: refusing '{path}' ({facts.FullName}): {string.Join("; ", problems)}");
        return Failure;
    }

    private static int VerifyPackage(CommandLine options, TextWriter output, TextWriter error)
    {
        options.Allow("--zip");
        var path = options.Single("--zip");
        if (!File.Exists(path))
        {
            throw new CommandLineException($"--zip: file '{path}' does not exist");
        }
        var problems = PackageVerifier.ImportProblems(path);
        if (problems.Count == 0)
        {
            output.WriteLine($"importable: {path}");
            return 0;
        }
        error.WriteLine($"error: zip: '{path}' must not be imported: {string.Join("; ", problems)}");
        return Failure;
    }

    private static int Validate(CommandLine options, TextWriter output, TextWriter error)
    {
        options.Allow("--source");
        var source = options.Single("--source");
        if (!Directory.Exists(source))
        {
            throw new CommandLineException($"--source: folder '{source}' does not exist");
        }
        IReadOnlyList<ValidationFinding> findings;
        try
        {
            findings = Source.SolutionValidator.Validate(source, code: null);
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or FormatException)
        {
            error.WriteLine($"error: {source}: {e.Message}");
            return Failure;
        }
        foreach (var finding in findings)
        {
            error.WriteLine(finding.ToString());
        }
        if (findings.Count > 0)
        {
            error.WriteLine($"error: {findings.Count} finding(s) in {source}");
            return Failure;
        }
        output.WriteLine($"valid: {source}");
        return 0;
    }

    private static int GenerateSchema(CommandLine options, TextWriter output)
    {
        options.Allow("--source", "--out");
        var source = options.Single("--source");
        if (!Directory.Exists(source))
        {
            throw new CommandLineException($"--source: folder '{source}' does not exist");
        }
        var outFile = options.Single("--out");
        var solution = SolutionSourceReader.Read(source);
        File.WriteAllText(outFile, Source.SchemaCode.Generate(solution));
        output.WriteLine($"wrote {outFile}");
        var labelsFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outFile))!, Path.GetFileName(Source.SchemaCode.LabelsRelativePath));
        File.WriteAllText(labelsFile, Source.SchemaCode.GenerateLabels(solution));
        output.WriteLine($"wrote {labelsFile}");
        return 0;
    }

    /// <summary>The command line is wrong: unknown option, missing value, missing path.</summary>
    private sealed class CommandLineException(string message) : Exception(message);

    private sealed class CommandLine
    {
        private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--test-package" };
        private readonly List<(string Name, string? Value)> options = [];

        public static CommandLine Parse(List<string> args)
        {
            var parsed = new CommandLine();
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                if (!name.StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CommandLineException($"unexpected argument '{name}'");
                }
                if (Flags.Contains(name))
                {
                    parsed.options.Add((name, null));
                    continue;
                }
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CommandLineException($"{name}: a value is required");
                }
                parsed.options.Add((name, args[++i]));
            }
            return parsed;
        }

        public void Allow(params string[] names)
        {
            var unknown = options.FirstOrDefault(o => !names.Contains(o.Name, StringComparer.Ordinal));
            if (unknown.Name is not null)
            {
                throw new CommandLineException($"{unknown.Name}: unknown option (allowed: {string.Join(", ", names)})");
            }
        }

        public string Single(string name) =>
            Optional(name) ?? throw new CommandLineException($"{name}: required");

        public string? Optional(string name)
        {
            var values = All(name);
            return values.Count switch
            {
                0 => null,
                1 => values[0],
                _ => throw new CommandLineException($"{name}: given {values.Count} times, expected once"),
            };
        }

        public List<string> All(string name) =>
            options.Where(o => o.Name == name && o.Value is not null).Select(o => o.Value!).ToList();

        public bool Flag(string name) => options.Any(o => o.Name == name);
    }
}
