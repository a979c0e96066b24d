using System;
using System.Linq;
using System.Reflection;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Behaviour;

/// <summary>
/// Every property of the typed messages the project uses maps to the Parameters (request) or Results (response) entry of the
/// same name: the typed classes are views of the named messages
/// (https://learn.microsoft.com/en-us/power-apps/developer/data-platform/org-service/use-messages). Only the types the project
/// uses are reflected over: reflecting over every genuine type loads System.ServiceModel, which .NET 10 lacks.
/// </summary>
public class MessagePropertyMappingTests
{
    /// <summary>The typed requests src/ uses.</summary>
    private static readonly Type[] RequestTypes =
    {
        typeof(AssociateRequest), typeof(CreateRequest), typeof(DeleteRequest), typeof(DisassociateRequest),
        typeof(LoseOpportunityRequest), typeof(RetrieveMultipleRequest), typeof(RetrieveRequest), typeof(UpdateRequest),
        typeof(WinOpportunityRequest),
    };

    /// <summary>The typed responses src/ uses.</summary>
    private static readonly Type[] ResponseTypes =
    {
        typeof(CreateResponse), typeof(DeleteResponse), typeof(LoseOpportunityResponse), typeof(RetrieveMultipleResponse),
        typeof(RetrieveResponse), typeof(SetStateResponse), typeof(UpdateResponse), typeof(UpsertResponse), typeof(WhoAmIResponse),
        typeof(WinOpportunityResponse),
    };

    public static TheoryData<Type> Requests() => new(RequestTypes);

    public static TheoryData<Type> Responses() => new(ResponseTypes);

    [Theory]
    [MemberData(nameof(Requests))]
    public void Request_properties_are_stored_in_Parameters_under_their_own_name(Type type)
    {
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
    public void Response_properties_are_read_only_and_read_Results_under_their_own_name(Type type)
    {
        var response = (OrganizationResponse)Activator.CreateInstance(type)!;

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            Assert.Null(property.SetMethod);
            object sample = SampleOf(property.PropertyType);
            response.Results[property.Name] = sample;
            Assert.Equal(sample, property.GetValue(response));
        }
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
    public void Sample_values_cover_the_property_types_of_the_used_messages()
    {
        Type[] used = RequestTypes.Concat(ResponseTypes)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(p => p.PropertyType).Distinct().ToArray();

        Assert.Contains(typeof(EntityReferenceCollection), used);
        Assert.All(used, t => Assert.IsAssignableFrom(t, SampleOf(t)));
    }
}
