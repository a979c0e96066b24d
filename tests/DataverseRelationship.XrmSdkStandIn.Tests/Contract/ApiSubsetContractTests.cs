#if !XRMSDK_OFFICIAL
// The contract is about the stand-in assembly: nothing to check when the genuine SDK is compiled in instead.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Contract;

/// <summary>
/// The stand-in declares nothing that api-subset.txt (9.0.2.34 baseline) does not list: same namespace, name, kind,
/// base type, interfaces, member signatures and accessors. It may omit what the project does not use; the deliberate
/// omissions are named here so that nothing else goes missing unnoticed.
/// </summary>
public class ApiSubsetContractTests
{
    private static readonly Assembly StandIn = typeof(Entity).Assembly;

    /// <summary>Listed types the stand-in deliberately does not declare, and why.</summary>
    private static readonly Dictionary<string, string> OmittedTypes = new(StringComparer.Ordinal)
    {
        ["Microsoft.Crm.Sdk.Messages.RetrieveUserPrivilegeByPrivilegeNameRequest"] = "its response needs RolePrivilege, which the listing does not declare",
        ["Microsoft.Crm.Sdk.Messages.RetrieveUserPrivilegeByPrivilegeNameResponse"] = "its RolePrivileges property needs RolePrivilege, which the listing does not declare",
    };

    /// <summary>Listed members the stand-in deliberately does not declare (type, member line), and why.</summary>
    private static readonly Dictionary<(string Type, string Member), string> OmittedMembers = new()
    {
        [("Microsoft.Xrm.Sdk.Query.QueryExpression", "public Microsoft.Xrm.Sdk.Query.QueryExpression Accept(Microsoft.Xrm.Sdk.Query.IQueryExpressionVisitor visitor)")] =
            "IQueryExpressionVisitor is not in the listing",
        [("Microsoft.Xrm.Sdk.Query.ColumnSet", "public Microsoft.Xrm.Sdk.DataCollection<Microsoft.Xrm.Sdk.Query.XrmAttributeExpression> AttributeExpressions { get; }")] =
            "XrmAttributeExpression is not in the listing",
        [("Microsoft.Xrm.Sdk.Messages.RetrieveRequest", "public Microsoft.Xrm.Sdk.RelationshipQueryCollection RelatedEntitiesQuery { get; set; }")] =
            "RelationshipQueryCollection is not in the listing",
    };

