using System;

namespace DataverseRelationship.LocalDataverse.Schema;

/// <summary>What deleting a referenced row does to the rows whose lookup points at it (a relationship's CascadeDelete).</summary>
public enum CascadeDeleteBehavior
{
    /// <summary>The referencing rows are deleted too (each through the pipeline, as its own Delete).</summary>
    Cascade,

    /// <summary>The referencing rows keep existing; their lookup is cleared.</summary>
    RemoveLink,

    /// <summary>The delete is refused while any referencing row exists.</summary>
    Restrict,

    /// <summary>Nothing is done (system relationships such as opportunity_owning_user carry it).</summary>
    NoCascade,
}

/// <summary>One relationship's delete behaviour: <c>ReferencingTable.ReferencingColumn</c> points at <c>ReferencedTable</c>; <c>Source</c> says where it is stated.</summary>
public sealed record CascadeDeleteRule(string Relationship, string ReferencingTable, string ReferencingColumn, string ReferencedTable, CascadeDeleteBehavior Behavior, string Source)
{
    /// <summary>Parses a relationship's CascadeDelete value (Cascade, RemoveLink, Restrict, NoCascade).</summary>
    public static CascadeDeleteBehavior Parse(string value, string where) => value switch
    {
        "Cascade" => CascadeDeleteBehavior.Cascade,
        "RemoveLink" => CascadeDeleteBehavior.RemoveLink,
        "Restrict" => CascadeDeleteBehavior.Restrict,
        "NoCascade" => CascadeDeleteBehavior.NoCascade,
        _ => throw new ArgumentException($"{where}: CascadeDelete '{value}' is not Cascade, RemoveLink, Restrict or NoCascade.", nameof(value)),
    };
}
