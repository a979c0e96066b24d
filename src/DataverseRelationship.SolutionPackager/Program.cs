namespace DataverseRelationship.SolutionPackager;

/// <summary>Command-line entry point of the packer.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        System.Console.Error.WriteLine("usage: DataverseRelationship.SolutionPackager pack|validate ... (see README)");
        return args.Length == 0 ? 2 : 2;
    }
}
