using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>One thing wrong in a data set: the file, where in it (line or record), and why.</summary>
public sealed record DataSetProblem(string File, string Location, string Reason)
{
    public override string ToString() => Location.Length == 0 ? $"{File}: {Reason}" : $"{File}, {Location}: {Reason}";
}

/// <summary>A data set that could not be loaded; nothing of it was returned. Lists the first problems found.</summary>
public sealed class DataSetException : Exception
{
    public DataSetException()
        : this("The data set could not be loaded.")
    {
    }

    public DataSetException(string message)
        : base(message)
    {
        Problems = [];
    }

    public DataSetException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public DataSetException(IReadOnlyList<DataSetProblem> problems, int totalProblems)
        : base(Format(problems, totalProblems))
    {
        Problems = problems;
        TotalProblems = totalProblems;
    }

    /// <summary>The first problems found (at most <see cref="ProblemLog.MaxReported"/>).</summary>
    public IReadOnlyList<DataSetProblem> Problems { get; }

    /// <summary>How many problems were found in all, including those not listed.</summary>
    public int TotalProblems { get; }

    private static string Format(IReadOnlyList<DataSetProblem> problems, int total)
    {
        string head = total == 1 ? "The data set has 1 problem:" : $"The data set has {total} problems:";
        string more = total > problems.Count ? $"{Environment.NewLine}  ... and {total - problems.Count} more" : string.Empty;
        return head + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)) + more;
    }
}

/// <summary>Collects problems while a loader validates everything, then throws them together.</summary>
public sealed class ProblemLog
{
    /// <summary>How many problems an exception lists.</summary>
    public const int MaxReported = 20;

    private readonly List<DataSetProblem> _problems = [];

    /// <summary>How many problems were found so far.</summary>
    public int Count { get; private set; }

    public void Add(string file, string location, string reason)
    {
        Count++;
        if (_problems.Count < MaxReported)
        {
            _problems.Add(new DataSetProblem(file, location, reason));
        }
    }

    /// <summary>Throws a <see cref="DataSetException"/> when any problem was found.</summary>
    public void ThrowIfAny()
    {
        if (Count > 0)
        {
            throw new DataSetException(_problems.ToArray(), Count);
        }
    }
}
