using System;
using System.Diagnostics.CodeAnalysis;

namespace DataverseRelationship.Engine.Model;

/// <summary>Argument checks that compile on .NET Framework 4.6.2 as well as .NET 10.</summary>
internal static class Argument
{
    [SuppressMessage("Maintainability", "CA1510:Use ArgumentNullException throw helper", Justification = "ArgumentNullException.ThrowIfNull does not exist on .NET Framework 4.6.2, which this code also targets.")]
    public static T NotNull<T>(T? value, string name)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, name + " is required.");
        }

        return value;
    }
}