    private static IEnumerable<Type> PublicTypes() => StandIn.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Fact]
    public void The_listing_is_found_beside_the_repository_and_parsed()
    {
        ApiListing listing = ApiListing.Load();

        Assert.True(listing.Types.Count >= 70, $"Only {listing.Types.Count} types parsed from {listing.Path}.");
        ListedType entity = listing.Types["Microsoft.Xrm.Sdk.Entity"];
        Assert.Equal("class", entity.Kind);
        Assert.Contains("public virtual T GetAttributeValue<T>(string attributeLogicalName)", entity.Members);
        Assert.Contains("System.Runtime.Serialization.IExtensibleDataObject", entity.Interfaces);
        Assert.Equal("Microsoft.Xrm.Sdk.DataCollection<string, object>", listing.Types["Microsoft.Xrm.Sdk.AttributeCollection"].BaseType);
        Assert.Equal("int", listing.Types["Microsoft.Xrm.Sdk.EntityState"].BaseType);
    }

    [Fact]
    public void Version_differences_of_9_0_2_56_are_not_part_of_the_listing()
    {
        ApiListing listing = ApiListing.Load();

        Assert.Contains("public Microsoft.Xrm.Sdk.FormattedValueCollection FormattedValues { get; }", listing.Types["Microsoft.Xrm.Sdk.Entity"].Members);
        Assert.DoesNotContain(listing.Types["Microsoft.Xrm.Sdk.ParameterCollection"].Members, m => m.Contains("TryGetValue<T>", StringComparison.Ordinal));
        Assert.DoesNotContain("ExpectationFailed = 417", listing.Types["Microsoft.Xrm.Sdk.PluginHttpStatusCode"].Members);
    }

    [Fact]
    public void The_renderer_writes_members_in_the_listing_notation()
    {
        string[] entity = ReflectedDeclaration.Members(typeof(Entity)).ToArray();

        Assert.Contains("public virtual T GetAttributeValue<T>(string attributeLogicalName)", entity);
        Assert.Contains("public bool TryGetAttributeValue<T>(string attributeKey, out T result)", entity);
        Assert.Contains("public Microsoft.Xrm.Sdk.EntityState? EntityState { get; set; }", entity);
        Assert.Contains("public object this[string attributeName] { get; set; }", entity);
        Assert.Contains("protected virtual void SetAttributeValue(string attributeLogicalName, object value)", entity);
        Assert.Contains(
            "public void AddRange(params System.Collections.Generic.KeyValuePair<TKey, TValue>[] items)",
            ReflectedDeclaration.Members(typeof(DataCollection<,>)));
        Assert.Equal(
            "public abstract class Microsoft.Xrm.Sdk.DataCollection<TKey, TValue> : System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<TKey, TValue>>, System.Collections.IEnumerable",
            ReflectedDeclaration.Declaration(typeof(DataCollection<,>)));
    }

    [Fact]
    public void Every_public_type_and_member_of_the_stand_in_is_in_the_listing()
    {
        ApiListing listing = ApiListing.Load();
        var violations = new List<string>();

        foreach (Type type in PublicTypes())
        {
            string name = ReflectedDeclaration.Name(type);
            string declaration = ReflectedDeclaration.Declaration(type);
            if (!listing.Types.TryGetValue(name, out ListedType? listed))
            {
                violations.Add($"type not in the listing: {declaration}");
                continue;
            }

            string? baseType = ReflectedDeclaration.BaseType(type);
            IReadOnlySet<string> interfaces = ReflectedDeclaration.Interfaces(type);
            if (ReflectedDeclaration.Kind(type) != listed.Kind || baseType != listed.BaseType || !interfaces.SetEquals(listed.Interfaces))
            {
                violations.Add($"type declared as `{declaration}` but listed as `{listed.DeclarationLine}`");
            }

            foreach (string member in ReflectedDeclaration.Members(type))
            {
                if (!listed.Members.Contains(member))
                {
                    violations.Add($"member of {name} not in the listing: {member}");
                }
            }
        }

        Assert.True(
            violations.Count == 0,
            $"The stand-in declares {violations.Count} thing(s) api-subset.txt (9.0.2.34) does not list:{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", violations));
    }

    [Fact]
    public void Every_listed_type_and_member_is_declared_except_the_named_omissions()
    {
        ApiListing listing = ApiListing.Load();
        Dictionary<string, Type> declared = PublicTypes().ToDictionary(ReflectedDeclaration.Name, StringComparer.Ordinal);
        var missing = new List<string>();

        foreach (ListedType listed in listing.Types.Values.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (!declared.TryGetValue(listed.FullName, out Type? type))
            {
                if (!OmittedTypes.ContainsKey(listed.FullName))
                {
                    missing.Add($"type: {listed.DeclarationLine}");
                }

                continue;
            }

            var members = new HashSet<string>(ReflectedDeclaration.Members(type), StringComparer.Ordinal);
            foreach (string member in listed.Members.Where(m => !members.Contains(m)))
            {
                if (!OmittedMembers.ContainsKey((listed.FullName, member)))
                {
                    missing.Add($"member of {listed.FullName}: {member}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Listed but not declared (and not a named omission):" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", missing));
    }

    [Fact]
    public void The_named_omissions_are_still_listed_and_still_absent()
    {
        ApiListing listing = ApiListing.Load();
        Dictionary<string, Type> declared = PublicTypes().ToDictionary(ReflectedDeclaration.Name, StringComparer.Ordinal);

        foreach (string type in OmittedTypes.Keys)
        {
            Assert.True(listing.Types.ContainsKey(type), $"{type} is named as omitted but is not listed.");
            Assert.False(declared.ContainsKey(type), $"{type} is named as omitted but is declared.");
        }

        foreach ((string type, string member) in OmittedMembers.Keys)
        {
            Assert.True(listing.Types[type].Members.Contains(member), $"{type}: '{member}' is named as omitted but is not listed.");
            Assert.DoesNotContain(member, ReflectedDeclaration.Members(declared[type]));
        }
    }
}
#endif
