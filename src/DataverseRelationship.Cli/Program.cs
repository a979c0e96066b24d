namespace DataverseRelationship.Cli;

/// <summary>Command-line entry point of dvrel.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        System.Console.Error.WriteLine("usage: dvrel preview|compare ... (see README)");
        return args.Length == 0 ? 2 : 2;
    }
}
