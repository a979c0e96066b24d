using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Contract;

/// <summary>An unqualified name that would bind differently, or be ambiguous, when compiled against the genuine SDK.</summary>
/// <param name="File">The source file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the use.</param>
/// <param name="Name">The simple name as written.</param>
/// <param name="GenuineType">The genuine type of that name in a namespace the file imports.</param>
public sealed record NameCollision(string File, int Line, string Name, string GenuineType)
{
    public override string ToString() =>
        $"{File}:{Line}: '{Name}' is also {GenuineType} in the genuine SDK, whose namespace this file imports; qualify it (e.g. System.{Name}) or alias it.";
}

/// <summary>
/// Finds names that compile against the stand-in but collide under <c>-p:XrmSdk=Official</c>: a simple name used
/// unqualified in a file that imports a genuine SDK namespace declaring a type of that name, which the stand-in does
/// not declare (so the code means some other type, e.g. <c>System.AppContext</c> against
/// <c>Microsoft.Crm.Sdk.Messages.AppContext</c>). The genuine names come from Reference/genuine-type-names.txt.
/// </summary>
public sealed class GenuineNameCollisions
{
    private readonly ILookup<string, string> _genuineByNamespace;
    private readonly HashSet<string> _standIn;

    /// <param name="genuineTypes">Namespace-qualified genuine type names (nested types as Outer+Inner are ignored).</param>
    /// <param name="standInTypes">Namespace-qualified type names the stand-in declares.</param>
    public GenuineNameCollisions(IEnumerable<string> genuineTypes, IEnumerable<string> standInTypes)
    {
        _genuineByNamespace = genuineTypes.Where(t => !t.Contains('+', StringComparison.Ordinal) && t.Contains('.', StringComparison.Ordinal))
            .ToLookup(t => t[..t.LastIndexOf('.')], StringComparer.Ordinal);
        _standIn = new HashSet<string>(standInTypes, StringComparer.Ordinal);
    }

    /// <summary>The namespaces that hold genuine types.</summary>
    public IEnumerable<string> GenuineNamespaces => _genuineByNamespace.Select(g => g.Key);

    /// <summary>Reads genuine-type-names.txt (comment lines start with #).</summary>
    public static IEnumerable<string> ReadGenuineTypeNames(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    /// <summary>The namespace-qualified types declared in C# sources (the stand-in's).</summary>
    public static IEnumerable<string> DeclaredTypes(IEnumerable<string> sourceFiles)
    {
        foreach (string file in sourceFiles)
        {
            SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (BaseTypeDeclarationSyntax type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(t => t.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax))
            {
                string ns = type.Parent is BaseNamespaceDeclarationSyntax declaration ? declaration.Name.ToString() : string.Empty;
                yield return ns.Length == 0 ? type.Identifier.Text : ns + "." + type.Identifier.Text;
            }

            foreach (DelegateDeclarationSyntax type in root.DescendantNodes().OfType<DelegateDeclarationSyntax>().Where(t => t.Parent is BaseNamespaceDeclarationSyntax))
            {
                yield return ((BaseNamespaceDeclarationSyntax)type.Parent!).Name + "." + type.Identifier.Text;
            }
        }
    }

    /// <summary>Every collision in one source text.</summary>
    public IEnumerable<NameCollision> Find(string relativePath, string source)
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (UsingDirectiveSyntax directive in root.DescendantNodes().OfType<UsingDirectiveSyntax>()
                     .Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name is not null))
        {
            foreach (string genuine in _genuineByNamespace[directive.Name!.ToString()].Where(t => !_standIn.Contains(t)))
            {
                candidates.TryAdd(genuine[(genuine.LastIndexOf('.') + 1)..], genuine);
            }
        }

        if (candidates.Count == 0)
        {
            yield break;
        }

        foreach (SimpleNameSyntax name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (IsQualified(name) || name.Ancestors().OfType<UsingDirectiveSyntax>().Any())
            {
                continue;
            }

            string text = name.Identifier.Text;
            string? genuine = candidates.GetValueOrDefault(text)
                ?? (name.Parent is AttributeSyntax ? candidates.GetValueOrDefault(text + "Attribute") : null);
            if (genuine is not null)
            {
                yield return new NameCollision(relativePath, name.GetLocation().GetLineSpan().StartLinePosition.Line + 1, text, genuine);
            }
        }
    }

    private static bool IsQualified(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name == name,
        QualifiedNameSyntax qualified => qualified.Right == name,
        MemberBindingExpressionSyntax => true,
        AliasQualifiedNameSyntax alias => alias.Name == name,
        NameColonSyntax or NameEqualsSyntax => true,
        _ => false,
    };
}
