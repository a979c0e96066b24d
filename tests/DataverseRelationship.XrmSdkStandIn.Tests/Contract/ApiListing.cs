using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Contract;

/// <summary>A type as api-subset.txt lists it: its declaration (kind, name, base list) and its member lines.</summary>
public sealed record ListedType(string FullName, string Kind, string? BaseType, IReadOnlySet<string> Interfaces, IReadOnlySet<string> Members, string DeclarationLine);

/// <summary>
/// The 9.0.2.34 baseline of api-subset.txt (src/DataverseRelationship.XrmSdkStandIn/Reference): every type declared in its LISTING and
/// MICROSOFT.CRM.SDK.PROXY sections, with their member lines. The version-difference notes are not part of it.
/// </summary>
public sealed class ApiListing
{
    private const string ListingHeader = "LISTING (baseline 9.0.2.34)";

    private ApiListing(IReadOnlyDictionary<string, ListedType> types, string path)
    {
        Types = types;
        Path = path;
    }

    public IReadOnlyDictionary<string, ListedType> Types { get; }

    public string Path { get; }

    /// <summary>
    /// The listing kept in the repository (src/DataverseRelationship.XrmSdkStandIn/Reference/api-subset.txt, see the
    /// README there for its provenance), copied beside the test assembly by the project file.
    /// </summary>
    public static ApiListing Load()
    {
        string path = LocateListing();
        return Parse(File.ReadAllLines(path), path);
    }

    /// <summary>Where the copied listing is, or a clear error naming the file the project should have copied.</summary>
    public static string LocateListing() => ReferenceFile("api-subset.txt");

    /// <summary>A file of the Reference folder as copied beside the test assembly.</summary>
    public static string ReferenceFile(string name)
    {
        string path = System.IO.Path.Combine(AppContext.BaseDirectory, "Reference", name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{name}: the fact file about the genuine SDK is missing at '{path}'; the test project copies it from src/DataverseRelationship.XrmSdkStandIn/Reference/.",
                path);
        }

        return path;
    }

    public static ApiListing Parse(IReadOnlyList<string> lines, string path)
    {
        int start = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Trim() == ListingHeader)
            {
                start = i + 1;
                break;
            }
        }

        if (start < 0)
        {
            throw new InvalidDataException($"api-subset.txt: the header '{ListingHeader}' is missing from '{path}'.");
        }

        var types = new Dictionary<string, ListedType>(StringComparer.Ordinal);
        string? declaration = null;
        (string Kind, string Name, string? Base, HashSet<string> Interfaces)? current = null;
        HashSet<string>? members = null;

        void Flush()
        {
            if (declaration != null && members != null && current is { } type)
            {
                types[type.Name] = new ListedType(type.Name, type.Kind, type.Base, type.Interfaces, members, declaration);
            }

            declaration = null;
            members = null;
        }

        for (int i = start; i < lines.Count; i++)
        {
            string line = lines[i];
            if (line.StartsWith("public ", StringComparison.Ordinal))
            {
                Flush();
                declaration = line.Trim();
                current = ParseDeclaration(declaration);
                members = new HashSet<string>(StringComparer.Ordinal);
            }
            else if (members != null && line.StartsWith("    ", StringComparison.Ordinal) && line.Trim().Length > 0)
            {
                members.Add(line.Trim());
            }
            else if (line.Trim().Length == 0 || line.StartsWith('=') || line.StartsWith('['))
            {
                Flush();
            }
        }

        Flush();
        return new ApiListing(types, path);
    }

    /// <summary>Splits "public sealed class N.T&lt;A, B&gt; : Base, IFace" into kind, name and base list.</summary>
    private static (string Kind, string Name, string? Base, HashSet<string> Interfaces) ParseDeclaration(string declaration)
    {
        string[] kinds = { "public static class ", "public sealed class ", "public abstract class ", "public class ", "public interface ", "public enum ", "public struct " };
        string kindPrefix = kinds.FirstOrDefault(k => declaration.StartsWith(k, StringComparison.Ordinal))
            ?? throw new InvalidDataException($"api-subset.txt: unrecognised type declaration '{declaration}'.");
        string kind = kindPrefix.Substring("public ".Length).TrimEnd();
        string rest = declaration.Substring(kindPrefix.Length);
        List<string> parts = SplitTopLevel(rest, " : ", 2);
        string name = parts[0];
        var baseList = parts.Count > 1 ? SplitTopLevel(parts[1], ", ", int.MaxValue) : new List<string>();

        string? baseType = null;
        var interfaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (string item in baseList)
        {
            if (kind == "enum" || (kind.EndsWith("class", StringComparison.Ordinal) && baseType == null && !LooksLikeInterface(item)))
            {
                baseType = item;
            }
            else
            {
                interfaces.Add(item);
            }
        }

        return (kind, name, baseType, interfaces);
    }

    /// <summary>.NET naming: an interface's simple name is I followed by a capital letter.</summary>
    private static bool LooksLikeInterface(string typeName)
    {
        string withoutArguments = typeName.Split('<')[0];
        string simple = withoutArguments.Substring(withoutArguments.LastIndexOf('.') + 1);
        return simple.Length > 1 && simple[0] == 'I' && char.IsUpper(simple[1]);
    }

    private static List<string> SplitTopLevel(string text, string separator, int maxParts)
    {
        var parts = new List<string>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '<' || c == '(' || c == '[')
            {
                depth++;
            }
            else if (c == '>' || c == ')' || c == ']')
            {
                depth--;
            }
            else if (depth == 0 && parts.Count < maxParts - 1 && string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(text.Substring(from, i - from));
                i += separator.Length - 1;
                from = i + 1;
            }
        }

        parts.Add(text.Substring(from));
        return parts;
    }
}
