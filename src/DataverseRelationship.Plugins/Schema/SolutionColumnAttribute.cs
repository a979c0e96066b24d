using System;

namespace DataverseRelationship.Plugins.Schema;

/// <summary>
/// What the solution says a column is, stamped on its name constant by the generator (SolutionColumns.g.cs, written
/// from solution/src by the packer's generate-schema command). The solution validator compares it with solution/src,
/// so a column changed in the solution without regenerating is reported, naming the file.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class SolutionColumnAttribute : Attribute
{
    /// <summary>A column of the given type, as Entity.xml names it (decimal, picklist, lookup, ...).</summary>
    public SolutionColumnAttribute(string type) => Type = type;

    /// <summary>The type as Entity.xml names it.</summary>
    public string Type { get; }

    /// <summary>A number's accepted range, "min..max" (invariant culture).</summary>
    public string? Range { get; set; }

    /// <summary>A choice column's global choice (option set) name.</summary>
    public string? Choice { get; set; }

    /// <summary>The table a custom lookup points to.</summary>
    public string? Target { get; set; }

    /// <summary>A date column that stores the date only (Behavior 2).</summary>
    public bool DateOnly { get; set; }
}

/// <summary>The global choice (option set) an enum's values stand for; the solution validator checks the values against it.</summary>
[AttributeUsage(AttributeTargets.Enum, AllowMultiple = false)]
public sealed class SolutionChoiceAttribute : Attribute
{
    /// <summary>The enum stands for the choice <paramref name="optionSetName"/>.</summary>
    public SolutionChoiceAttribute(string optionSetName) => OptionSetName = optionSetName;

    /// <summary>The option set's name (dvr_relationshiptier).</summary>
    public string OptionSetName { get; }
}
