namespace DataverseRelationship.Cli.Commands;

/// <summary>What dvrel returns to the shell.</summary>
public static class ExitCodes
{
    /// <summary>The command ran and printed its report.</summary>
    public const int Success = 0;

    /// <summary>The command could not finish: no solution found, a report could not be written, an unexpected error.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unreadable or invalid data set or policy file, or bad arguments.</summary>
    public const int BadInput = 2;

    /// <summary>The text dvrel --help shows about the exit codes.</summary>
    public const string Description = "Exit codes: 0 success; 1 failure (solution not found, report not written, unexpected error); 2 bad input (unreadable or invalid data set or policy, bad arguments).";
}
