using DataverseRelationship.Cli.Commands;

namespace DataverseRelationship.Cli;

/// <summary>Command-line entry point of dvrel.</summary>
public static class Program
{
    public static int Main(string[] args) => DvrelCommandLine.Run(args, CliConsole.FromProcess());
}
