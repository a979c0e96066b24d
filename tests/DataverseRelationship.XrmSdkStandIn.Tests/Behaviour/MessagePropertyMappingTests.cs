using System;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Behaviour;

/// <summary>Every typed message property maps to the Parameters (request) or Results (response) entry of the same name.</summary>
public class MessagePropertyMappingTests
{
    private static readonly Type[] MessageTypes = typeof(Entity).Assembly.GetExportedTypes()
        .Where(t => !t.IsAbstract && (t.IsSubclassOf(typeof(OrganizationRequest)) || t.IsSubclassOf(typeof(OrganizationResponse))))
        .ToArray();

    public static TheoryData<string> Requests() => Names(typeof(OrganizationRequest));

    public static TheoryData<string> Responses() => Names(typeof(OrganizationResponse));

    [Fact]
    public void The_stand_in_declares_the_typed_messages()
    {
        Assert.Equal(13, MessageTypes.Count(t => t.IsSubclassOf(typeof(OrganizationRequest))));
        // The listing has no Associate, Disassociate or ExecuteMultiple response types.
        Assert.Equal(10, MessageTypes.Count(t => t.IsSubclassOf(typeof(OrganizationResponse))));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Request_properties_are_stored_in_Parameters_under_their_own_name(string typeName)
    {
        Type type = MessageTypes.Single(t => t.FullName == typeName);
        var request = (OrganizationRequest)Activator.CreateInstance(type)!;

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            object sample = SampleOf(property.PropertyType);
            property.SetValue(request, sample);

            Assert.Equal(sample, request.Parameters[property.Name]);
            Assert.Equal(sample, property.GetValue(request));
        }
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void Response_properties_read_Results_under_their_own_name_and_default_when_absent(string typeName)
    {
        Type type = MessageTypes.Single(t => t.FullName == typeName);
        var response = (OrganizationResponse)Activator.CreateInstance(type)!;

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            Assert.Null(property.SetMethod);
            object? absent = property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null;
            Assert.Equal(absent, property.GetValue(response));

            object sample = SampleOf(property.PropertyType);
            response.Results[property.Name] = sample;
            Assert.Equal(sample, property.GetValue(response));
        }
    }

    private static TheoryData<string> Names(Type baseType)
    {
        var data = new TheoryData<string>();
        foreach (Type type in MessageTypes.Where(t => t.IsSubclassOf(baseType)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    /// <summary>A distinguishable, non-default value of the type.</summary>
    private static object SampleOf(Type type)
    {
        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(Guid))
        {
            return Guid.NewGuid();
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).Cast<object>().Last();
        }

        if (type == typeof(object) || type == typeof(QueryBase))
        {
            return new QueryExpression("account");
        }

        if (type == typeof(Entity))
        {
            return new Entity("account", Guid.NewGuid());
        }

        if (type == typeof(EntityReference))
        {
            return new EntityReference("account", Guid.NewGuid());
        }

        if (type == typeof(OptionSetValue))
        {
            return new OptionSetValue(418700001);
        }

        ConstructorInfo? constructor = type.GetConstructor(Type.EmptyTypes);
        Assert.True(constructor != null, $"No sample value for {type.FullName}.");
        return constructor!.Invoke(null);
    }

    [Fact]
    public void Sample_values_cover_the_collection_types_used_by_messages()
    {
        Type[] used = MessageTypes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(p => p.PropertyType).Distinct().ToArray();

        Assert.Contains(typeof(EntityReferenceCollection), used);
        Assert.Contains(typeof(OrganizationRequestCollection), used);
        Assert.All(used, t => Assert.IsAssignableFrom(t, SampleOf(t)));
    }
}
